import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import type { Db } from '../db/connection.js';
import { usageError } from '../errors.js';
import { provinceOf, type Area } from '../core/province/scope.js';
import { revalidator } from '../core/reports/freshness.js';
import { computeProvinceRecap, provinceRegency, type ProvinceRecap } from '../core/reports/province-recap.js';
import { parseQuarterNumber, parseYear, previousQuarter, type Quarter } from '../core/reports/quarter.js';
import { computeRecap, type Recap } from '../core/reports/recap.js';
import { emit, writeData } from '../ui/output.js';
import { provinceRecapDataset, provinceRecapJson } from '../ui/render/province-recap-view.js';
import { changesNote, recapDataset, recapJson } from '../ui/render/recap-view.js';
import type { Dataset } from '../ui/render/dataset.js';
import { renderTable } from '../ui/render/table.js';
import { fitText } from '../ui/render/text-width.js';
import { withDb } from './open.js';

interface RecapOptions {
  year?: string;
  quarter?: string;
  by?: 'regency';
  regency?: string;
}

export async function run(ctx: Context, _args: string[], opts: RecapOptions): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md', 'xlsx']);
  const year = parseYear(opts.year);
  if (year === undefined) throw usageError('report.badYear', { value: opts.year });
  const quarter = parseQuarterNumber(opts.quarter);
  if (quarter === undefined) throw usageError('report.badQuarter', { value: opts.quarter });
  return withDb(ctx, {}, async (db) => {
    const province = provinceOf(db);
    if (!province) {
      if (opts.by || opts.regency) throw usageError('report.provinceOnly');
      return officeRecap(ctx, db, { year, quarter });
    }
    if (opts.regency) return officeRecap(ctx, db, { year, quarter }, mergedRegency(db, province, opts.regency));
    return regencyRecap(ctx, db, province, { year, quarter });
  });
}

/** The regency --regency names, in the province and merged at least once. */
function mergedRegency(db: Db, province: Area, text: string): Area {
  const regency = provinceRegency(province, text);
  const merged = db.prepare(`SELECT count(*) FROM communities WHERE office = ?`).pluck().get(regency.code) as number;
  if (merged === 0) throw usageError('report.regencyNotMerged', { regency: regency.name });
  return regency;
}

/**
 * The per-district recap: the office's own, or at the province one merged office's. Only an
 * office validates again what is out of date; at the province the office's results stand.
 */
async function officeRecap(ctx: Context, db: Db, q: Quarter, merged?: Area): Promise<number> {
  const revalidate = merged ? undefined : revalidator(db, ctx);
  const office = merged?.code;
  const recap = computeRecap(db, q, { revalidate, office });
  // The change against the previous quarter is for people reading the table only. When this
  // quarter's refresh ran (every outdated KIM of the register, or a busy lock that a second wait
  // would only repeat), it is not run again; otherwise the previous quarter may count a KIM this
  // one does not, ended this quarter with an outdated result, and is refreshed for it.
  const previous =
    ctx.format === 'table' ? computeRecap(db, previousQuarter(q), { revalidate: recap.revalidated > 0 ? undefined : revalidate, office }) : undefined;
  const revalidated = recap.revalidated + (previous?.revalidated ?? 0);
  if (revalidated > 0) ctx.notice(ctx.t('report.revalidated', { count: revalidated }));
  if (recap.unplaced > 0) ctx.warn(ctx.t('report.recap.unplaced', { count: recap.unplaced, regency: recap.regency.name }));
  await output(ctx, recap, (forPeople) => recapDataset(ctx.t, ctx.lang, recap, { previous, forPeople }), recapJson(recap));
  return 0;
}

/** At the province: one row per regency, each its office's total as merged. */
async function regencyRecap(ctx: Context, db: Db, province: Area, q: Quarter): Promise<number> {
  const recap = computeProvinceRecap(db, province, q);
  const previous: ProvinceRecap | undefined = ctx.format === 'table' ? computeProvinceRecap(db, province, previousQuarter(q)) : undefined;
  const missing = recap.rows.filter((r) => r.mergedAt === null);
  if (missing.length > 0) {
    ctx.notice(ctx.t('report.recap.missingOffices', { count: missing.length, total: recap.rows.length, names: missing.map((r) => r.regency.name).join(', ') }));
  }
  if (recap.unplaced > 0) ctx.warn(ctx.t('report.recap.unplacedOffices', { count: recap.unplaced }));
  await output(ctx, recap, (forPeople) => provinceRecapDataset(ctx.t, ctx.lang, recap, { previous, forPeople }), provinceRecapJson(recap));
  return 0;
}

async function output(ctx: Context, recap: Recap | ProvinceRecap, dataset: (forPeople: boolean) => Dataset, json: unknown): Promise<void> {
  if (recap.asOf > ctx.today) ctx.notice(ctx.t('report.recap.provisional', { today: ctx.today }));
  if (ctx.format === 'table') writeData(ctx, renderTable(dataset(true), ctx.color, { width: ctx.width }) + ctx.color.dim(fitText(changesNote(ctx.t, recap), ctx.width)) + '\n');
  else await emit(ctx, dataset(ctx.format === 'md'), json, { sheet: ctx.t('report.recap.sheet', { quarter: recap.quarter, year: recap.year }) });
}
