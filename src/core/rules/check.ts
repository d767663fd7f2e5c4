/**
 * The checking pass of a validation: every rule over the given communities and their active
 * officers, with nothing written. runValidation stores what it finds; a second thread may run
 * this pass over half of a large office (see parallel.ts).
 */
import type { Db } from '../../db/connection.js';
import type { Translate } from '../../ui/messages/index.js';
import { maskNik } from '../ids/mask.js';
import { RULES } from './catalog.js';
import { loadRuleConfig } from './config.js';
import { describeFinding } from './describe.js';
import { buildEnv, officerRows, selectCommunities, type Scope } from './scope.js';
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

/** One community's community-level and roster findings, and the officers some officer rule flags. */
export interface Checked {
  findings: Finding[];
  flagged: OfficerRecord[];
}

function toFinding(rule: Rule, hit: Hit, env: CheckEnv, c: CommunityRecord, o: OfficerRecord | null, t: Translate): Finding {
  const value = hit.field === 'nik' ? maskNik(hit.value) : hit.value;
  return {
    rule: rule.code,
    severity: hit.severity ?? env.config.severity[rule.code],
    category: rule.category,
    community: { id: c.id, name: c.name, number: c.number },
    officer: o ? { id: o.id, name: o.name, nik: maskNik(o.nik) } : null,
    field: hit.field,
    value,
    message: describeFinding(t, { rule: rule.code, params: hit.params }),
    params: hit.params,
  };
}

export function checkCommunity(rules: readonly Rule[], c: CommunityRecord, officers: OfficerRecord[], env: CheckEnv, t: Translate): Checked {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.community?.(c, env) ?? []) findings.push(toFinding(rule, hit, env, c, null, t));
    for (const hit of rule.roster?.(c, officers, env) ?? []) findings.push(toFinding(rule, hit, env, c, null, t));
  }
  const flagged = officers.filter((o) => rules.some((rule) => (rule.officer?.(o, c, env).length ?? 0) > 0));
  return { findings, flagged };
}

export function officerFindings(rules: readonly Rule[], c: CommunityRecord, o: OfficerRecord, env: CheckEnv, t: Translate): Finding[] {
  return rules.flatMap((rule) => (rule.officer?.(o, c, env) ?? []).map((hit) => toFinding(rule, hit, env, c, o, t)));
}

/** What a run checks, read inside its transaction before any check. */
export interface Plan {
  env: CheckEnv;
  rules: readonly Rule[];
  communities: CommunityRecord[];
}

export function planChecks(db: Db, scope: Scope, today: string): Plan {
  const config = loadRuleConfig(db);
  return { env: buildEnv(db, config, scope, today), rules: RULES.filter((r) => config.enabled[r.code]), communities: selectCommunities(db, scope) };
}

/** One pass over the communities' active officers, in community order; nothing is written. */
export function checkCommunities(
  db: Db,
  rules: readonly Rule[],
  communities: CommunityRecord[],
  env: CheckEnv,
  t: Translate,
): { checked: Map<number, Checked>; officers: number } {
  const byId = new Map(communities.map((c) => [c.id, c]));
  const checked = new Map<number, Checked>();
  let officers = 0;
  let current: CommunityRecord | undefined;
  let roster: OfficerRecord[] = [];
  const flush = () => {
    if (current) checked.set(current.id, checkCommunity(rules, current, roster, env, t));
    roster = [];
  };
  for (const o of officerRows(db, communities.map((c) => c.id))) {
    officers++;
    if (o.community_id !== current?.id) {
      flush();
      current = byId.get(o.community_id);
    }
    roster.push(o);
  }
  flush();
  return { checked, officers };
}
