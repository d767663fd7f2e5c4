import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { usageError } from '../errors.js';
import { findCommunity } from '../core/community-ref.js';
import { parsePastDate } from '../core/ids/date.js';
import { endCommunity } from '../core/numbering/end.js';
import { renderJson, writeData } from '../ui/output.js';
import { withDb } from './open.js';

interface EndOptions {
  reason?: string;
  date?: string;
}

export async function run(ctx: Context, args: string[], opts: EndOptions): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  if (!opts.reason?.trim()) throw usageError('end.needsReason');
  // Checked before the database is opened: a bad date changes nothing.
  const date = parsePastDate(opts.date, ctx.today, 'end.futureDate');
  const ended = await withDb(ctx, {}, (db) => {
    const community = findCommunity(db, args[0] ?? '');
    return endCommunity(db, { communityId: community.id, date, reason: opts.reason!, operator: ctx.operator, today: ctx.today });
  });
  if (ctx.format === 'json') {
    writeData(ctx, renderJson(ended));
    return 0;
  }
  const c = ended.community;
  ctx.notice(ctx.t('end.done', { name: c.name, id: c.id, date: ended.endedAt, reason: ended.reason }));
  if (c.number) ctx.notice(ctx.t('end.numberRetired', { number: c.number }));
  return 0;
}
