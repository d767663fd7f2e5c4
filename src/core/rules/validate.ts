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
import { translator, type Lang, type Translate } from '../../ui/messages/index.js';
import { RULES } from './catalog.js';
import { checkCommunities, checkCommunity, officerFindings, planChecks, type Checked, type Finding, type Plan } from './check.js';
import { checkInWorker, firstHalf } from './parallel.js';
import { countCommunities, type Scope } from './scope.js';
import type { CommunityRecord, OfficerRecord, RuleCode } from './types.js';

export type { Finding } from './check.js';

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

function plan(db: Db, options: ValidationOptions): Plan {
  return planChecks(db, { communityIds: options.communityIds, districtCode: options.districtCode }, options.today);
}

/** Replaces the communities' stored findings and results, and writes the audit entry. */
function store(db: Db, p: Plan, pass: { checked: Map<number, Checked>; officers: number }, options: ValidationOptions, t: Translate): ValidationRun {
  const { env, rules, communities } = p;
  // The pass leaves out what is only shown (name, birth date and sex as written); the few
  // flagged officers are read whole and checked again to word their findings.
  const shownColumns = db.prepare(`SELECT name, birth_date, gender FROM officers WHERE id = ?`);
  const findingsOf = (c: CommunityRecord): Finding[] => {
    // A community without active officers still gets its community-level and roster checks.
    const { findings, flagged } = pass.checked.get(c.id) ?? checkCommunity(rules, c, [], env, t);
    for (const light of flagged) {
      const o = { ...light, ...(shownColumns.get(light.id) as Pick<OfficerRecord, 'name' | 'birth_date' | 'gender'>) };
      findings.push(...officerFindings(rules, c, o, env, t));
    }
    return findings;
  };

  // Set-based where it can be: at 100,000 KIMs, a DELETE and an UPDATE per KIM cost more than
  // the statements for all of them.
  const validatedAt = new Date().toISOString();
  const ids = (list: { id: number }[]) => JSON.stringify(list.map((c) => c.id));
  db.prepare(`DELETE FROM findings WHERE community_id IN (SELECT value FROM json_each(?))`).run(ids(communities));
  const insert = db.prepare(
    `INSERT INTO findings (community_id, officer_id, rule, severity, category, field, value, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const findings: Finding[] = [];
  const results: CommunityResult[] = [];
  for (const c of communities) {
    const list = findingsOf(c);
    for (const f of list) {
      insert.run(c.id, f.officer?.id ?? null, f.rule, f.severity, f.category, f.field, f.value, JSON.stringify(f.params));
      findings.push(f);
    }
    const errorRules = RULES.map((r) => r.code).filter((code) => list.some((f) => f.rule === code && f.severity === 'error'));
    results.push({ id: c.id, name: c.name, number: c.number, compliant: errorRules.length === 0, errorRules });
  }
  const mark = db.prepare(`UPDATE communities SET compliant = ?, validated_at = ? WHERE id IN (SELECT value FROM json_each(?))`);
  mark.run(1, validatedAt, ids(results.filter((r) => r.compliant)));
  mark.run(0, validatedAt, ids(results.filter((r) => !r.compliant)));
  const summary: ValidationSummary = {
    communities: communities.length,
    officers: pass.officers,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    compliant: results.filter((r) => r.compliant).length,
  };
  const scope: Scope = { communityIds: options.communityIds, districtCode: options.districtCode };
  audit(db, { operator: options.operator, action: 'validate', entity: 'database', details: { scope, ...summary } });
  return { summary, findings, communities: results };
}

export function runValidation(db: Db, options: ValidationOptions): ValidationRun {
  const t = options.t ?? translator('en');
  return writeTransaction(db, () => {
    const p = plan(db, options);
    return store(db, p, checkCommunities(db, p.rules, p.communities, p.env, t), options, t);
  });
}

/** Below this many communities a second thread costs more to start than it saves. */
const PARALLEL_MIN = 10_000;

/**
 * runValidation as `kim validate` runs it: for a large office, a second thread checks the first
 * half of the communities while this one checks the rest, and this one then stores it all in the
 * same transaction. The results are the same, in the same order; on two cores a million officers
 * take about half the time.
 */
export async function runValidationInParallel(db: Db, options: Omit<ValidationOptions, 't'> & { lang: Lang }): Promise<ValidationRun> {
  // One language for both halves: the second thread words its findings with translator(lang) too.
  const t = translator(options.lang);
  db.exec('BEGIN IMMEDIATE');
  let helper: ReturnType<typeof checkInWorker> | undefined;
  try {
    const scope: Scope = { communityIds: options.communityIds, districtCode: options.districtCode };
    if (countCommunities(db, scope) >= PARALLEL_MIN) {
      const busyTimeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
      helper = checkInWorker({ dbPath: db.name, busyTimeoutMs, scope, today: options.today, lang: options.lang });
    }
    const p = plan(db, options);
    let pass: { checked: Map<number, Checked>; officers: number };
    if (!helper) pass = checkCommunities(db, p.rules, p.communities, p.env, t);
    else {
      const mine = checkCommunities(db, p.rules, p.communities.slice(firstHalf(p.communities).length), p.env, t);
      const theirs = await helper.result.catch((e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
        // The thread's heap is capped; this one's is not, and checks that half itself.
        return checkCommunities(db, p.rules, firstHalf(p.communities), p.env, t);
      });
      // store() looks results up by KIM, so one map may take the other's entries.
      for (const [id, checked] of mine.checked) theirs.checked.set(id, checked);
      pass = { checked: theirs.checked, officers: theirs.officers + mine.officers };
    }
    const run = store(db, p, pass, options, t);
    db.exec('COMMIT');
    return run;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    await helper?.stop();
  }
}
