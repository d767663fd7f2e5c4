import type { ImportResult } from '../../core/import/run.js';
import { keyOfConflict, type Conflict } from '../../core/import/session.js';
import { conflictRows, fieldWords, shownConflict } from '../render/import-view.js';
import { renderTable } from '../render/table.js';
import type { Desk } from './desk.js';

/** Which of the office's changes the file overrides: none, all, or these conflicts (by key). */
export type FileWins = boolean | string[];

const KEEP = 'keep';
const TAKE = 'take';
const ONE_BY_ONE = 'one';

/** One conflict at a time; undefined when the clerk goes back to the choice for all of them. */
async function oneByOne(desk: Desk, conflicts: Conflict[]): Promise<string[] | undefined> {
  const { t } = desk;
  const taken: string[] = [];
  for (const [i, c] of conflicts.entries()) {
    const { stored, file } = shownConflict(c);
    const where = c.officer ? `${c.community.name} · ${c.officer.name}` : c.community.name;
    const answer = await desk.pick(
      t('guided.conflict.which', { n: i + 1, count: conflicts.length, where, field: fieldWords(t, c.field) }),
      [
        { value: KEEP, name: t('guided.conflict.office', { value: stored || t('edit.empty') }) },
        { value: TAKE, name: t('guided.conflict.file', { value: file || t('edit.empty') }) },
      ],
    );
    if (answer === undefined) return undefined;
    if (answer === TAKE) taken.push(keyOfConflict(c));
  }
  return taken;
}

/**
 * The file against the office's own changes since the last import: the office's stand unless
 * the clerk takes the file's, for all of them or one at a time. Undefined when the clerk goes
 * back (nothing is imported then).
 */
export async function chooseFileWins(desk: Desk, plan: ImportResult): Promise<FileWins | undefined> {
  const conflicts = plan.conflicts.filter((c) => c.source === 'office');
  if (conflicts.length === 0) return false;
  const { t, ctx } = desk;
  desk.say(renderTable(conflictRows(t, plan, 'office'), ctx.color, { width: ctx.width }).trimEnd());
  for (;;) {
    const how = await desk.pick(t('guided.conflict.how', { count: conflicts.length }), [
      { value: KEEP, name: t('guided.conflict.keepAll') },
      { value: TAKE, name: t('guided.conflict.takeAll') },
      { value: ONE_BY_ONE, name: t('guided.conflict.oneByOne') },
    ]);
    if (how === undefined) return undefined;
    if (how === KEEP) return false;
    if (how === TAKE) return true;
    const keys = await oneByOne(desk, conflicts);
    if (keys) return keys.length === 0 ? false : keys;
  }
}
