// Seeds a large kim database for bench/report.js: a real regency's districts and villages,
// communities spread over its villages, officers spread over the communities. Deterministic
// (a fixed pseudo-random sequence), so two runs build the same file.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../dist/db/connection.js';
import { storeRegencyReference } from '../dist/db/regions.js';
import { loadRegencyReference } from '../dist/core/regions/reference.js';

const OFFICERS_PER_KIM = 15;
const ROLES = ['Ketua', 'Sekretaris', 'Bendahara', 'Anggota', 'Bidang Pengumpulan Informasi', 'Anggota'];
const JOBS = ['Petani', 'Nelayan', 'Pedagang', 'Wiraswasta', 'Ibu Rumah Tangga', 'Mahasiswa', 'Guru Honorer'];
const NAMES = ['Siti', 'Ahmad', 'Budi', 'Dewi', 'Eko', 'Fitri', 'Hadi', 'Indah', 'Joko', 'Lestari', 'Rina', 'Wahyu'];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Builds (or rebuilds) the database at file with about `officers` officers. */
export function seedReportDb(file, { officers = 1_000_000, regency = '32.01' } = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
  const db = openDatabase(file, { create: true, operator: 'bench' });
  const ref = loadRegencyReference(regency);
  const rand = rng(20250101);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  db.pragma('synchronous = OFF');
  const kims = Math.ceil(officers / OFFICERS_PER_KIM);
  db.transaction(() => {
    storeRegencyReference(db, { regencyCode: regency, ...ref });
    const insertCommunity = db.prepare(
      `INSERT INTO communities (id, name, name_key, village_key, district_text, village_text, district_code, village_code,
         sk_number, sk_date, sk_date_iso, acknowledged, number, ended_at, compliant, validated_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Sudah', ?, ?, ?, '2025-12-31T00:00:00.000Z', ?, ?)`,
    );
    const insertNumber = db.prepare(
      `INSERT INTO numbers (number, community_id, source, assigned_at, operator) VALUES (?, ?, 'assigned', ?, 'bench')`,
    );
    const insertOfficer = db.prepare(
      `INSERT INTO officers (community_id, name, name_key, nik, nik_key, role, birth_place, birth_date, birth_date_iso,
         gender, sex, occupation, phone, address, ended_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'Bogor', ?, ?, ?, ?, ?, ?, 'Jl. Raya', ?, ?, ?)`,
    );
    // Villages of the regency, but a few districts left empty so the recap has rows with no KIM.
    const villages = ref.villages.filter((v, i) => !v.parentCode.endsWith('.01') || i % 2 === 0);
    let officerCount = 0;
    for (let id = 1; id <= kims; id++) {
      const village = villages[id % villages.length];
      const year = 2022 + Math.floor(rand() * 4);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const hasSk = rand() < 0.85;
      const created = `${year}-${pad(month)}-${pad(day)}T03:00:00.000Z`;
      const ended = rand() < 0.05 ? `2025-${pad(1 + Math.floor(rand() * 12))}-15` : null;
      const number = rand() < 0.6 ? `${village.code}.${pad(id, 6)}` : null;
      const name = `KIM ${pick(NAMES)} ${id}`;
      insertCommunity.run(
        id, name, name.toLowerCase(), village.code, 'Kec', village.name, village.parentCode, village.code,
        hasSk ? `400/${id}/${year}` : null, hasSk ? `${day}/${month}/${year}` : null,
        hasSk ? `${year}-${pad(month)}-${pad(day)}` : null, number, ended, rand() < 0.7 ? 1 : 0, created, created,
      );
      if (number) insertNumber.run(number, id, created);
      for (let k = 0; k < OFFICERS_PER_KIM && officerCount < officers; k++, officerCount++) {
        const female = rand() < 0.45;
        const bd = 1 + Math.floor(rand() * 28);
        const bm = 1 + Math.floor(rand() * 12);
        const by = 1960 + Math.floor(rand() * 45);
        const nik = `${village.parentCode.replace(/\./g, '')}${pad(female ? bd + 40 : bd)}${pad(bm)}${pad(by % 100)}${pad(k + 1, 4)}`;
        const oname = `${pick(NAMES)} ${pick(NAMES)} ${officerCount}`;
        insertOfficer.run(
          id, oname, oname.toLowerCase(), nik, nik, ROLES[k] ?? 'Anggota', `${pad(bd)}-${pad(bm)}-${by}`,
          `${by}-${pad(bm)}-${pad(bd)}`, female ? 'P' : 'L', female ? 'F' : 'M', pick(JOBS),
          `08${Math.floor(1e9 + rand() * 8e9)}`, rand() < 0.03 ? '2025-06-30' : null, created, created,
        );
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
