import type { Db } from '../../db/connection.js';
import { KIM_DISTRICT_ALONE, officeRegencyCode } from '../../db/regions.js';
import { usageError } from '../../errors.js';
import { allowedSlips, editDistance, regionKey } from '../regions/normalize.js';
import { titleCase } from '../regions/reference.js';
import { parseNik } from '../ids/nik.js';
import type { CheckEnv, CommunityRecord, OfficerRecord, RuleConfig } from './types.js';

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

// Rows come as arrays and become objects here: better-sqlite3 builds row objects property by
// property, which at a million officers costs more than all the checks together.
const COMMUNITY_COLUMNS = `c.id, c.name, c.number, c.regency_text, c.district_text, c.village_text, c.district_code, c.village_code,
  c.sk_number, c.sk_date, c.sk_date_iso, c.sk_issuer, c.acknowledged`;
// Name, birth date and sex as written are shown, never judged: reading them for a million officers
// costs a third of the pass, so the runner reads them only for officers with findings.
const OFFICER_COLUMNS = `o.id, o.community_id, o.nik, o.nik_key, o.role, o.birth_date_iso, o.sex, o.occupation, o.nip, o.party, o.ngo, o.phone`;

type Cell = string | null;

export function selectCommunities(db: Db, scope: Scope): CommunityRecord[] {
  const { where, params } = scopeWhere(scope);
  const rows = db.prepare(`SELECT ${COMMUNITY_COLUMNS} FROM communities c WHERE ${where} ORDER BY c.id`).raw().all(params) as unknown[][];
  return rows.map((r) => {
    const [id, name, number, regency_text, district_text, village_text, district_code, village_code, sk_number, sk_date, sk_date_iso, sk_issuer, acknowledged] =
      r as [number, string, ...Cell[]];
    return { id, name, number, regency_text, district_text, village_text, district_code, village_code, sk_number, sk_date, sk_date_iso, sk_issuer, acknowledged };
  });
}

export function countCommunities(db: Db, scope: Scope): number {
  const { where, params } = scopeWhere(scope);
  return db.prepare(`SELECT count(*) FROM communities c WHERE ${where}`).pluck().get(params) as number;
}

/** Communities whose officers are read with one statement: enough to spare the per-row hand-over. */
const PAGE = 500;

/**
 * The active officers of the given communities (in id order), grouped by community, without the
 * columns only shown. Read a page of communities at a time with all(): at a million officers that
 * is 15% faster than a row-by-row cursor, and a page is a few thousand rows.
 */
export function* officerRows(db: Db, communityIds: number[]): Generator<OfficerRecord> {
  const stmt = db
    .prepare(
      `SELECT ${OFFICER_COLUMNS} FROM officers o
       WHERE o.ended_at IS NULL AND o.community_id IN (SELECT value FROM json_each(?))
       ORDER BY o.community_id, o.id`,
    )
    .raw();
  for (let i = 0; i < communityIds.length; i += PAGE) {
    for (const r of stmt.all(JSON.stringify(communityIds.slice(i, i + PAGE))) as unknown[][]) {
      const [id, community_id, nik, nik_key, role, birth_date_iso, sex, occupation, nip, party, ngo, phone] = r as [number, number, ...Cell[]];
      yield { id, community_id, name: '', nik, nik_key, role, birth_date: null, birth_date_iso, gender: null, sex: sex as OfficerRecord['sex'], occupation, nip, party, ngo, phone };
    }
  }
}

// All duplicates at once for a whole-office run; for a few named KIMs, only their officers' NIKs.
// The innermost query reads only the NIK index (no row of the table): the few NIKs written more
// than once are found in 0.3 s at a million officers, and only they are checked for being active
// in two active KIMs (grouping every officer with its community took 1 to 4 s).
const DUPLICATES_ALL = `
  SELECT o.nik_key, o.nik, c.id, c.name FROM officers o JOIN communities c ON c.id = o.community_id
  WHERE o.ended_at IS NULL AND c.ended_at IS NULL AND o.nik_key IN (
    SELECT d.nik_key FROM officers d JOIN communities dc ON dc.id = d.community_id
    WHERE d.nik_key IN (SELECT nik_key FROM officers WHERE nik_key IS NOT NULL GROUP BY nik_key HAVING count(*) > 1)
      AND d.ended_at IS NULL AND dc.ended_at IS NULL
    GROUP BY d.nik_key HAVING count(DISTINCT d.community_id) > 1)`;
const DUPLICATES_OF_IDS = `
  SELECT o.nik_key, o.nik, c.id, c.name FROM officers o JOIN communities c ON c.id = o.community_id
  WHERE o.ended_at IS NULL AND c.ended_at IS NULL AND o.nik_key IN (
    SELECT s.nik_key FROM officers s WHERE s.nik_key IS NOT NULL AND s.ended_at IS NULL
      AND s.community_id IN (SELECT value FROM json_each(@ids)))`;

/** nik_key -> the active communities holding it; a check looks for communities other than its own. */
export function duplicateNiks(db: Db, scope: Scope): Map<string, { id: number; name: string }[]> {
  const rows = scope.communityIds
    ? (db.prepare(DUPLICATES_OF_IDS).all({ ids: JSON.stringify(scope.communityIds) }) as DupRow[])
    : (db.prepare(DUPLICATES_ALL).all() as DupRow[]);
  const map = new Map<string, { id: number; name: string }[]>();
  for (const r of rows) {
    // A NIK rounded by a spreadsheet (serial 0000) is shared by strangers: not a duplicate person.
    if (!parseNik(r.nik).ok) continue;
    const list = map.get(r.nik_key) ?? [];
    if (!list.some((x) => x.id === r.id)) list.push({ id: r.id, name: r.name });
    map.set(r.nik_key, list);
  }
  return map;
}

interface DupRow {
  nik_key: string;
  nik: string;
  id: number;
  name: string;
}

export function buildEnv(db: Db, config: RuleConfig, scope: Scope, today: string): CheckEnv {
  const regions = new Map<string, string | null>();
  for (const r of db.prepare(`SELECT code, parent_code FROM regions`).all() as { code: string; parent_code: string | null }[]) {
    regions.set(r.code, r.parent_code);
  }
  const nikCommunities = config.enabled['ADM-DUP-NIK'] ? duplicateNiks(db, scope) : new Map();
  return { today, config, regency: officeRegencyCode(db), regions, nikCommunities };
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
