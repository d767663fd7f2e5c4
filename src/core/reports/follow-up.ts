import { KIM_DISTRICT, KIM_PLACE_JOINS, MERGED_FROM } from '../../db/regions.js';
import type { Db } from '../../db/connection.js';

/** A stored finding as the rules engine's describeFinding takes it. */
export interface StoredProblem {
  rule: string;
  severity: 'error' | 'warning';
  field: string | null;
  value: string | null;
  params: string | null;
  officer: { id: number; name: string } | null;
}

// Errors before warnings, the KIM's own problems before its officers'.
const PROBLEMS_OF_SQL = `
  SELECT f.rule, f.severity, f.field, f.value, f.params, o.id AS officer_id, o.name AS officer
  FROM findings f LEFT JOIN officers o ON o.id = f.officer_id
  WHERE f.community_id = ? ORDER BY f.severity = 'warning', f.officer_id IS NOT NULL, f.officer_id, f.rule, f.id`;

/** One KIM's stored problems, as `kim show` and the desk's KIM card list them. */
export function storedProblems(db: Db, communityId: number): StoredProblem[] {
  return (db.prepare(PROBLEMS_OF_SQL).all(communityId) as (Omit<StoredProblem, 'officer'> & { officer_id: number | null; officer: string | null })[]).map(
    ({ officer_id, officer, ...p }) => ({ ...p, officer: officer_id === null ? null : { id: officer_id, name: officer ?? '' } }),
  );
}

/** One KIM with open problems: a line of the follow-up list. */
export interface FollowUp {
  community: { id: number; name: string; number: string | null };
  district: string | null;
  districtCode: string | null;
  village: string | null;
  villageCode: string | null;
  /** Provincial database only: the office the KIM was merged from. */
  regency?: { code: string; name: string } | null;
  errors: number;
  warnings: number;
  problems: StoredProblem[];
  /** Officers named in the problems, each once, in id (roster) order. */
  officers: { id: number; name: string }[];
}

// The latest stored findings of KIMs still active today; a KIM's district is its own code, or
// its village's when only the village was recognised. Errors before warnings, then rule order.
const FOLLOW_UP_SQL = `
  SELECT c.id AS community_id, c.name AS community, c.number,
         ${KIM_DISTRICT} AS district_code,
         coalesce(d.name, c.district_text) AS district,
         c.village_code, coalesce(v.name, c.village_text) AS village, c.office, ${MERGED_FROM} AS office_name,
         f.rule, f.severity, f.field, f.value, f.params, o.id AS officer_id, o.name AS officer
  FROM findings f
  JOIN communities c ON c.id = f.community_id
  ${KIM_PLACE_JOINS}
  LEFT JOIN officers o ON o.id = f.officer_id
  WHERE (c.ended_at IS NULL OR c.ended_at > @today)
    AND (@district IS NULL OR ${KIM_DISTRICT} = @district)
  ORDER BY c.office, district COLLATE NOCASE NULLS LAST, village COLLATE NOCASE, c.name COLLATE NOCASE, c.id,
           f.severity = 'warning', f.officer_id IS NOT NULL, f.officer_id, f.rule, f.id`;

interface Row {
  community_id: number;
  community: string;
  number: string | null;
  district_code: string | null;
  district: string | null;
  village_code: string | null;
  village: string | null;
  office: string | null;
  office_name: string | null;
  rule: string;
  severity: 'error' | 'warning';
  field: string | null;
  value: string | null;
  params: string | null;
  officer_id: number | null;
  officer: string | null;
}

/**
 * The KIMs with open problems, sorted by district, village and name: the list a clerk writes
 * follow-up letters from. Reads stored results; the caller refreshes outdated ones first.
 */
export function followUpList(db: Db, options: { today: string; districtCode?: string; provincial?: boolean }): FollowUp[] {
  const rows = db.prepare(FOLLOW_UP_SQL).all({ today: options.today, district: options.districtCode ?? null }) as Row[];
  const out: FollowUp[] = [];
  let current: FollowUp | undefined;
  for (const r of rows) {
    if (current?.community.id !== r.community_id) {
      current = {
        community: { id: r.community_id, name: r.community, number: r.number },
        district: r.district,
        districtCode: r.district_code,
        village: r.village,
        villageCode: r.village_code,
        ...(options.provincial && { regency: r.office === null ? null : { code: r.office, name: r.office_name ?? r.office } }),
        errors: 0,
        warnings: 0,
        problems: [],
        officers: [],
      };
      out.push(current);
    }
    const officer = r.officer_id !== null ? { id: r.officer_id, name: r.officer ?? '' } : null;
    current.problems.push({ rule: r.rule, severity: r.severity, field: r.field, value: r.value, params: r.params, officer });
    if (r.severity === 'error') current.errors++;
    else current.warnings++;
    if (officer && !current.officers.some((o) => o.id === officer.id)) current.officers.push(officer);
  }
  for (const f of out) f.officers.sort((a, b) => a.id - b.id);
  return out;
}
