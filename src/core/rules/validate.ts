/**
 * Validation: checks communities against the rules and stores each one's latest result.
 *
 *   runValidation(db, { communityIds?, districtCode?, today, operator, t? }): ValidationRun
 *
 * Checks the named communities (even ended ones), or one district's, or every community not
 * ended; REPLACES their rows in the findings table and sets communities.compliant (1 when no
 * error-severity finding) and validated_at, all in one write transaction with one audit entry
 * ('validate'). Returns the summary, every finding (contract JSON fields plus `params`, which
 * re-render the message in any language; `message` is in `t`'s language, English without it),
 * and per community whether it is compliant and which rules made it not.
 */
import { audit } from '../../db/audit.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import { translator, type Translate } from '../../ui/messages/index.js';
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

export interface CommunityResult {
  id: number;
  name: string;
  number: string | null;
  compliant: boolean;
  /** The rules with an error-severity finding, in rule order. */
  errorRules: RuleCode[];
}

export interface ValidationSummary {
  communities: number;
  officers: number;
  errors: number;
  warnings: number;
  compliant: number;
}

export interface ValidationRun {
  summary: ValidationSummary;
  findings: Finding[];
  communities: CommunityResult[];
}

export interface ValidationOptions extends Scope {
  today: string;
  operator: string;
  t?: Translate;
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

/** One community's community-level and roster findings, and the officers some officer rule flags. */
interface Checked {
  findings: Finding[];
  flagged: OfficerRecord[];
}

function checkCommunity(rules: readonly Rule[], c: CommunityRecord, officers: OfficerRecord[], env: CheckEnv, t: Translate): Checked {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const hit of rule.community?.(c, env) ?? []) findings.push(toFinding(rule, hit, env, c, null, t));
    for (const hit of rule.roster?.(c, officers, env) ?? []) findings.push(toFinding(rule, hit, env, c, null, t));
  }
  const flagged = officers.filter((o) => rules.some((rule) => (rule.officer?.(o, c, env).length ?? 0) > 0));
  return { findings, flagged };
}

function officerFindings(rules: readonly Rule[], c: CommunityRecord, o: OfficerRecord, env: CheckEnv, t: Translate): Finding[] {
  return rules.flatMap((rule) => (rule.officer?.(o, c, env) ?? []).map((hit) => toFinding(rule, hit, env, c, o, t)));
}

export function runValidation(db: Db, options: ValidationOptions): ValidationRun {
  const t = options.t ?? translator('en');
  const scope: Scope = { communityIds: options.communityIds, districtCode: options.districtCode };
  return writeTransaction(db, () => {
    const config = loadRuleConfig(db);
    const env = buildEnv(db, config, scope, options.today);
    const rules = RULES.filter((r) => config.enabled[r.code]);
    const communities = selectCommunities(db, scope);
    const byId = new Map(communities.map((c) => [c.id, c]));
    const checked = new Map<number, Checked>();
    let officerCount = 0;

    // One pass over the officers, in community order; nothing is written while the cursor is open.
    let current: CommunityRecord | undefined;
    let roster: OfficerRecord[] = [];
    const flush = () => {
      if (current) checked.set(current.id, checkCommunity(rules, current, roster, env, t));
      roster = [];
    };
    for (const o of officerRows(db, communities.map((c) => c.id))) {
      officerCount++;
      if (o.community_id !== current?.id) {
        flush();
        current = byId.get(o.community_id);
      }
      roster.push(o);
    }
    flush();

    // The pass leaves out what is only shown (name, birth date and sex as written); the few
    // flagged officers are read whole and checked again to word their findings.
    const shownColumns = db.prepare(`SELECT name, birth_date, gender FROM officers WHERE id = ?`);
    const findingsOf = (c: CommunityRecord): Finding[] => {
      // A community without active officers still gets its community-level and roster checks.
      const { findings, flagged } = checked.get(c.id) ?? checkCommunity(rules, c, [], env, t);
      for (const light of flagged) {
        const o = { ...light, ...(shownColumns.get(light.id) as Pick<OfficerRecord, 'name' | 'birth_date' | 'gender'>) };
        findings.push(...officerFindings(rules, c, o, env, t));
      }
      return findings;
    };

    const validatedAt = new Date().toISOString();
    const deleteOld = db.prepare(`DELETE FROM findings WHERE community_id = ?`);
    const insert = db.prepare(
      `INSERT INTO findings (community_id, officer_id, rule, severity, category, field, value, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const mark = db.prepare(`UPDATE communities SET compliant = ?, validated_at = ? WHERE id = ?`);
    const findings: Finding[] = [];
    const results: CommunityResult[] = [];
    for (const c of communities) {
      const list = findingsOf(c);
      deleteOld.run(c.id);
      for (const f of list) {
        insert.run(c.id, f.officer?.id ?? null, f.rule, f.severity, f.category, f.field, f.value, JSON.stringify(f.params));
        findings.push(f);
      }
      const errorRules = RULES.map((r) => r.code).filter((code) => list.some((f) => f.rule === code && f.severity === 'error'));
      mark.run(errorRules.length === 0 ? 1 : 0, validatedAt, c.id);
      results.push({ id: c.id, name: c.name, number: c.number, compliant: errorRules.length === 0, errorRules });
    }
    const summary: ValidationSummary = {
      communities: communities.length,
      officers: officerCount,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      compliant: results.filter((r) => r.compliant).length,
    };
    audit(db, { operator: options.operator, action: 'validate', entity: 'database', details: { scope, ...summary } });
    return { summary, findings, communities: results };
  });
}
