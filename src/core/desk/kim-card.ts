import { KIM_PLACE_JOINS } from '../../db/regions.js';
import type { Db } from '../../db/connection.js';
import type { StoredProblem } from '../reports/follow-up.js';

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

// Errors before warnings, the KIM's own problems before its officers'.
const PROBLEMS_SQL = `
  SELECT f.rule, f.severity, f.field, f.value, f.params, o.id AS officer_id, o.name AS officer
  FROM findings f LEFT JOIN officers o ON o.id = f.officer_id
  WHERE f.community_id = ? ORDER BY f.severity = 'warning', f.officer_id IS NOT NULL, f.officer_id, f.rule, f.id`;

/** Reads stored results; the caller refreshes the KIM's validation first when it may be stale. */
export function kimCard(db: Db, id: number): KimCard | undefined {
  const community = db.prepare(COMMUNITY_SQL).get(id) as KimCard['community'] | undefined;
  if (!community) return undefined;
  const officers = db.prepare(OFFICERS_SQL).all(id) as KimCard['officers'];
  const problems = (db.prepare(PROBLEMS_SQL).all(id) as (Omit<StoredProblem, 'officer'> & { officer_id: number | null; officer: string | null })[]).map(
    ({ officer_id, officer, ...p }) => ({ ...p, officer: officer_id === null ? null : { id: officer_id, name: officer ?? '' } }),
  );
  return { community, officers, problems };
}
