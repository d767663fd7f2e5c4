import type { Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { findSettingDef, getSetting } from '../settings/registry.js';
import { RULES } from './catalog.js';
import type { RuleCode, RuleConfig, Severity } from './types.js';

type Read = <T>(key: string) => T;

function ruleConfig(get: Read): RuleConfig {
  const severity = {} as Record<RuleCode, Severity>;
  const enabled = {} as Record<RuleCode, boolean>;
  for (const r of RULES) {
    severity[r.code] = get<Severity>(`rules.${r.code}.severity`);
    enabled[r.code] = get<boolean>(`rules.${r.code}.enabled`);
  }
  return {
    severity,
    enabled,
    sizeMin: get<number>('rules.ADM-SIZE.min'),
    sizeMax: get<number>('rules.ADM-SIZE.max'),
    ageMin: get<number>('rules.ADM-AGE.min'),
    allowedIssuers: get<string[]>('rules.LEG-SK-ISSUER.allowed'),
    warnTniPolri: get<boolean>('rules.ADM-ASN.warnTniPolri'),
  };
}

/** The office's effective rule settings: stored values over the defaults. */
export function loadRuleConfig(db: Db): RuleConfig {
  return ruleConfig((key) => getSetting(db, key));
}

/** The shipped defaults, for `kim rules` before any database exists. */
export function defaultRuleConfig(): RuleConfig {
  return ruleConfig(<T>(key: string) => findSettingDef(key).defaultValue as T);
}

/** Refuses settings that contradict each other; called after a change, inside its transaction. */
export function checkRuleConfig(db: Db): void {
  const c = loadRuleConfig(db);
  if (c.sizeMin > c.sizeMax) throw usageError('config.sizeBounds', { min: c.sizeMin, max: c.sizeMax });
}
