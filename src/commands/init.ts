import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { audit } from '../db/audit.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { officeRegencyCode, provinceCode, regionName, storedReferenceVersion, storeProvinceReference, storeRegencyReference } from '../db/regions.js';
import { reresolveCommunities, type Reresolved } from '../core/regions/reresolve.js';
import { SCHEMA_VERSION } from '../db/schema.js';
import { readSetting, writeSetting } from '../db/settings.js';
import { usageError } from '../errors.js';
import { provinceOf } from '../core/province/scope.js';
import { loadProvinceReference, loadRegencyReference, referenceVersion, titleCase } from '../core/regions/reference.js';
import { findProvince, findRegency } from '../core/regions/resolve.js';
import { markOutdated } from '../core/reports/freshness.js';
import { renderJson, writeData } from '../ui/output.js';
import { withDb } from './open.js';

export interface InitResult {
  database: string;
  schemaVersion: number;
  regency: { code: string; name: string } | null;
  /** Set in a provincial database (kim init --province), which has no regency of its own. */
  province: { code: string; name: string } | null;
  office: string | null;
  regencies: number;
  districts: number;
  villages: number;
  /** What looking the KIMs up again in the new reference did (null when it did not run). */
  reresolved: Reresolved | null;
}

/** One line for the KIMs found again, one per pair of records merged into one KIM. */
export function reportReresolved(ctx: Context, r: Reresolved): void {
  if (r.resolved > 0) ctx.notice(ctx.t('regions.reresolved', { count: r.resolved }));
  for (const m of r.merged) ctx.notice(ctx.t('regions.merged', { removed: m.removed.name, removedId: m.removed.id, kept: m.kept.name, keptId: m.kept.id, moved: m.officersMoved, merged: m.officersMerged }));
}

/** What kind of database this is can be set once; a file that is one kind never becomes the other. */
function refuseOtherKind(ctx: Context, db: Db, wanted: 'province' | 'regency', code: string): void {
  const regency = officeRegencyCode(db);
  const province = provinceOf(db);
  if (wanted === 'province') {
    const own = db.prepare(`SELECT count(*) FROM communities WHERE office IS NULL`).pluck().get() as number;
    if (regency || own > 0) throw usageError('init.officeNotProvince', { path: ctx.dbPath, regency: titleCase(regionName(db, regency ?? '') ?? regency ?? '-') });
    const merged = db.prepare(`SELECT count(*) FROM communities WHERE office IS NOT NULL`).pluck().get() as number;
    if (province && province.code !== code && merged > 0) throw usageError('init.provinceHasMerges', { path: ctx.dbPath, province: province.name });
  } else if (province) throw usageError('init.provinceNotOffice', { path: ctx.dbPath, province: province.name });
}

export async function run(ctx: Context, _args: string[], opts: { regency?: string; province?: string; office?: string }): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  if (opts.regency && opts.province) throw usageError('init.provinceAndRegency');
  // Resolve the name before touching any file, so a typo creates nothing.
  const regency = opts.regency ? findRegency(opts.regency) : undefined;
  const province = opts.province ? findProvince(opts.province) : undefined;
  const result = await withDb(ctx, { create: true }, (db) => {
    const reresolved = writeTransaction(db, () => {
      const changes: Record<string, unknown> = {};
      if (province) refuseOtherKind(ctx, db, 'province', province.code);
      if (regency) refuseOtherKind(ctx, db, 'regency', regency.code);
      if (province && provinceCode(db) !== province.code) {
        storeProvinceReference(db, { provinceCode: province.code, ...loadProvinceReference(province.code) });
        changes.province = province.code;
      }
      const current = officeRegencyCode(db);
      // A new regency, or the same one from a newer reference than the one stored (kim upgraded).
      const refresh = regency ? current !== regency.code : current !== undefined && storedReferenceVersion(db) !== referenceVersion();
      const code = regency?.code ?? current;
      if (refresh && code) {
        storeRegencyReference(db, { regencyCode: code, ...loadRegencyReference(code) });
        if (code !== current) changes.regency = code;
        else changes.reference = referenceVersion();
      }
      if (opts.office !== undefined && readSetting(db, 'office') !== opts.office.trim()) {
        writeSetting(db, 'office', opts.office.trim());
        changes.office = opts.office.trim();
      }
      if (Object.keys(changes).length > 0) audit(db, { operator: ctx.operator, action: 'init', entity: 'database', details: changes });
      // LEG-REGION judges every KIM against the office regency.
      if (changes.regency) markOutdated(db, 'all');
      return refresh && code ? reresolveCommunities(db, ctx.operator) : null;
    });
    const code = officeRegencyCode(db);
    const count = (level: string) => (db.prepare(`SELECT count(*) AS n FROM regions WHERE level = ?`).get(level) as { n: number }).n;
    const out: InitResult = {
      database: ctx.dbPath,
      schemaVersion: SCHEMA_VERSION,
      regency: code ? { code, name: titleCase(regionName(db, code) ?? code) } : null,
      province: provinceOf(db) ?? null,
      office: readSetting<string>(db, 'office') || null,
      regencies: count('regency'),
      districts: count('district'),
      villages: count('village'),
      reresolved,
    };
    return out;
  });
  if (ctx.format === 'json') writeData(ctx, renderJson(result));
  else {
    // Sentences about what was done, not data: stderr, as every command's notices.
    ctx.notice(ctx.t('init.ready', { path: result.database, version: result.schemaVersion }));
    if (result.province) {
      ctx.notice(ctx.t('init.province', { ...result.province, regencies: result.regencies, districts: result.districts, villages: result.villages }));
    } else if (result.regency) {
      ctx.notice(ctx.t('init.regency', { code: result.regency.code, name: result.regency.name, districts: result.districts, villages: result.villages }));
    } else ctx.warn(ctx.t('regions.noRegency'));
    if (result.reresolved) reportReresolved(ctx, result.reresolved);
  }
  return 0;
}
