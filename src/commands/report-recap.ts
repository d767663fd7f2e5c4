import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { usageError } from '../errors.js';
import { revalidator } from '../core/reports/freshness.js';
import { parseQuarterNumber, parseYear, previousQuarter } from '../core/reports/quarter.js';
import { computeRecap } from '../core/reports/recap.js';
import { emit, writeData } from '../ui/output.js';
import { changesNote, recapDataset, recapJson } from '../ui/render/recap-view.js';
import { renderTable } from '../ui/render/table.js';
import { fitText } from '../ui/render/text-width.js';
import { withDb } from './open.js';

export async function run(ctx: Context, _args: string[], opts: { year?: string; quarter?: string }): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md', 'xlsx']);
  const year = parseYear(opts.year);
  if (year === undefined) throw usageError('report.badYear', { value: opts.year });
  const quarter = parseQuarterNumber(opts.quarter);
  if (quarter === undefined) throw usageError('report.badQuarter', { value: opts.quarter });

  const { recap, previous } = await withDb(ctx, {}, (db) => {
    const revalidate = revalidator(db, ctx);
    const recap = computeRecap(db, { year, quarter }, { revalidate });
    // The change against the previous quarter is for people reading the table only. When this
    // quarter's refresh ran (every outdated KIM of the register, or a busy lock that a second wait
    // would only repeat), it is not run again; otherwise the previous quarter may count a KIM this
    // one does not, ended this quarter with an outdated result, and is refreshed for it.
    const previous =
      ctx.format === 'table' ? computeRecap(db, previousQuarter({ year, quarter }), { revalidate: recap.revalidated > 0 ? undefined : revalidate }) : undefined;
    return { recap, previous };
  });

  const revalidated = recap.revalidated + (previous?.revalidated ?? 0);
  if (revalidated > 0) ctx.notice(ctx.t('report.revalidated', { count: revalidated }));
  if (recap.unplaced > 0) ctx.warn(ctx.t('report.recap.unplaced', { count: recap.unplaced, regency: recap.regency.name }));
  if (recap.asOf > ctx.today) ctx.notice(ctx.t('report.recap.provisional', { today: ctx.today }));

  if (ctx.format === 'table') {
    const data = recapDataset(ctx.t, ctx.lang, recap, { previous, forPeople: true });
    writeData(ctx, renderTable(data, ctx.color, { width: ctx.width }) + ctx.color.dim(fitText(changesNote(ctx.t, recap), ctx.width)) + '\n');
  } else {
    const data = recapDataset(ctx.t, ctx.lang, recap, { forPeople: ctx.format === 'md' });
    await emit(ctx, data, recapJson(recap), { sheet: ctx.t('report.recap.sheet', { quarter, year }) });
  }
  return 0;
}
