import type { Db } from '../../db/connection.js';
import { provinceCode, regionName } from '../../db/regions.js';
import { usageError } from '../../errors.js';
import { loadProvinces, titleCase } from '../regions/reference.js';

/** A province, or a regency (kabupaten/kota), which in a provincial database is also its office. */
export interface Area {
  code: string;
  name: string;
}

export function isProvincial(db: Db): boolean {
  return provinceCode(db) !== undefined;
}

/** The province of a provincial database with its name; undefined in an office's. */
export function provinceOf(db: Db): Area | undefined {
  const code = provinceCode(db);
  if (!code) return undefined;
  const found = loadProvinces().find((p) => p.code === code);
  return { code, name: titleCase(found?.name ?? code) };
}

/** A regency by its code, named as the stored reference names it ("Kabupaten Musi Banyuasin"). */
export function regencyRef(db: Db, code: string): Area {
  return { code, name: titleCase(regionName(db, code) ?? code) };
}

/**
 * Refuses a change to a KIM merged from an office: the office is the one place where a KIM
 * changes, and the next merge would undo the change anyway. Names the office that owns it.
 */
export function refuseMerged(db: Db, communityId: number): void {
  const c = db.prepare(`SELECT id, name, office FROM communities WHERE id = ?`).get(communityId) as { id: number; name: string; office: string | null } | undefined;
  if (c?.office) throw usageError('province.owned', { name: c.name, id: c.id, office: regencyRef(db, c.office).name, code: c.office });
}
