import { KIM_DISTRICT, KIM_VILLAGE_JOIN } from '../../db/regions.js';

/**
 * The quarterly recap as one set-based statement, kept as plain text so that bench/report.js can
 * run the very same SQL in the sqlite3 shell. Parameters: @asOf and @start (the quarter's last
 * and first day, YYYY-MM-DD) and @regency (the office's regency code).
 *
 * Definitions (docs/reports.md explains them for clerks):
 * - A KIM belongs to the district its village lies in, or, when its village was not
 *   recognised, to the district written (KIM_DISTRICT).
 * - It counts from its SK date, or without one from the local day it was first recorded, until
 *   the day before `ended_at` ("inactive from that day"): counted on day d when
 *   began <= d < ended_at. So a KIM ended inside the quarter is not in `kims` on the last day,
 *   but is in `endedInQuarter`.
 * - new/ended count only KIMs that were counted for at least one day (ended_at > began), so that
 *   kims(this quarter) = kims(previous quarter) + new - ended, always.
 * - Officers are those of the counted KIMs not ended on the last day.
 * - `numbered` and `compliant` describe the register as it stands (a number held now; the rules
 *   on the current data), for the KIMs counted on the last day. A number's assignment time is
 *   when a clerk ran `kim number`, often long after the SK, so it makes no date for a KIM.
 * - `outdated` counts counted KIMs whose stored validation is older than their data, so the
 *   caller can re-validate them first: compliance is judged by the rules on the current data.
 */
const kimCte = (communities: string) => `
kim AS MATERIALIZED (
  SELECT c.id, ${KIM_DISTRICT} AS district, c.village_code, c.sk_number, c.number,
         c.compliant, (c.validated_at IS NULL OR c.validated_at < c.updated_at) AS stale, c.ended_at,
         coalesce(c.sk_date_iso, date(c.created_at, @tz)) AS began
  FROM ${communities} c ${KIM_VILLAGE_JOIN}
)`;

// Officers are walked per community in id order (communities outer, officers by their
// community index), so SQLite groups them without sorting a million rows.
const peopleCte = (communities: string) => `
people AS MATERIALIZED (
  SELECT c.id,
    sum(o.ended_at IS NULL OR o.ended_at > @asOf) AS officers,
    sum((o.ended_at IS NULL OR o.ended_at > @asOf) AND o.sex = 'M') AS male,
    sum((o.ended_at IS NULL OR o.ended_at > @asOf) AND o.sex = 'F') AS female,
    sum(o.updated_at > c.validated_at) AS stale
  FROM ${communities} c JOIN officers o ON o.community_id = c.id
  WHERE coalesce(c.sk_date_iso, date(c.created_at, @tz)) <= @asOf AND (c.ended_at IS NULL OR c.ended_at > @asOf)
  GROUP BY c.id
)`;

const ACTIVE_CTE = `
active AS MATERIALIZED (
  SELECT k.*, p.officers, p.male, p.female, k.stale + coalesce(p.stale, 0) > 0 AS outdated
  FROM kim k LEFT JOIN people p ON p.id = k.id
  WHERE k.began <= @asOf AND (k.ended_at IS NULL OR k.ended_at > @asOf)
)`;

const COUNTED_CTE = `
counted AS (
  SELECT district,
    count(*) AS kims,
    sum(trim(coalesce(sk_number, '')) <> '') AS with_sk,
    sum(number IS NOT NULL) AS numbered,
    sum(compliant = 1) AS compliant,
    sum(coalesce(officers, 0)) AS officers, sum(coalesce(male, 0)) AS male, sum(coalesce(female, 0)) AS female,
    sum(outdated) AS outdated
  FROM active a GROUP BY district
)`;

const FLOWS_CTE = `
flows AS (
  SELECT district,
    sum(began >= @start AND began <= @asOf AND (ended_at IS NULL OR ended_at > began)) AS new_in_quarter,
    sum(ended_at >= @start AND ended_at <= @asOf AND ended_at > began) AS ended_in_quarter
  FROM kim GROUP BY district
)`;

// A village counts under its own district, even when a KIM's district was written differently.
const COVERED_CTE = `
covered AS (
  SELECT v.parent_code AS district, count(*) AS villages_with_kim
  FROM regions v WHERE v.level = 'village' AND v.code IN (SELECT village_code FROM active)
  GROUP BY v.parent_code
)`;

const OFFICE_DISTRICTS = `SELECT code FROM regions WHERE level = 'district' AND parent_code = @regency`;

/**
 * One row per district of the regency (code order), then one row with a NULL code holding the
 * KIMs that could not be placed in any of them (left out of the recap, reported as a warning).
 * `communities` is the table, or in a provincial database one office's part of it.
 */
const recapSql = (communities: string) => `WITH ${kimCte(communities)}, ${peopleCte(communities)}, ${ACTIVE_CTE}, ${COUNTED_CTE}, ${FLOWS_CTE}, ${COVERED_CTE}
SELECT d.code, d.name,
  (SELECT count(*) FROM regions v WHERE v.parent_code = d.code AND v.level = 'village') AS villages,
  coalesce(cv.villages_with_kim, 0) AS villages_with_kim,
  coalesce(k.kims, 0) AS kims, coalesce(k.with_sk, 0) AS with_sk, coalesce(k.numbered, 0) AS numbered,
  coalesce(k.compliant, 0) AS compliant, coalesce(f.new_in_quarter, 0) AS new_in_quarter,
  coalesce(f.ended_in_quarter, 0) AS ended_in_quarter, coalesce(k.officers, 0) AS officers,
  coalesce(k.male, 0) AS male, coalesce(k.female, 0) AS female, coalesce(k.outdated, 0) AS outdated
FROM regions d
LEFT JOIN counted k ON k.district = d.code
LEFT JOIN flows f ON f.district = d.code
LEFT JOIN covered cv ON cv.district = d.code
WHERE d.level = 'district' AND d.parent_code = @regency
UNION ALL
SELECT NULL, NULL, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0
FROM active WHERE district IS NULL OR district NOT IN (${OFFICE_DISTRICTS})
ORDER BY 1 NULLS LAST`;

export const RECAP_SQL = recapSql('communities');

/** The recap of one office of a provincial database (parameter @office, its regency code), as that office prints it. */
export const OFFICE_RECAP_SQL = recapSql(`(SELECT * FROM communities WHERE office = @office)`);

/** The row RECAP_SQL returns, with SQLite's column names. */
export interface RecapSqlRow {
  code: string | null;
  name: string | null;
  villages: number;
  villages_with_kim: number;
  kims: number;
  with_sk: number;
  numbered: number;
  compliant: number;
  new_in_quarter: number;
  ended_in_quarter: number;
  officers: number;
  male: number;
  female: number;
  outdated: number;
}
