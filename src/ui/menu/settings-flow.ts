import { officeRegencyCode, regionName } from '../../db/regions.js';
import { titleCase } from '../../core/regions/reference.js';
import { findRegency } from '../../core/regions/resolve.js';
import { findSettingDef, getSetting } from '../../core/settings/registry.js';
import { attempt, command, problemWith, type Desk } from './desk.js';

/** The settings an office changes at the desk; the rest stay with `kim config`. */
const COMMON = [
  'regency', 'office', 'rules.ADM-SIZE.min', 'rules.ADM-SIZE.max', 'rules.ADM-AGE.min', 'rules.LEG-SK-ISSUER.allowed', 'numbering.template', 'import.columns',
] as const;
type Common = (typeof COMMON)[number];
const ALL = '__all__';

function shown(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const def = key === 'regency' ? undefined : findSettingDef(key);
  return def?.show ? def.show(value) : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each common setting with its current value and what it means; before the first import, none is stored. */
async function current(desk: Desk): Promise<{ key: Common; value: string; description: string }[]> {
  const read = (fn: (key: string) => { value: unknown; suffix?: string }) =>
    COMMON.map((key) => {
      const { value, suffix } = fn(key);
      const description = key === 'regency' ? desk.t('settings.regency') : desk.t(findSettingDef(key).describe, findSettingDef(key).describeParams);
      return { key, value: shown(key, value) + (suffix ?? ''), description };
    });
  if (!desk.hasDb()) return read((key) => ({ value: key === 'regency' ? null : findSettingDef(key).defaultValue }));
  return desk.db((db) =>
    read((key) => {
      if (key !== 'regency') return { value: getSetting(db, key) };
      const code = officeRegencyCode(db);
      const name = code ? regionName(db, code) : undefined;
      return { value: code ?? null, suffix: name ? ` (${titleCase(name)})` : '' };
    }),
  );
}

/** Checks a value as `kim config set` will, so the clerk corrects it while typing. */
function check(key: string, text: string): void {
  if (key === 'regency') findRegency(text);
  else findSettingDef(key).parse(text);
}

/**
 * Show and change a few common settings, by their names in the clerk's words, through the same
 * code (and audit) as `kim config set`. Going back from a value returns to the list.
 */
export async function settingsStep(desk: Desk): Promise<void> {
  const { t, ctx } = desk;
  const config = await command(() => import('../../commands/config.js'));
  const init = await command(() => import('../../commands/init.js'));
  const label = (key: Common) => t(`menu.setting.${key}`);
  for (;;) {
    const entries = await current(desk);
    const key = await desk.pick<string>(t('menu.settings.which'), [
      ...entries.map((e) => ({ value: e.key, name: `${label(e.key)}: ${e.value || t('edit.empty')}`, description: e.description })),
      { value: ALL, name: t('menu.settings.all') },
    ]);
    if (key === undefined) return;
    if (key === ALL) {
      await attempt(desk, () => config.run({ ...ctx, format: 'table' }, ['list'], {}));
      continue;
    }
    const entry = entries.find((e) => e.key === key)!;
    desk.say(entry.description);
    const value = await desk.ask(t('menu.settings.newValue', { setting: label(entry.key) }), {
      default: key === 'regency' ? undefined : entry.value || undefined,
      validate: (v) => problemWith(desk, () => check(key, v)),
    });
    if (value === undefined) continue;
    // The regency and the office name go through `kim init`, which also creates a first database.
    if (key === 'regency' || key === 'office') await attempt(desk, () => init.run({ ...ctx, format: 'table' }, [], { [key]: value }));
    // The command's own confirmation names the key; the desk says it in the clerk's words.
    else if ((await attempt(desk, () => config.run({ ...ctx, format: 'table', notice: () => {} }, ['set', key, value], {}))) !== undefined) {
      desk.say(t('menu.settings.saved', { setting: label(entry.key), value: value.trim() }));
    }
  }
}
