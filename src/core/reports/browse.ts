import { KIM_DISTRICT, KIM_PLACE_JOINS, MERGED_FROM } from '../../db/regions.js';
import type { Db } from '../../db/connection.js';

export const LIST_STATUSES = ['numbered', 'unnumbered', 'compliant', 'noncompliant', 'ended'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export interface ListFilter {
  today: string;
  districtCode?: string;
  status?: ListStatus;
  search?: string;
}

/** One line of `kim list`; also its JSON record. */
export interface CommunityLine {
  id: number;
  name: string;
  number: string | null;
  district: string | null;
  village: string | null;
  villageCode: string | null;
  skNumber: string | null;
  skDate: string | null;
  compliant: boolean | null;
  officers: number;
  endedAt: string | null;
  /** Provincial database only: the office the KIM was merged from. */
  regency?: { code: string; name: string } | null;
}

// Ended KIMs are shown only with --status ended: `end` keeps them for the record, not for work.
// The status and search branches are fixed SQL; only their values are parameters.
const LIST_SQL = `
  SELECT c.id, c.name, c.number, coalesce(d.name, c.district_text) AS district,
         coalesce(v.name, c.village_text) AS village, c.village_code AS villageCode,
         c.sk_number AS skNumber, c.sk_date AS skDate, c.compliant, c.ended_at AS endedAt,
         (SELECT count(*) FROM officers o WHERE o.community_id = c.id AND (o.ended_at IS NULL OR o.ended_at > @today)) AS officers,
         c.office, ${MERGED_FROM} AS officeName
  FROM communities c
  ${KIM_PLACE_JOINS}
  WHERE (@district IS NULL OR ${KIM_DISTRICT} = @district)
    AND CASE WHEN @status = 'ended' THEN c.ended_at IS NOT NULL AND c.ended_at <= @today
        ELSE (c.ended_at IS NULL OR c.ended_at > @today) AND CASE @status
          WHEN 'numbered' THEN c.number IS NOT NULL
          WHEN 'unnumbered' THEN c.number IS NULL
          WHEN 'compliant' THEN c.compliant = 1
          WHEN 'noncompliant' THEN coalesce(c.compliant, 0) = 0
          ELSE 1 END
        END
    AND (@like IS NULL OR c.name LIKE @like ESCAPE '\\' OR c.number LIKE @like ESCAPE '\\'
         OR coalesce(v.name, c.village_text) LIKE @like ESCAPE '\\')
  ORDER BY c.office, district COLLATE NOCASE NULLS LAST, village COLLATE NOCASE, c.name COLLATE NOCASE, c.id`;

const ENDED_SQL = `SELECT count(*) FROM communities WHERE ended_at IS NOT NULL AND ended_at <= ?`;

/** `text` as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** `regency` is given only in a provincial database, where KIMs of many offices are listed together. */
export function listCommunities(db: Db, filter: ListFilter & { provincial?: boolean }): CommunityLine[] {
  const search = filter.search?.trim();
  const rows = db.prepare(LIST_SQL).all({
    today: filter.today,
    district: filter.districtCode ?? null,
    status: filter.status ?? null,
    like: search ? containsPattern(search) : null,
  }) as (Omit<CommunityLine, 'compliant' | 'regency'> & { compliant: number | null; office: string | null; officeName: string | null })[];
  return rows.map(({ office, officeName, ...r }) => ({
    ...r,
    compliant: r.compliant === null ? null : r.compliant === 1,
    ...(filter.provincial && { regency: office === null ? null : { code: office, name: officeName ?? office } }),
  }));
}

/** How many KIMs have ended, which a plain `kim list` leaves out. */
export function endedCount(db: Db, today: string): number {
  return db.prepare(ENDED_SQL).pluck().get(today) as number;
}
