/**
 * The checking pass of a validation: every rule over the given communities and their active
 * officers, with nothing written. runValidation stores what it finds; a second thread may run
 * this pass over half of a large office (see parallel.ts).
 */
import type { Db } from '../../db/connection.js';
import type { Translate } from '../../ui/messages/index.js';
import { maskNik, maskNiksInText } from '../ids/mask.js';
import { RULES } from './catalog.js';
import { loadRuleConfig } from './config.js';
import { describeFinding } from './describe.js';
import { pagedCommunities } from './pages.js';
import { buildEnv, scopeIds, type Scope } from './scope.js';
import { ageCutoff } from './typical.js';
import type { Category, CheckEnv, CommunityRecord, FindingParams, Hit, OfficerRecord, Rule, RuleCode, Severity } from './types.js';

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  category: Category;
  community: { id: number; name: string; number: string | null };
  officer: { id: number; name: string; nik: string | null } | null;
  field: string | null;
  value: string | null;
  message: string;
  params: FindingParams;
}

/** A finding's words and values as printed: a NIK typed where it does not belong (a phone, a remark) is masked too. */
function maskedParams(params: FindingParams): FindingParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? maskNiksInText(v) : v])) as FindingParams;
}

function toFinding(rule: Rule, hit: Hit, env: CheckEnv, c: CommunityRecord, o: OfficerRecord | null, t: Translate): Finding {
  const value = hit.field === 'nik' ? maskNik(hit.value) : hit.value && maskNiksInText(hit.value);
  const params = hit.field === 'nik' ? hit.params : maskedParams(hit.params);
  return {
    rule: rule.code,
    severity: hit.severity ?? env.config.severity[rule.code],
    category: rule.category,
    community: { id: c.id, name: c.name, number: c.number },
    officer: o ? { id: o.id, name: o.name, nik: maskNik(o.nik) } : null,
    field: hit.field,
    value,
    message: describeFinding(t, { rule: rule.code, params }),
    params,
  };
}

/** One community checked: its findings in rule order, officer findings last, officer by officer. */
export interface Checked {
  id: number;
  name: string;
  number: string | null;
  findings: Finding[];
}

/**
 * Every rule on one community: its community and roster rules, then the officer rules on each
 * officer given. `roles` holds every active officer's role; `officers` those to check one by one.
 */
export function checkCommunity(rules: readonly Rule[], c: CommunityRecord, roles: (string | null)[], officers: OfficerRecord[], env: CheckEnv, t: Translate): Checked {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.community?.(c, env) ?? []) findings.push(toFinding(rule, hit, env, c, null, t));
    for (const hit of rule.roster?.(c, roles, env) ?? []) findings.push(toFinding(rule, hit, env, c, null, t));
  }
  for (const o of officers) {
    for (const rule of rules) for (const hit of rule.officer?.(o, c, env) ?? []) findings.push(toFinding(rule, hit, env, c, o, t));
  }
  return { id: c.id, name: c.name, number: c.number, findings };
}

/** What a run checks, read inside its transaction before any check. */
export interface Plan {
  env: CheckEnv;
  rules: readonly Rule[];
  /** The communities in scope, in id order. */
  ids: number[];
  /** By community, officers holding a NIK of another KIM; null: unknown, check every officer. */
  holders: Map<number, number[]> | null;
}

/** The plan of a run over `ids`, the scope's communities unless a part of them is given. */
export function planChecks(db: Db, scope: Scope, today: string, ids = scopeIds(db, scope)): Plan {
  const config = loadRuleConfig(db);
  const { env, holders } = buildEnv(db, config, scope, today);
  return { env, holders, rules: RULES.filter((r) => config.enabled[r.code] && r.scope === undefined), ids };
}

/**
 * One pass over the given communities (ids in order, a part of plan.ids) and their active
 * officers; nothing is written. `everyOfficer` checks each officer one by one, without the
 * short cut of typical.ts: the tests hold both ways equal.
 */
export function checkCommunities(db: Db, plan: Plan, ids: number[], t: Translate, everyOfficer = false): { checked: Checked[]; officers: number } {
  const { rules, env } = plan;
  const checked: Checked[] = [];
  let officers = 0;
  const options = { cutoff: ageCutoff(env.today, env.config.ageMin), holders: everyOfficer ? null : plan.holders };
  for (const p of pagedCommunities(db, ids, options)) {
    officers += p.roles.length;
    checked.push(checkCommunity(rules, p.community, p.roles, p.officers, env, t));
  }
  return { checked, officers };
}
