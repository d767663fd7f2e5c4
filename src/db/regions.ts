import type { Db } from './connection.js';
import { referenceVersion, titleCase, type Reference } from '../core/regions/reference.js';
import { readSetting, writeSetting } from './settings.js';

export interface StoredRegion {
  code: string;
  level: 'regency' | 'district' | 'village';
  parent_code: string | null;
  name: string;
}

function replaceRegions(db: Db, ref: Reference): void {
  db.prepare(`DELETE FROM regions`).run();
  const insert = db.prepare(`INSERT INTO regions (code, level, parent_code, name) VALUES (?, ?, ?, ?)`);
  for (const r of ref.regencies) insert.run(r.code, 'regency', r.parentCode, r.name);
  for (const r of ref.districts) insert.run(r.code, 'district', r.parentCode, r.name);
  for (const r of ref.villages) insert.run(r.code, 'village', r.parentCode, r.name);
}

/** Replaces the stored copy of the office's regency, its districts and villages. */
export function storeRegencyReference(db: Db, ref: Reference & { regencyCode: string }): void {
  replaceRegions(db, ref);
  writeSetting(db, 'regency', ref.regencyCode);
  writeSetting(db, 'regions.source', referenceVersion());
}

/** The version of idn-area-data a stored reference was copied from: a newer kim may bring a newer one. */
export function storedReferenceVersion(db: Db): string | undefined {
  return readSetting<string>(db, 'regions.source') || undefined;
}

/**
 * Makes the database a provincial one: the province's regencies (names as titles read them,
 * "Kabupaten Musi Banyuasin", since exports print them straight from SQL), districts and villages.
 */
export function storeProvinceReference(db: Db, ref: Reference & { provinceCode: string }): void {
  replaceRegions(db, { ...ref, regencies: ref.regencies.map((r) => ({ ...r, name: titleCase(r.name) })) });
  writeSetting(db, 'province', ref.provinceCode);
}

/** The province of a provincial database (`16`), or undefined in an office's database. */
export function provinceCode(db: Db): string | undefined {
  return readSetting<string>(db, 'province') || undefined;
}

export function officeRegencyCode(db: Db): string | undefined {
  return readSetting<string>(db, 'regency') || undefined;
}

/** The office's stored reference, in the shape the resolver takes; undefined when none is set. */
export function storedReference(db: Db): (Reference & { regencyCode: string }) | undefined {
  const regencyCode = officeRegencyCode(db);
  if (!regencyCode) return undefined;
  const rows = db.prepare(`SELECT code, level, parent_code, name FROM regions ORDER BY code`).all() as StoredRegion[];
  const pick = (level: StoredRegion['level']) =>
    rows.filter((r) => r.level === level).map((r) => ({ code: r.code, parentCode: r.parent_code ?? '', name: r.name }));
  return { regencyCode, regencies: pick('regency'), districts: pick('district'), villages: pick('village') };
}

export function regionName(db: Db, code: string): string | undefined {
  const row = db.prepare(`SELECT name FROM regions WHERE code = ?`).get(code) as { name: string } | undefined;
  return row?.name;
}

/**
 * SQL for a KIM's district over `communities c`: the district its village lies in, when the
 * village was recognised, else the district written. A village written under the wrong kecamatan
 * is counted where it really is, with its KIM: the recap never shows more villages with a KIM
 * than KIMs in a row. Every report, list, export and scope uses this one, so a KIM is counted and
 * shown under the same district everywhere. It needs `v`, its village, which KIM_PLACE_JOINS
 * brings with `d`, its district.
 */
export const KIM_DISTRICT = 'coalesce(v.parent_code, c.district_code)';
export const KIM_VILLAGE_JOIN = `LEFT JOIN regions v ON v.code = c.village_code AND v.level = 'village'`;
export const KIM_PLACE_JOINS = `${KIM_VILLAGE_JOIN}
  LEFT JOIN regions d ON d.code = ${KIM_DISTRICT} AND d.level = 'district'`;
/** SQL for the name of the office a KIM of `communities c` was merged from (provincial database; NULL in an office's). */
export const MERGED_FROM = `(SELECT g.name FROM regions g WHERE g.code = c.office AND g.level = 'regency')`;

/** KIM_DISTRICT where no join is at hand. */
export const KIM_DISTRICT_ALONE = `coalesce((SELECT v.parent_code FROM regions v WHERE v.code = c.village_code AND v.level = 'village'), c.district_code)`;
