import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { officeRegencyCode, regionName } from '../db/regions.js';
import { titleCase } from '../core/regions/reference.js';
import { provinceOf } from '../core/province/scope.js';
import { findDistrictCode } from '../core/rules/scope.js';
import { followUpList } from '../core/reports/follow-up.js';
import { refreshValidation, revalidator } from '../core/reports/freshness.js';
import { emit } from '../ui/output.js';
import { longDate } from '../ui/render/format.js';
import { followUpDataset, followUpJson } from '../ui/render/follow-up-view.js';
import { withDb } from './open.js';

/**
 * `kim report findings`: every KIM still active with open problems, by district, village and
 * name — the list follow-up letters are written from. Outdated validation results are refreshed
 * first. A report is not a check: it exits 0 whatever it lists (`kim validate` exits 1).
 */
export async function run(ctx: Context, _args: string[], opts: { district?: string }): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md', 'xlsx']);
  const { list, regency, province, revalidated } = await withDb(ctx, {}, (db) => {
    const districtCode = opts.district ? findDistrictCode(db, opts.district) : undefined;
    const revalidated = refreshValidation(db, revalidator(db, ctx));
    const code = officeRegencyCode(db);
    const regency = code ? { code, name: titleCase(regionName(db, code) ?? code) } : null;
    const province = provinceOf(db);
    return { list: followUpList(db, { today: ctx.today, districtCode, provincial: province !== undefined }), regency, province, revalidated };
  });
  if (revalidated > 0) ctx.notice(ctx.t('report.revalidated', { count: revalidated }));
  const today = longDate(ctx.today, ctx.lang);
  const area = regency?.name ?? (province && ctx.t('report.recap.province', { name: province.name }));
  const title = area ? ctx.t('report.findings.title', { regency: area, today }) : ctx.t('report.findings.titleAll', { today });
  const json = followUpJson(ctx.t, list, regency, ctx.today, province);
  const multiline = ctx.format === 'table' || ctx.format === 'xlsx';
  const data = followUpDataset(ctx.t, list, title, { multiline, color: ctx.format === 'table' ? ctx.color : undefined });
  await emit(ctx, data, json, { emptyText: ctx.t('report.findings.none'), sheet: ctx.t('report.findings.sheet') });
  if (ctx.format === 'table' && list.length > 0) {
    ctx.notice(ctx.t('report.findings.count', { count: list.length, errors: json.summary.errors, warnings: json.summary.warnings }));
  }
  return 0;
}
