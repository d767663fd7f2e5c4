import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { audit } from '../db/audit.js';
import { writeTransaction } from '../db/connection.js';
import { officeRegencyCode, regionName, storeRegencyReference } from '../db/regions.js';
import { SCHEMA_VERSION } from '../db/schema.js';
import { readSetting, writeSetting } from '../db/settings.js';
import { loadRegencyReference, titleCase } from '../core/regions/reference.js';
import { findRegency } from '../core/regions/resolve.js';
import { markOutdated } from '../core/reports/freshness.js';
import { renderJson, writeData } from '../ui/output.js';
import { withDb } from './open.js';

export interface InitResult {
  database: string;
  schemaVersion: number;
  regency: { code: string; name: string } | null;
  office: string | null;
  districts: number;
  villages: number;
}

export async function run(ctx: Context, _args: string[], opts: { regency?: string; office?: string }): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  // Resolve the name before touching any file, so a typo creates nothing.
  const regency = opts.regency ? findRegency(opts.regency) : undefined;
  const result = await withDb(ctx, { create: true }, (db) => {
    writeTransaction(db, () => {
      const changes: Record<string, unknown> = {};
      if (regency && officeRegencyCode(db) !== regency.code) {
        storeRegencyReference(db, { regencyCode: regency.code, ...loadRegencyReference(regency.code) });
        changes.regency = regency.code;
      }
      if (opts.office !== undefined && readSetting(db, 'office') !== opts.office.trim()) {
        writeSetting(db, 'office', opts.office.trim());
        changes.office = opts.office.trim();
      }
      if (Object.keys(changes).length > 0) audit(db, { operator: ctx.operator, action: 'init', entity: 'database', details: changes });
      // LEG-REGION judges every KIM against the office regency.
      if (changes.regency) markOutdated(db, 'all');
    });
    const code = officeRegencyCode(db);
    const count = (level: string) => (db.prepare(`SELECT count(*) AS n FROM regions WHERE level = ?`).get(level) as { n: number }).n;
    const out: InitResult = {
      database: ctx.dbPath,
      schemaVersion: SCHEMA_VERSION,
      regency: code ? { code, name: titleCase(regionName(db, code) ?? code) } : null,
      office: readSetting<string>(db, 'office') || null,
      districts: count('district'),
      villages: count('village'),
    };
    return out;
  });
  if (ctx.format === 'json') writeData(ctx, renderJson(result));
  else {
    ctx.io.stdout.write(ctx.t('init.ready', { path: result.database, version: result.schemaVersion }) + '\n');
    if (result.regency) {
      ctx.io.stdout.write(
        ctx.t('init.regency', { code: result.regency.code, name: result.regency.name, districts: result.districts, villages: result.villages }) + '\n',
      );
    } else ctx.warn(ctx.t('regions.noRegency'));
  }
  return 0;
}
