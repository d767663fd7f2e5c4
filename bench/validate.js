// Times validation: `node bench/validate.js [--officers N]` (default 1,000,000, 10 per KIM).
//
// Seeds bench/out/validate-<N>.sqlite directly with better-sqlite3 (Kota Probolinggo's villages,
// mostly clean KIMs with a realistic sprinkle of problems: ASN and party officers, mangled NIKs,
// missing roles, bad phones, shared NIKs), then times runValidationInParallel from dist/ over all of it:
// the full pass as `kim validate` runs it (two threads for a large office), storing every finding
// and result in one transaction. Run `npx tsc -p .` first.
// Under bench/run.js (BENCH_DB set) it validates the database `kim import` just filled instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../dist/db/connection.js';
import { storeRegencyReference } from '../dist/db/regions.js';
import { loadRegencyReference } from '../dist/core/regions/reference.js';
import { runValidationInParallel } from '../dist/core/rules/validate.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const PER_KIM = 10;
// The hardening target: a whole-office validation of 1,000,000 officers in at most 3 s.
const TARGET_SECONDS = 3;
const ROLES = ['Ketua', 'Sekretaris', 'Bendahara', 'Anggota', 'Anggota', 'Bidang Pengumpulan Informasi', 'Anggota', 'Anggota', 'Anggota', 'Anggota'];
const JOBS = ['Petani', 'Nelayan', 'Pedagang', 'Wiraswasta', 'Ibu Rumah Tangga', 'Mahasiswa', 'Guru Honorer', 'Karyawan Swasta'];

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

function seed(file, officers) {
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file, { create: true, operator: 'bench' });
  db.pragma('synchronous = OFF');
  const ref = loadRegencyReference('35.74');
  const now = '2025-12-31T00:00:00.000Z';
  db.transaction(() => {
    storeRegencyReference(db, { regencyCode: '35.74', ...ref });
    const community = db.prepare(
      `INSERT INTO communities (id, name, name_key, village_key, district_text, village_text, district_code, village_code,
         sk_number, sk_date, sk_date_iso, acknowledged, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2 Agustus 2025', '2025-08-02', 'Sudah', ?, ?)`,
    );
    const officer = db.prepare(
      `INSERT INTO officers (community_id, name, name_key, nik, nik_key, role, birth_date, birth_date_iso, gender, sex,
         occupation, party, phone, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const kims = Math.ceil(officers / PER_KIM);
    let n = 0;
    let previous = [];
    for (let k = 1; k <= kims; k++) {
      const niks = [];
      const v = ref.villages[k % ref.villages.length];
      const d = ref.districts.find((x) => x.code === v.parentCode);
      community.run(k, `KIM Bench ${k}`, `bench ${k}`, v.code, d.name, v.name, d.code, v.code, k % 97 === 0 ? null : `400/${k}/425.106/2025`, now, now);
      for (let i = 0; i < PER_KIM && n < officers; i++, n++) {
        const female = n % 2 === 1;
        const [day, month, yy] = [1 + (n % 28), 1 + (n % 12), 50 + (n % 50)];
        const serial = pad((n % 9999) + 1, 4);
        let nik = `${pad(k, 6)}${pad(female ? day + 40 : day)}${pad(month)}${yy}${serial}`;
        // Every 500th officer also sits in the previous KIM: a duplicate NIK.
        if (n % 500 === 499 && previous[i]) nik = previous[i];
        if (n % 1000 === 7) nik = '3.57403E+15';
        niks.push(nik);
        const role = k % 89 === 0 && i === 1 ? 'Anggota' : ROLES[i];
        const job = n % 400 === 3 ? 'Guru PNS' : n % 700 === 5 ? 'Kader PAN' : JOBS[n % JOBS.length];
        const phone = n % 300 === 11 ? '81343842806' : `0813${pad(n % 100000000, 8)}`;
        officer.run(k, `Pengurus ${n}`, `pengurus ${n}`, nik, /^\d+$/.test(nik) ? nik : null, role, `${pad(day)}-${pad(month)}-19${yy}`,
          `19${yy}-${pad(month)}-${pad(day)}`, female ? 'P' : 'L', female ? 'F' : 'M', job, '-', phone, now, now);
      }
      previous = niks;
    }
  })();
  db.close();
}

const officers = Number(argValue('--officers') ?? process.env.BENCH_VALIDATE_OFFICERS ?? 1_000_000);
let file = process.env.BENCH_DB;
if (!file) {
  file = path.join(OUT, `validate-${officers}.sqlite`);
  const t0 = process.hrtime.bigint();
  seed(file, officers);
  console.log(`seeded ${officers.toLocaleString('en-US')} officers in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s: ${file}`);
}

const db = openDatabase(file, { operator: 'bench' });
const started = process.hrtime.bigint();
const run = await runValidationInParallel(db, { today: '2026-11-23', operator: 'bench', lang: 'en' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
db.close();
const { summary } = run;
console.log(
  `runValidation: ${summary.communities.toLocaleString('en-US')} KIMs, ${summary.officers.toLocaleString('en-US')} officers, ` +
    `${summary.errors.toLocaleString('en-US')} errors, ${summary.warnings.toLocaleString('en-US')} warnings in ${seconds.toFixed(2)} s ` +
    `(peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB)`,
);
console.log(`BENCH ${JSON.stringify({ measure: 'validate (s)', value: Number(seconds.toFixed(2)), target: TARGET_SECONDS, better: 'lower' })}`);
