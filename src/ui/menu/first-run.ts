import { officeRegencyCode } from '../../db/regions.js';
import { provinceOf } from '../../core/province/scope.js';
import { findRegency } from '../../core/regions/resolve.js';
import { fitText } from '../render/text-width.js';
import { attempt, command, problemWith, type Desk } from './desk.js';

/** A database that nothing has been set in or imported into yet (or none at all). */
async function isNew(desk: Desk): Promise<boolean> {
  if (!desk.hasDb()) return true;
  return desk.db((db) => {
    if (officeRegencyCode(db) || provinceOf(db)) return false;
    return (db.prepare(`SELECT EXISTS (SELECT 1 FROM communities) AS any`).get() as { any: number }).any === 0;
  });
}

/**
 * Before anything else on a new database, the office's regency: rosters imported without it
 * keep villages unresolved until it is set. The clerk may still go on without it (Esc or an
 * empty answer); the menu's header then keeps saying it is missing.
 */
export async function regencyFirst(desk: Desk): Promise<void> {
  if (!(await isNew(desk))) return;
  const { t, ctx } = desk;
  desk.say(fitText(t('first.welcome'), ctx.width));
  const value = await desk.ask(t('first.regency'), { validate: (v) => problemWith(desk, () => findRegency(v)) });
  if (value === undefined) {
    desk.say(ctx.color.yellow(fitText(t('first.later'), ctx.width)));
    return;
  }
  const init = await command(() => import('../../commands/init.js'));
  await attempt(desk, () => init.run({ ...ctx, format: 'table' }, [], { regency: value }));
}
