import { KIM_PLACE_JOINS } from '../../db/regions.js';
import type { Db } from '../../db/connection.js';
import { storedProblems, type StoredProblem } from '../reports/follow-up.js';

/** What the desk shows of one KIM while the clerk fixes it: its own fields, officers, problems. */
export interface KimCard {
  community: {
    id: number;
    name: string;
    number: string | null;
    district: string | null;
    village: string | null;
    skNumber: string | null;
    skDate: string | null;
    skIssuer: string | null;
    acknowledged: string | null;
  };
  /** Active officers, in roster order, with every field a clerk may fix (NIK whole: the desk masks it). */
  officers: {
    id: number;
    name: string;
    role: string | null;
    nik: string | null;
    sex: string | null;
    birthDate: string | null;
    occupation: string | null;
    party: string | null;
    ngo: string | null;
    nip: string | null;
    phone: string | null;
  }[];
  problems: StoredProblem[];
}

const COMMUNITY_SQL = `
  SELECT c.id, c.name, c.number, coalesce(d.name, c.district_text) AS district, coalesce(v.name, c.village_text) AS village,
         c.sk_number AS skNumber, c.sk_date AS skDate, c.sk_issuer AS skIssuer, c.acknowledged
  FROM communities c
  ${KIM_PLACE_JOINS}
  WHERE c.id = ?`;

const OFFICERS_SQL = `
  SELECT id, name, role, nik, gender AS sex, birth_date AS birthDate, occupation, party, ngo, nip, phone
  FROM officers WHERE community_id = ? AND ended_at IS NULL ORDER BY id`;

/** Reads stored results; the caller refreshes the KIM's validation first when it may be stale. */
export function kimCard(db: Db, id: number): KimCard | undefined {
  const community = db.prepare(COMMUNITY_SQL).get(id) as KimCard['community'] | undefined;
  if (!community) return undefined;
  const officers = db.prepare(OFFICERS_SQL).all(id) as KimCard['officers'];
  return { community, officers, problems: storedProblems(db, id) };
}
