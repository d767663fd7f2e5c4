import type { Db } from '../../db/connection.js';
import { KIM_DISTRICT_ALONE, officeRegencyCode } from '../../db/regions.js';
import { usageError } from '../../errors.js';
import { allowedSlips, editDistance, regionKey } from '../regions/normalize.js';
import { titleCase } from '../regions/reference.js';
import { parseNik } from '../ids/nik.js';
import type { CheckEnv, RuleConfig } from './types.js';

/** Which communities a run checks: the named ones (even ended), one district's, or all not ended. */
export interface Scope {
  communityIds?: number[];
  districtCode?: string;
}

// Fixed SQL fragments chosen by the kind of scope; values always go in as parameters.
export function scopeWhere(scope: Scope): { where: string; params: Record<string, unknown> } {
  const inDistrict = `${KIM_DISTRICT_ALONE} = @district`;
  if (scope.communityIds) {
    const ids = `c.id IN (SELECT value FROM json_each(@ids))`;
    return scope.districtCode
      ? { where: `${ids} AND ${inDistrict}`, params: { ids: JSON.stringify(scope.communityIds), district: scope.districtCode } }
      : { where: ids, params: { ids: JSON.stringify(scope.communityIds) } };
  }
  if (scope.districtCode) return { where: `c.ended_at IS NULL AND ${inDistrict}`, params: { district: scope.districtCode } };
  return { where: `c.ended_at IS NULL`, params: {} };
}

/** The ids of the communities a run checks, in id order. */
export function scopeIds(db: Db, scope: Scope): number[] {
  const { where, params } = scopeWhere(scope);
  return db.prepare(`SELECT c.id FROM communities c WHERE ${where} ORDER BY c.id`).pluck().all(params) as number[];
}

// All duplicates at once for a whole-office run; for a few named KIMs, only their officers' NIKs.
// The innermost query reads only the NIK index (no row of the table): the few NIKs written more
// than once are found in 0.3 s at a million officers, and only they are checked for being active
// in two active KIMs (grouping every officer with its community took 1 to 4 s).
const DUPLICATES_ALL = `
  SELECT o.nik_key, o.nik, o.id AS officer, c.id, c.name FROM officers o JOIN communities c ON c.id = o.community_id
  WHERE o.ended_at IS NULL AND c.ended_at IS NULL AND o.nik_key IN (
    SELECT d.nik_key FROM officers d JOIN communities dc ON dc.id = d.community_id
    WHERE d.nik_key IN (SELECT nik_key FROM officers WHERE nik_key IS NOT NULL GROUP BY nik_key HAVING count(*) > 1)
      AND d.ended_at IS NULL AND dc.ended_at IS NULL
    GROUP BY d.nik_key HAVING count(DISTINCT d.community_id) > 1)`;
const DUPLICATES_OF_IDS = `
  SELECT o.nik_key, o.nik, o.id AS officer, c.id, c.name FROM officers o JOIN communities c ON c.id = o.community_id
  WHERE o.ended_at IS NULL AND c.ended_at IS NULL AND o.nik_key IN (
    SELECT s.nik_key FROM officers s WHERE s.nik_key IS NOT NULL AND s.ended_at IS NULL
      AND s.community_id IN (SELECT value FROM json_each(@ids)))`;

/**
 * NIKs active in more than one active KIM: nik_key -> the communities holding it (a check looks
 * for communities other than its own), and the officers holding such a NIK, whom the pass
 * checks one by one. For named KIMs, which may have ended, the holders are not known (null) and
 * the pass checks every officer: there are only a few.
 */
export interface Duplicates {
  nikCommunities: Map<string, { id: number; name: string }[]>;
  holders: Map<number, number[]> | null;
}

export function duplicateNiks(db: Db, scope: Scope): Duplicates {
  const rows = scope.communityIds
    ? (db.prepare(DUPLICATES_OF_IDS).all({ ids: JSON.stringify(scope.communityIds) }) as DupRow[])
    : (db.prepare(DUPLICATES_ALL).all() as DupRow[]);
  const nikCommunities = new Map<string, { id: number; name: string }[]>();
  const holders = scope.communityIds ? null : new Map<number, number[]>();
  for (const r of rows) {
    const held = holders?.get(r.id);
    if (held) held.push(r.officer);
    else holders?.set(r.id, [r.officer]);
    // A NIK rounded by a spreadsheet (serial 0000) is shared by strangers: not a duplicate person.
    if (!parseNik(r.nik).ok) continue;
    const list = nikCommunities.get(r.nik_key) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push({ id: r.id, name: r.name });
    nikCommunities.set(r.nik_key, list);
  }
  return { nikCommunities, holders };
}

interface DupRow {
  nik_key: string;
  nik: string;
  officer: number;
  id: number;
  name: string;
}

export function buildEnv(db: Db, config: RuleConfig, scope: Scope, today: string): { env: CheckEnv; holders: Duplicates['holders'] } {
  const regions = new Map<string, string | null>();
  for (const r of db.prepare(`SELECT code, parent_code FROM regions`).all() as { code: string; parent_code: string | null }[]) {
    regions.set(r.code, r.parent_code);
  }
  const { nikCommunities, holders } = config.enabled['ADM-DUP-NIK'] ? duplicateNiks(db, scope) : { nikCommunities: new Map(), holders: new Map() };
  return { env: { today, config, regency: officeRegencyCode(db), regions, nikCommunities }, holders };
}

/**
 * The district a clerk named with --district, by Kemendagri code (`35.74.01`) or name
 * ("Kanigaran", "Kec. Kanigaran"), among the office regency's districts.
 */
export function findDistrictCode(db: Db, text: string): string {
  const districts = db.prepare(`SELECT code, name FROM regions WHERE level = 'district' ORDER BY code`).all() as { code: string; name: string }[];
  const q = text.trim();
  const byCode = districts.find((d) => d.code === q || d.code.replace(/\./g, '') === q.replace(/\./g, ''));
  if (byCode) return byCode.code;
  const key = regionKey(q);
  let matches = districts.filter((d) => regionKey(d.name) === key);
  if (matches.length === 0) matches = districts.filter((d) => editDistance(regionKey(d.name), key, allowedSlips(key)) <= allowedSlips(key));
  if (matches.length === 1) return matches[0]!.code;
  throw usageError('validate.districtUnknown', {
    value: q,
    candidates: (matches.length ? matches : districts).map((d) => titleCase(d.name)).join(', ') || '-',
  });
}
