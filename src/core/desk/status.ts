import type { Db } from '../../db/connection.js';
import { officeRegencyCode, regionName } from '../../db/regions.js';
import { provinceOf } from '../province/scope.js';
import { titleCase } from '../regions/reference.js';
import { getSetting } from '../settings/registry.js';

/** What the desk's header says about the database it works on. */
export interface DeskStatus {
  office: string;
  regency: { code: string; name: string } | null;
  /** A provincial database: its province, and how many of its regencies' offices were merged. */
  province: { code: string; name: string; merged: number; regencies: number } | null;
  /** KIMs not ended by today. */
  communities: number;
  /** Of those, how many have an open finding, and how many an error. */
  withProblems: number;
  withErrors: number;
}

const COUNTS_SQL = `
  SELECT count(*) AS communities,
         sum(EXISTS (SELECT 1 FROM findings f WHERE f.community_id = c.id)) AS withProblems,
         sum(EXISTS (SELECT 1 FROM findings f WHERE f.community_id = c.id AND f.severity = 'error')) AS withErrors
  FROM communities c WHERE c.ended_at IS NULL OR c.ended_at > ?`;

const PROVINCE_SQL = `
  SELECT (SELECT count(DISTINCT office) FROM communities WHERE office IS NOT NULL) AS merged,
         (SELECT count(*) FROM regions WHERE level = 'regency') AS regencies`;

/** Reads stored results only; the caller refreshes outdated validations first. */
export function deskStatus(db: Db, today: string): DeskStatus {
  const code = officeRegencyCode(db);
  const name = code ? regionName(db, code) : undefined;
  const counts = db.prepare(COUNTS_SQL).get(today) as { communities: number; withProblems: number | null; withErrors: number | null };
  const province = provinceOf(db);
  return {
    office: String(getSetting(db, 'office') ?? ''),
    regency: code ? { code, name: name ? titleCase(name) : code } : null,
    province: province ? { ...province, ...(db.prepare(PROVINCE_SQL).get() as { merged: number; regencies: number }) } : null,
    communities: counts.communities,
    withProblems: counts.withProblems ?? 0,
    withErrors: counts.withErrors ?? 0,
  };
}
