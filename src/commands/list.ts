import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { isProvincial } from '../core/province/scope.js';
import { findDistrictCode } from '../core/rules/scope.js';
import { endedCount, listCommunities, type CommunityLine, type ListStatus } from '../core/reports/browse.js';
import { refreshValidation, revalidator } from '../core/reports/freshness.js';
import type { MessageKey, Translate } from '../ui/messages/index.js';
import { emit } from '../ui/output.js';
import type { Dataset } from '../ui/render/dataset.js';
import { officeTitle } from './office-title.js';
import { withDb } from './open.js';

function listDataset(t: Translate, lines: CommunityLine[], options: { ended: boolean; forPeople: boolean; provincial: boolean }): Dataset {
  const keys = ['id', 'number', 'name', ...(options.provincial ? ['regency'] : []), 'district', 'village', 'sk', 'compliant', 'officers', ...(options.ended ? ['endedAt'] : [])] as const;
  const verdict = (c: boolean | null) => (c === null ? t('list.notChecked') : t(c ? 'word.yes' : 'word.no'));
  return {
    columns: keys.map((key) => ({ key, header: t(`list.col.${key}` as MessageKey), align: key === 'id' || key === 'officers' ? 'right' : 'left' })),
    heading: ['name'],
    rows: lines.map((l) => ({
      ...l,
      sk: l.skNumber,
      regency: l.regency?.name,
      compliant: options.forPeople ? verdict(l.compliant) : l.compliant,
    })),
  };
}

/** `kim list`: the KIMs, filtered, by district, village and name; ended ones only on request. */
export async function run(ctx: Context, _args: string[], opts: { district?: string; status?: ListStatus; search?: string }): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md', 'xlsx']);
  const { lines, hiddenEnded, revalidated, title, provincial } = await withDb(ctx, {}, (db) => {
    const districtCode = opts.district ? findDistrictCode(db, opts.district) : undefined;
    // The compliance shown is judged on the current data, as in the reports.
    const revalidated = opts.status === 'ended' ? 0 : refreshValidation(db, revalidator(db, ctx));
    const provincial = isProvincial(db);
    const lines = listCommunities(db, { today: ctx.today, districtCode, status: opts.status, search: opts.search, provincial });
    // A spreadsheet is printed: it says what it is; the other formats stay as they were.
    const title = ctx.format === 'xlsx' ? officeTitle(ctx, db, 'title.communities') : undefined;
    return { lines, hiddenEnded: opts.status === 'ended' ? 0 : endedCount(db, ctx.today), revalidated, title, provincial };
  });
  if (revalidated > 0) ctx.notice(ctx.t('report.revalidated', { count: revalidated }));
  const forPeople = ctx.format === 'table' || ctx.format === 'md';
  const data = { ...listDataset(ctx.t, lines, { ended: opts.status === 'ended', forPeople, provincial }), title };
  await emit(ctx, data, lines, { emptyText: ctx.t('list.none'), sheet: 'KIM' });
  if (ctx.format === 'table') {
    if (lines.length > 0) ctx.notice(ctx.t('list.count', { count: lines.length }));
    if (hiddenEnded > 0) ctx.notice(ctx.t('list.endedHidden', { count: hiddenEnded }));
  }
  return 0;
}
