import type { Db } from '../../db/connection.js';
import { deleteSetting, readSetting, writeSetting } from '../../db/settings.js';
import { usageError } from '../../errors.js';
import { officeSettings } from './office.js';
import { numberingSettings } from './numbering.js';
import { ruleSettings } from './rules.js';
import { importSettings } from './import.js';
import type { SettingDef } from './types.js';

/**
 * Every office setting kim knows. Each feature area contributes its own list; `kim config` and the
 * code that reads a setting both go through here, so the default lives in one place.
 */
const providers: (() => SettingDef[])[] = [() => officeSettings, () => numberingSettings, ruleSettings, () => importSettings as SettingDef[]];

let byKey: Map<string, SettingDef> | undefined;

export function settingDefs(): SettingDef[] {
  return providers.flatMap((p) => p());
}

export function findSettingDef(key: string): SettingDef {
  // The definitions are fixed: built once, not once per setting read (validation reads 35).
  byKey ??= new Map(settingDefs().map((d) => [d.key, d]));
  const def = byKey.get(key);
  if (!def) throw usageError('config.unknownKey', { key });
  return def;
}

/** The effective value: stored, else the default. */
export function getSetting<T>(db: Db, key: string): T {
  const def = findSettingDef(key);
  const stored = readSetting<T>(db, key);
  return stored === undefined ? (def.defaultValue as T) : stored;
}

/** Parses text as `kim config set` receives it and stores it; the caller audits. */
export function setSetting(db: Db, key: string, text: string): unknown {
  const def = findSettingDef(key);
  const value = def.parse(text);
  writeSetting(db, key, value);
  return value;
}

export function unsetSetting(db: Db, key: string): void {
  findSettingDef(key);
  deleteSetting(db, key);
}
