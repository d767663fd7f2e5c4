import type { Db } from '../../src/db/connection.js';
import { runValidation, type Finding } from '../../src/core/rules/validate.js';
import { addCommunity, addOfficer, seedDb, type CommunitySeed, type OfficerSeed } from '../helpers/db.js';

export const TODAY = '2026-11-23';

/** A KIM of Kota Probolinggo that meets every rule, as the clean KIM of the sample roster does. */
export const CLEAN_COMMUNITY: Omit<CommunitySeed, 'name'> = {
  district_text: 'Kanigaran',
  village_text: 'Tisnonegaran',
  district_code: '35.74.04',
  village_code: '35.74.04.1001',
  sk_number: '400/89/425.106/2025',
  sk_date: '2 Agustus 2025',
  sk_date_iso: '2025-08-02',
  acknowledged: 'Sudah',
};

let serial = 0;
let kims = 0;

/** A valid NIK for a birth date and sex, with a serial never used before in this test run. */
export function nikFor(iso: string, sex: 'M' | 'F'): string {
  const [y, m, d] = iso.split('-');
  const day = sex === 'F' ? Number(d) + 40 : Number(d);
  serial++;
  return `357404${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(serial).padStart(4, '0')}`;
}

export function officer(role: string, seed: Partial<OfficerSeed> = {}): OfficerSeed {
  const birth = seed.birth_date_iso ?? '1980-05-17';
  const sex = seed.sex === undefined ? 'M' : seed.sex;
  return {
    name: `${role} ${++serial}`,
    role,
    nik: nikFor(birth, sex ?? 'M'),
    birth_date: birth.split('-').reverse().join('-'),
    birth_date_iso: birth,
    gender: sex === 'F' ? 'P' : 'L',
    sex,
    occupation: 'Petani',
    party: '-',
    phone: '081343842806',
    ...seed,
  };
}

/** The three core officers, each changeable. */
export function cleanRoster(changes: Partial<OfficerSeed>[] = []): OfficerSeed[] {
  return ['Ketua', 'Sekretaris', 'Bendahara'].map((role, i) => officer(role, changes[i] ?? {}));
}

export function newDb(): Db {
  return seedDb().db;
}

/** Adds one KIM with its officers and validates it alone; returns its findings. */
export function check(db: Db, community: Partial<CommunitySeed> = {}, officers: OfficerSeed[] = cleanRoster()): Finding[] {
  const id = addCommunity(db, { ...CLEAN_COMMUNITY, name: `KIM Uji ${++kims}`, ...community });
  for (const o of officers) addOfficer(db, id, o);
  return runValidation(db, { communityIds: [id], today: TODAY, operator: 'tester' }).findings;
}

export const codes = (findings: Finding[]) => findings.map((f) => f.rule);
