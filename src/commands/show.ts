import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { findCommunity } from '../core/community-ref.js';
import { communityDetail } from '../core/reports/community-detail.js';
import { refreshValidation, revalidator } from '../core/reports/freshness.js';
import { renderJson, writeData } from '../ui/output.js';
import { problemText } from '../ui/render/follow-up-view.js';
import { renderShowMarkdown, renderShowTable } from '../ui/render/show-view.js';
import { withDb } from './open.js';

/** `kim show <community>`: one KIM with its officers (NIK masked), findings and history. */
export async function run(ctx: Context, args: string[]): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'md']);
  const detail = await withDb(ctx, {}, (db) => {
    const ref = findCommunity(db, args[0] ?? '');
    // Findings shown are those of the current data, as in the reports.
    refreshValidation(db, revalidator(db, ctx), ref.id);
    return communityDetail(db, ref.id);
  });
  if (ctx.format === 'json') {
    const findings = detail.findings.map(({ params: _params, ...f }) => ({ ...f, message: problemText(ctx.t, { ...f, params: _params }) }));
    writeData(ctx, renderJson({ ...detail, findings }));
  } else if (ctx.format === 'md') writeData(ctx, renderShowMarkdown(ctx.t, ctx.lang, detail));
  else writeData(ctx, renderShowTable(ctx.t, detail, ctx.color, ctx.width));
  return 0;
}
