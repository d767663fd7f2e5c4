import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/connection.js';
import { storeRegencyReference } from '../../src/db/regions.js';
import { loadRegencyReference } from '../../src/core/regions/reference.js';
import { communityKey, personKey } from '../../src/core/ids/names.js';
import { nikKey } from '../../src/core/ids/nik.js';
import { tempDir } from './cli.js';

/** A new database in a temporary folder, with the office regency set (Kota Probolinggo by default). */
export function seedDb(regencyCode = '35.74'): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'kim.sqlite');
  const db = openDatabase(file, { create: true, operator: 'tester' });
  db.transaction(() => storeRegencyReference(db, { regencyCode, ...loadRegencyReference(regencyCode) }))();
  return { db, file, dir };
}

const NOW = '2025-01-01T00:00:00.000Z';

export interface CommunitySeed {
  name: string;
  district_code?: string | null;
  village_code?: string | null;
  district_text?: string;
  village_text?: string;
  sk_number?: string | null;
  sk_date?: string | null;
  sk_date_iso?: string | null;
  sk_issuer?: string | null;
  acknowledged?: string | null;
  number?: string | null;
  ended_at?: string | null;
  created_at?: string;
  blind?: string | null;
  region_note?: string | null;
}

/** Inserts a community directly, for tests of the stages after import. */
export function addCommunity(db: Db, seed: CommunitySeed): number {
  const row = {
    district_code: null, village_code: null, district_text: null, village_text: null, sk_number: null, sk_date: null,
    sk_date_iso: null, sk_issuer: null, acknowledged: null, number: null, ended_at: null, created_at: NOW, blind: null, region_note: null,
    ...seed,
  };
  const info = db
    .prepare(
      `INSERT INTO communities (name, name_key, village_key, district_text, village_text, district_code, village_code,
         sk_number, sk_date, sk_date_iso, sk_issuer, acknowledged, number, ended_at, created_at, updated_at, blind, region_note)
       VALUES (@name, @name_key, @village_key, @district_text, @village_text, @district_code, @village_code,
         @sk_number, @sk_date, @sk_date_iso, @sk_issuer, @acknowledged, @number, @ended_at, @created_at, @created_at, @blind, @region_note)`,
    )
    .run({ ...row, name_key: communityKey(seed.name), village_key: row.village_code ?? `?${row.district_text}|${row.village_text}` });
  return Number(info.lastInsertRowid);
}

export interface OfficerSeed {
  name: string;
  role?: string | null;
  nik?: string | null;
  birth_place?: string | null;
  birth_date?: string | null;
  birth_date_iso?: string | null;
  gender?: string | null;
  sex?: 'M' | 'F' | null;
  occupation?: string | null;
  nip?: string | null;
  party?: string | null;
  ngo?: string | null;
  phone?: string | null;
  employment_status?: string | null;
  notes?: string | null;
  ended_at?: string | null;
}

export function addOfficer(db: Db, communityId: number, seed: OfficerSeed): number {
  const row = {
    role: null, nik: null, birth_place: null, birth_date: null, birth_date_iso: null, gender: null, sex: null,
    occupation: null, nip: null, party: null, ngo: null, phone: null, employment_status: null, notes: null, ended_at: null, ...seed,
  };
  const info = db
    .prepare(
      `INSERT INTO officers (community_id, name, name_key, nik, nik_key, role, birth_place, birth_date, birth_date_iso,
         gender, sex, occupation, nip, party, ngo, phone, employment_status, notes, ended_at, created_at, updated_at)
       VALUES (@community_id, @name, @name_key, @nik, @nik_key, @role, @birth_place, @birth_date, @birth_date_iso,
         @gender, @sex, @occupation, @nip, @party, @ngo, @phone, @employment_status, @notes, @ended_at, @now, @now)`,
    )
    .run({ ...row, community_id: communityId, name_key: personKey(seed.name), nik_key: nikKey(row.nik), now: NOW });
  return Number(info.lastInsertRowid);
}
