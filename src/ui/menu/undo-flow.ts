import { listBatches } from '../../commands/batches.js';
import { localDateTime } from '../render/format.js';
import { undoBatch } from '../../core/import/undo.js';
import { undoMerge } from '../../core/province/undo.js';
import type { Desk } from './desk.js';

/**
 * Undo an import from the desk, as `kim undo` does: the imports not yet undone, newest first; the
 * one picked is undone after a confirmation, or refused (naming the later import or edit that
 * touched the same records) with nothing changed.
 */
export async function undoStep(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  if (!desk.hasDb()) {
    desk.say(t('batches.none'));
    return;
  }
  const batches = (await desk.db(listBatches)).filter((b) => !b.undoneAt).reverse();
  if (batches.length === 0) {
    desk.say(t('batches.none'));
    return;
  }
  const files = (b: (typeof batches)[number]) => b.files.map((f) => f.name).join(', ');
  const id = await desk.pick<number>(
    t('menu.undo.which'),
    batches.map((b) => ({
      value: b.id,
      name: t('menu.undo.batch', { batch: b.id, files: files(b), when: localDateTime(b.startedAt, ctx.lang) }),
      description: t('menu.undo.counts', { communities: b.communities.created ?? 0, officers: b.officers.created ?? 0, operator: b.operator }),
    })),
  );
  if (id === undefined) return;
  const batch = batches.find((b) => b.id === id)!;
  if (!(await desk.prompts.confirm(t('undo.confirm', { batch: id, files: files(batch) })))) {
    desk.say(t('confirm.aborted'));
    return;
  }
  const result = await desk.db((db) => (batch.kind === 'merge' ? undoMerge(db, id, ctx) : undoBatch(db, id, ctx.operator)));
  desk.say(t('undo.done', { ...result }));
}
