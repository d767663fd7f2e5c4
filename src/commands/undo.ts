import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { usageError } from '../errors.js';
import { getBatch, undoBatch } from '../core/import/undo.js';
import { maskNiksInText } from '../core/ids/mask.js';
import { undoMerge } from '../core/province/undo.js';
import { renderJson, writeData } from '../ui/output.js';
import { confirmAction } from '../ui/prompts.js';
import { withDb } from './open.js';

export async function run(ctx: Context, [text]: string[]): Promise<number> {
  requireFormat(ctx, ['table', 'json']);
  const id = /^\d+$/.test(text ?? '') ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) throw usageError('undo.badBatch', { value: text ?? '' });
  return withDb(ctx, {}, async (db) => {
    const batch = getBatch(db, id);
    const files = maskNiksInText((JSON.parse(batch.files) as { name: string }[]).map((f) => f.name).join(', '));
    if (!(await confirmAction(ctx, ctx.t('undo.confirm', { batch: id, files })))) {
      ctx.notice(ctx.t('confirm.aborted'));
      return 0;
    }
    const result = batch.kind === 'merge' ? undoMerge(db, id, ctx) : undoBatch(db, id, ctx.operator);
    if (ctx.format === 'json') writeData(ctx, renderJson(result));
    else ctx.notice(ctx.t('undo.done', { ...result }));
    return 0;
  });
}
