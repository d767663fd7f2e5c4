// Times `kim merge`: `node bench/merge.js [--offices 30] [--officers 30000]` (also a step of bench/run.js).
//
// One office is made as a clerk makes it (kim init, import of a generated roster, validate) and
// sent as `kim backup` makes it; the other offices are copies of it under the other regencies of
// Jawa Timur (35), their NIKs made their own but for one officer in a thousand, who sits in every
// office (ADM-DUP-NIK-REGENCY then has work to do). Then, each the median of three runs into a
// fresh provincial database:
//   - kim merge of every office, with its peak memory;
//   - the sqlite3 shell copying the same tables the same way (ATTACH each file, then INSERT …
//     SELECT its communities and officers, one transaction per office, with kim's WAL,
//     synchronous=FULL and page cache): the floor the merge is measured against (target ≤ 1.5×);
//     and the shell with its own defaults, for the record;
//   - merging one office again after it changed 1% of its officers, and all again unchanged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { removeDb, settleDisk } from './disk.js';
import { generateRoster } from './generate-roster.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const OUT = process.env.BENCH_OUT ?? path.join(BENCH, 'out');
const KIM = process.env.BENCH_KIM ?? path.join(BENCH, '..', 'bin', 'kim.js');
const DIR = path.join(OUT, 'merge');
const TARGET_RATIO = 1.5;
const TARGET_PEAK_MIB = 256;
const PROVINCE = '35';

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const offices = Number(argValue('--offices') ?? 30);
const officers = Number(argValue('--officers') ?? 30_000);
const env = { ...process.env, KIM_LANG: 'en', KIM_OPERATOR: 'bench', CI: 'true' };

function kim(args, { memory = false } = {}) {
  const command = memory && fs.existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', '%M', process.execPath, KIM, ...args]] : [process.execPath, [KIM, ...args]];
  const started = process.hrtime.bigint();
  const r = spawnSync(command[0], command[1], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`kim ${args.join(' ')} exit ${r.status}: ${r.stderr.slice(-2000)}`);
  const peakKiB = memory ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) : NaN;
  return { seconds, stdout: r.stdout, peakMiB: peakKiB / 1024 };
}

/** Jawa Timur's regencies, from the reference the provincial database is made with. */
function regencies(provinceDb) {
  const db = new Database(provinceDb, { readonly: true });
  try {
    return db.prepare(`SELECT code FROM regions WHERE level = 'regency' ORDER BY code`).pluck().all();
  } finally {
    db.close();
  }
}

function makeOffices(codes) {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  const roster = path.join(DIR, `roster-${officers}.csv`);
  return generateRoster({ rows: officers, out: roster }).then(() => {
    const base = path.join(DIR, 'office-base.sqlite');
    kim(['--db', base, 'init', '--regency', '35.74']);
    kim(['--db', base, 'import', roster, '--quiet', '--format', 'json']);
    spawnSync(process.execPath, [KIM, '--db', base, 'validate', '--quiet', '--format', 'json'], { env, stdio: 'ignore' });
    const sent = path.join(DIR, 'office-sent.sqlite');
    kim(['--db', base, 'backup', sent, '--yes']);
    removeDb(base);
    const files = [];
    for (let k = 0; k < offices; k++) {
      const file = path.join(DIR, `office-${String(k + 1).padStart(2, '0')}.sqlite`);
      fs.copyFileSync(sent, file);
      const db = new Database(file);
      db.prepare(`UPDATE settings SET value = json_quote(?) WHERE key = 'regency'`).run(codes[k]);
      // Each office's own people: the serial (last four digits) made unique per office, but for
      // one officer in a thousand, who is an officer in every office.
      db.prepare(
        `UPDATE officers SET nik = substr(nik, 1, 12) || printf('%04d', ? * 10 + CAST(substr(nik, 13) AS INTEGER)), nik_key = NULL
         WHERE nik_key IS NOT NULL AND id % 1000 <> 0`,
      ).run(k + 1);
      db.exec(`UPDATE officers SET nik_key = nik WHERE nik_key IS NULL AND nik GLOB '[0-9]*' AND length(nik) = 16`);
      db.close();
      files.push(file);
    }
    fs.rmSync(sent);
    fs.rmSync(roster);
    return files;
  });
}

function freshProvince(file) {
  removeDb(file);
  kim(['--db', file, 'init', '--province', PROVINCE]);
}

/**
 * The shell's copy of the same tables, as kim's merge does it: office, id, every other column;
 * officers to their community's copy. `tuned`: with kim's own settings (WAL, synchronous=FULL, a
 * 48 MiB page cache), the fair floor; without, the shell's defaults (2 MiB cache), for the record.
 */
function shellScript(provinceDb, files, codes, tuned) {
  const db = new Database(provinceDb, { readonly: true });
  const columns = (table, without) => db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table).filter((c) => !without.includes(c));
  const own = ['id', 'office', 'source_id', 'created_batch', 'last_batch'];
  const c = columns('communities', own);
  const o = columns('officers', [...own, 'community_id']);
  db.close();
  const lines = ['PRAGMA journal_mode = WAL;', 'PRAGMA synchronous = FULL;', ...(tuned ? ['PRAGMA cache_size = -49152;'] : [])];
  files.forEach((file, k) => {
    const q = `'${codes[k]}'`;
    lines.push(
      `ATTACH '${file}' AS o;`,
      'BEGIN;',
      `INSERT INTO communities (office, source_id, ${c.join(', ')}) SELECT ${q}, id, ${c.join(', ')} FROM o.communities;`,
      `INSERT INTO officers (office, source_id, community_id, ${o.join(', ')}) SELECT ${q}, s.id, p.id, ${o.map((x) => `s.${x}`).join(', ')}
         FROM o.officers s JOIN communities p ON p.office = ${q} AND p.source_id = s.community_id;`,
      'COMMIT;',
      'DETACH o;',
    );
  });
  return lines.join('\n') + '\n';
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const report = (measure, value, extra = {}) => console.log(`BENCH ${JSON.stringify({ measure, value, ...extra })}`);

async function main() {
  fs.mkdirSync(DIR, { recursive: true });
  const province = path.join(DIR, 'province.sqlite');
  freshProvince(province);
  const codes = regencies(province).slice(0, offices);
  if (codes.length < offices) throw new Error(`Jawa Timur has only ${codes.length} regencies`);
  console.error(`making ${offices} office files of ${officers.toLocaleString('en-US')} officers …`);
  const files = await makeOffices(codes);

  const kimTimes = [];
  let peak = 0;
  for (let i = 0; i < 3; i++) {
    freshProvince(province);
    settleDisk();
    console.error(`kim merge (${i + 1}/3) …`);
    const r = kim(['--db', province, 'merge', ...files, '--quiet', '--format', 'json'], { memory: true });
    kimTimes.push(r.seconds);
    peak = Math.max(peak, r.peakMiB);
  }

  const shellDb = path.join(DIR, 'province-shell.sqlite');
  const shell = (tuned) => {
    const times = [];
    for (let i = 0; i < 3; i++) {
      freshProvince(shellDb);
      const script = shellScript(shellDb, files, codes, tuned);
      settleDisk();
      console.error(`sqlite3 ATTACH + INSERT … SELECT${tuned ? ", kim's settings" : ''} (${i + 1}/3) …`);
      const started = process.hrtime.bigint();
      const r = spawnSync('sqlite3', [shellDb], { input: script, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`sqlite3 exit ${r.status}: ${r.stderr}`);
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    return median(times);
  };
  const shellSeconds = shell(true);
  const shellDefaultSeconds = shell(false);
  removeDb(shellDb);

  // The first office changes a hundredth of its officers and validates again (a copy of its file,
  // sent anew); the province, holding the first merge, takes it in, then all the files unchanged.
  const changedFile = path.join(DIR, 'office-01-changed.sqlite');
  fs.copyFileSync(files[0], changedFile);
  const changed = new Database(changedFile);
  changed.exec(`UPDATE officers SET occupation = 'Pedagang', updated_at = '2026-01-05T00:00:00.000Z' WHERE id % 100 = 0;
    UPDATE communities SET validated_at = '2026-01-05T00:00:01.000Z' WHERE id IN (SELECT community_id FROM officers WHERE id % 100 = 0)`);
  changed.close();
  const again = [];
  const unchanged = [];
  for (let i = 0; i < 3; i++) {
    freshProvince(province);
    kim(['--db', province, 'merge', ...files, '--quiet']);
    settleDisk();
    console.error(`kim merge again (${i + 1}/3) …`);
    again.push(kim(['--db', province, 'merge', changedFile, '--quiet', '--format', 'json']).seconds);
    unchanged.push(kim(['--db', province, 'merge', changedFile, ...files.slice(1), '--quiet', '--format', 'json']).seconds);
  }

  const kimSeconds = median(kimTimes);
  const label = `${offices} offices × ${officers.toLocaleString('en-US')} officers`;
  report(`kim merge, ${label} (s)`, kimSeconds, { digits: 2 });
  report(`sqlite3 ATTACH + INSERT…SELECT, kim's settings (s)`, shellSeconds, { digits: 2 });
  report(`sqlite3 ATTACH + INSERT…SELECT, shell defaults (s)`, shellDefaultSeconds, { digits: 2 });
  report('kim merge over sqlite3 (×)', kimSeconds / shellSeconds, { digits: 2, target: TARGET_RATIO });
  report('kim merge peak (MiB)', peak, { digits: 0, target: TARGET_PEAK_MIB });
  report('kim merge again, one office 1% changed (s)', median(again), { digits: 2 });
  report('kim merge again, nothing changed (s)', median(unchanged), { digits: 2 });
  if (!process.env.BENCH_KEEP) fs.rmSync(DIR, { recursive: true, force: true });
}

await main();
