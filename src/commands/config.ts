import fs from 'node:fs';
import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { audit } from '../db/audit.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { officeRegencyCode, regionName, storeRegencyReference } from '../db/regions.js';
import { reresolveCommunities, type Reresolved } from '../core/regions/reresolve.js';
import { reportReresolved } from './init.js';
import { readSetting } from '../db/settings.js';
import { provinceOf } from '../core/province/scope.js';
import { loadRegencyReference, titleCase } from '../core/regions/reference.js';
import { findRegency } from '../core/regions/resolve.js';
import { markOutdated } from '../core/reports/freshness.js';
import { checkRuleConfig } from '../core/rules/config.js';
import { findSettingDef, getSetting, setSetting, settingDefs, unsetSetting } from '../core/settings/registry.js';
import type { SettingDef } from '../core/settings/types.js';
import { usageError } from '../errors.js';
import { emit, renderJson, writeData } from '../ui/output.js';
import { withDb } from './open.js';

interface Entry {
  key: string;
  value: unknown;
  default: unknown;
  description: string;
}

// The regency is not a plain value: setting it copies the Kemendagri reference, as `kim init` does.
const REGENCY = 'regency';

/** Settings the rules read: changing one makes every stored result one of other rules. */
const judgedBy = (key: string) => key === REGENCY || key.startsWith('rules.');

const shown = (def: SettingDef | undefined, value: unknown): string =>
  value === null || value === undefined ? '' : def?.show ? def.show(value) : typeof value === 'string' ? value : JSON.stringify(value);

function regencyEntry(ctx: Context, db: Db | undefined): Entry {
  const code = db ? officeRegencyCode(db) ?? null : null;
  const name = db && code ? regionName(db, code) : undefined;
  return { key: REGENCY, value: code, default: null, description: ctx.t('settings.regency') + (name ? ` — ${titleCase(name)}` : '') };
}

function entry(ctx: Context, db: Db | undefined, def: SettingDef): Entry {
  const value = db ? getSetting(db, def.key) : def.defaultValue;
  return { key: def.key, value, default: def.defaultValue, description: ctx.t(def.describe, def.describeParams) };
}

/** Reads settings from the database when there is one; before `kim init`, the defaults. */
async function reading<T>(ctx: Context, fn: (db: Db | undefined) => T): Promise<T> {
  return fs.existsSync(ctx.dbPath) ? withDb(ctx, {}, fn) : fn(undefined);
}

async function list(ctx: Context): Promise<number> {
  const entries = await reading(ctx, (db) => [regencyEntry(ctx, db), ...settingDefs().map((d) => entry(ctx, db, d))]);
  const defs = new Map(settingDefs().map((d) => [d.key, d]));
  const keys = ['key', 'value', 'default', 'description'] as const;
  const rows = entries.map((e) => ({ ...e, value: shown(defs.get(e.key), e.value), default: shown(defs.get(e.key), e.default) }));
  await emit(ctx, { columns: keys.map((key) => ({ key, header: ctx.format === 'table' ? ctx.t(`config.col.${key}`) : key })), rows }, entries);
  return 0;
}

async function get(ctx: Context, key: string): Promise<number> {
  const def = key === REGENCY ? undefined : findSettingDef(key);
  const e = await reading(ctx, (db) => (def ? entry(ctx, db, def) : regencyEntry(ctx, db)));
  if (ctx.format === 'json') writeData(ctx, renderJson(e));
  else writeData(ctx, shown(def, e.value) + '\n');
  return 0;
}

async function set(ctx: Context, key: string, text: string): Promise<number> {
  // Resolve before opening anything, so a typo changes nothing.
  const regency = key === REGENCY ? findRegency(text) : undefined;
  const def = regency ? undefined : findSettingDef(key);
  let reresolved: Reresolved | undefined;
  const value = await withDb(ctx, {}, (db) =>
    writeTransaction(db, () => {
      const previous = regency ? officeRegencyCode(db) ?? null : readSetting(db, key) ?? null;
      let stored: unknown;
      if (regency) {
        // A provincial database has no regency: its offices have theirs.
        const province = provinceOf(db);
        if (province) throw usageError('init.provinceNotOffice', { path: ctx.dbPath, province: province.name });
        if (previous !== regency.code) {
          storeRegencyReference(db, { regencyCode: regency.code, ...loadRegencyReference(regency.code) });
          reresolved = reresolveCommunities(db, ctx.operator);
        }
        stored = regency.code;
      } else {
        stored = setSetting(db, key, text);
        checkRuleConfig(db);
      }
      if (JSON.stringify(stored) !== JSON.stringify(previous)) {
        audit(db, { operator: ctx.operator, action: 'config.set', entity: 'setting', details: { key, value: stored, previous } });
        if (judgedBy(key)) markOutdated(db, 'all');
      }
      return stored;
    }),
  );
  if (ctx.format === 'json') writeData(ctx, renderJson({ key, value }));
  else ctx.notice(ctx.t('config.set', { key, value: shown(def, value) + (regency ? ` (${titleCase(regency.name)})` : '') }));
  if (reresolved && ctx.format !== 'json') reportReresolved(ctx, reresolved);
  return 0;
}

async function unset(ctx: Context, key: string): Promise<number> {
  if (key === REGENCY) throw usageError('config.regencyUnset');
  const def = findSettingDef(key);
  await withDb(ctx, {}, (db) =>
    writeTransaction(db, () => {
      const previous = readSetting(db, key) ?? null;
      if (previous === null) return;
      unsetSetting(db, key);
      checkRuleConfig(db);
      audit(db, { operator: ctx.operator, action: 'config.unset', entity: 'setting', details: { key, previous } });
      if (judgedBy(key)) markOutdated(db, 'all');
    }),
  );
  if (ctx.format === 'json') writeData(ctx, renderJson({ key, value: def.defaultValue }));
  else ctx.notice(ctx.t('config.unset', { key, value: shown(def, def.defaultValue) }));
  return 0;
}

export async function run(ctx: Context, args: string[], _opts?: Record<string, unknown>): Promise<number> {
  const [verb, key, value] = args;
  if (verb === 'list') {
    requireFormat(ctx, ['table', 'json', 'csv']);
    return list(ctx);
  }
  requireFormat(ctx, ['table', 'json']);
  if (verb === 'get') return get(ctx, key!);
  if (verb === 'set') return set(ctx, key!, value!);
  return unset(ctx, key!);
}
