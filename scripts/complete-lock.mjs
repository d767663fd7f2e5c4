// The npm mirror these machines reach lacks most of rollup's per-platform packages, so `npm install`
// leaves them out of package-lock.json, and `npm ci` then refuses the lock as out of sync. This puts
// the missing optional entries back, with their os/cpu/libc, so npm skips them on this platform and
// fetches the right one elsewhere. Run it after any `npm install` that rewrites the lock:
//   node scripts/complete-lock.mjs
import fs from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const PLATFORM = /rollup-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(?:-(gnueabihf|musleabihf|gnu|musl|msvc|eabi))?$/;
const added = [];
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!path.endsWith('node_modules/rollup')) continue;
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `${path.slice(0, -'rollup'.length)}${name}`;
    if (lock.packages[key]) continue;
    const m = PLATFORM.exec(name);
    if (!m) throw new Error(`no platform known for ${name}`);
    const entry = { version, cpu: [m[2]], dev: true, license: 'MIT', optional: true, os: [m[1]] };
    if (m[3] === 'gnu' || m[3] === 'gnueabihf') entry.libc = ['glibc'];
    if (m[3] === 'musl' || m[3] === 'musleabihf') entry.libc = ['musl'];
    lock.packages[key] = entry;
    added.push(name);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added.length} optional platform entries restored`);
