import type { Context } from '../../context.js';
import { deskStatus, type DeskStatus } from '../../core/desk/status.js';
import { refreshValidation, revalidator } from '../../core/reports/freshness.js';
import type { MessageKey } from '../messages/index.js';
import { attempt, deskContext, makeDesk, type Desk } from './desk.js';
import { regencyFirst } from './first-run.js';
import { guidedImport } from './import-flow.js';
import { isPromptExit, type Prompts } from './prompts.js';
import { reviewProblems } from './review-flow.js';
import { settingsStep } from './settings-flow.js';
import { mergeStep } from './province-flow.js';
import { assignNumbersStep, backupStep, findStep, recapStep } from './tasks.js';
import { undoStep } from './undo-flow.js';

const ITEMS = ['import', 'review', 'number', 'recap', 'find', 'undo', 'backup', 'settings', 'exit'] as const;
/** A provincial database takes the offices' files and reports; its KIMs change at their offices. */
const PROVINCE_ITEMS = ['merge', 'recap', 'find', 'undo', 'backup', 'settings', 'exit'] as const;
type Item = (typeof ITEMS)[number] | (typeof PROVINCE_ITEMS)[number];

const STEPS: Record<Exclude<Item, 'exit'>, (desk: Desk) => Promise<unknown>> = {
  merge: mergeStep,
  import: guidedImport,
  review: reviewProblems,
  number: assignNumbersStep,
  recap: recapStep,
  find: findStep,
  undo: undoStep,
  backup: backupStep,
  settings: settingsStep,
};

/** The stored results are brought up to date first, so the count is of the current data. */
async function status(desk: Desk): Promise<DeskStatus | undefined> {
  if (!desk.hasDb()) return undefined;
  return desk.db((db) => {
    refreshValidation(db, revalidator(db, desk.ctx));
    return deskStatus(db, desk.ctx.today);
  });
}

/** Says what the desk works on; returns the status, which decides the menu's items. */
async function header(desk: Desk): Promise<DeskStatus | undefined> {
  const { t, ctx } = desk;
  const c = ctx.color;
  const s = await attempt(desk, () => status(desk));
  desk.say();
  desk.say(c.bold(s?.office ? t('menu.titleOffice', { office: s.office }) : t('menu.title')));
  if (!desk.hasDb()) {
    desk.say(t('menu.noDb', { path: ctx.dbPath }));
    return s;
  }
  desk.say(t('menu.db', { path: ctx.dbPath }));
  if (!s) return s;
  if (s.province) desk.say(t('menu.province', { ...s.province }));
  else desk.say(s.regency ? t('menu.regency', { name: s.regency.name, code: s.regency.code }) : c.yellow(t('menu.noRegency')));
  const problems = t('menu.problems', { count: s.withProblems, errors: s.withErrors });
  desk.say(t('menu.kims', { count: s.communities }) + ' · ' + (s.withProblems > 0 ? c.yellow(problems) : c.green(problems)));
  return s;
}

/**
 * Interrupts outside a prompt (while an import or a backup runs) must not cut a step in half:
 * the first Ctrl-C lets the step finish and then leaves; a second one leaves at once (an open
 * transaction is then rolled back by SQLite, never half-applied).
 */
function guardInterrupts(desk: Desk): { interrupted: () => boolean; release: () => void } {
  let count = 0;
  const onSigint = () => {
    count++;
    if (count > 1) process.exit(0);
    desk.say(desk.t('menu.stopping'));
  };
  process.on('SIGINT', onSigint);
  return { interrupted: () => count > 0, release: () => process.off('SIGINT', onSigint) };
}

/** The desk: a menu for the quarter's work. Returns the exit code: 0, also after Ctrl-C. */
export async function runDesk(ctx: Context, prompts: Prompts): Promise<number> {
  const desk = makeDesk(deskContext(ctx), prompts);
  const guard = guardInterrupts(desk);
  try {
    await attempt(desk, () => regencyFirst(desk));
    for (;;) {
      const s = await header(desk);
      const hint = (value: Item) => (s?.province && value === 'recap' ? 'menu.item.recap.provinceHint' : (`menu.item.${value}.hint` as MessageKey));
      const entries = (s?.province ? PROVINCE_ITEMS : ITEMS).map((value) => ({ value, name: desk.t(`menu.item.${value}` as MessageKey), description: desk.t(hint(value)) }));
      const item = await prompts.select<Item>(desk.t('menu.question'), entries);
      // Esc at the menu has nowhere to go back to: the menu is asked again.
      if (item === undefined) continue;
      if (item === 'exit') break;
      await attempt(desk, () => STEPS[item](desk));
      if (guard.interrupted()) break;
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
  } finally {
    guard.release();
  }
  desk.say(desk.t('menu.bye'));
  return 0;
}
