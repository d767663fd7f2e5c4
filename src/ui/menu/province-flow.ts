import fs from 'node:fs';
import path from 'node:path';
import { isProvincial } from '../../core/province/scope.js';
import { command, type Desk } from './desk.js';

/**
 * The offices' files to merge: a folder (every .sqlite in it, as a shared folder or a USB stick
 * holds them) or one file. A name that is neither is passed on, for kim merge to name it.
 */
export function officeFiles(cwd: string, text: string): string[] {
  const given = path.resolve(cwd, text.trim());
  if (!fs.existsSync(given) || !fs.statSync(given).isDirectory()) return [text.trim()];
  return fs
    .readdirSync(given)
    .filter((name) => name.toLowerCase().endsWith('.sqlite'))
    .sort()
    .map((name) => path.join(given, name));
}

/** Merge: where the offices' files are, then kim merge itself, which says what each one changed. */
export async function mergeStep(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  // Esc or an empty answer goes back, as at every question of the desk.
  const text = await desk.ask(t('menu.merge.where'));
  if (text === undefined) return;
  const files = officeFiles(ctx.io.cwd, text);
  if (files.length === 0) {
    desk.say(t('menu.merge.none', { folder: text.trim() }));
    return;
  }
  const merge = await command(() => import('../../commands/merge.js'));
  await merge.run({ ...ctx, format: 'table', out: undefined }, files, {});
}

/**
 * In a provincial database, which recap: the province's (a row per regency) or one regency's
 * (per district, as its office prints it); undefined when the clerk went back. An office's
 * database has only its own.
 */
export async function recapScope(desk: Desk): Promise<{ by?: 'regency'; regency?: string } | undefined> {
  const regencies = await desk.db((db) =>
    isProvincial(db)
      ? (db.prepare(`SELECT g.code, g.name FROM regions g WHERE g.level = 'regency' AND g.code IN (SELECT office FROM communities) ORDER BY g.code`).all() as { code: string; name: string }[])
      : undefined,
  );
  if (!regencies) return {};
  const { t } = desk;
  const chosen = await desk.pick<string>(t('menu.recap.scope'), [
    { value: '', name: t('menu.recap.byRegency') },
    ...regencies.map((r) => ({ value: r.code, name: `${r.name} (${r.code})` })),
  ]);
  if (chosen === undefined) return undefined;
  return chosen ? { regency: chosen } : { by: 'regency' };
}
