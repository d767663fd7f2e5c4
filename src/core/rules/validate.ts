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
import { checkCommunities, planChecks, type Checked, type Finding, type Plan } from './check.js';
import { checkInWorker, halves } from './parallel.js';
import { scopeIds, type Scope } from './scope.js';
import type { RuleCode } from './types.js';

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

function scopeOf(options: Scope): Scope {
  return { communityIds: options.communityIds, districtCode: options.districtCode };
}

function rulesWithErrors(findings: Finding[]): RuleCode[] {
  const errors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule));
  return RULES.map((r) => r.code).filter((code) => errors.has(code));
}

/** Replaces the communities' stored findings and results, and writes the audit entry. */
function store(db: Db, p: Plan, pass: { checked: Checked[]; officers: number }, options: ValidationOptions): ValidationRun {
  // Set-based where it can be: at 100,000 KIMs, a DELETE and an UPDATE per KIM cost more than
  // the statements for all of them.
  const validatedAt = new Date().toISOString();
  db.prepare(`DELETE FROM findings WHERE community_id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(p.ids));
  const insert = db.prepare(
    `INSERT INTO findings (community_id, officer_id, rule, severity, category, field, value, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const findings: Finding[] = [];
  const results: CommunityResult[] = [];
  const failed: number[] = [];
  for (const c of pass.checked) {
    for (const f of c.findings) {
      insert.run(c.id, f.officer?.id ?? null, f.rule, f.severity, f.category, f.field, f.value, JSON.stringify(f.params));
      findings.push(f);
    }
    const errorRules = c.findings.length === 0 ? [] : rulesWithErrors(c.findings);
    if (errorRules.length) failed.push(c.id);
    results.push({ id: c.id, name: c.name, number: c.number, compliant: errorRules.length === 0, errorRules });
  }
  db.prepare(`UPDATE communities SET compliant = id NOT IN (SELECT value FROM json_each(@failed)), validated_at = @at WHERE id IN (SELECT value FROM json_each(@ids))`).run({
    failed: JSON.stringify(failed),
    at: validatedAt,
    ids: JSON.stringify(p.ids),
  });
  const summary: ValidationSummary = {
    communities: results.length,
    officers: pass.officers,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    compliant: results.length - failed.length,
  };
  audit(db, { operator: options.operator, action: 'validate', entity: 'database', details: { scope: scopeOf(options), ...summary } });
  return { summary, findings, communities: results };
}

export function runValidation(db: Db, options: ValidationOptions): ValidationRun {
  const t = options.t ?? translator('en');
  return writeTransaction(db, () => {
    const p = planChecks(db, scopeOf(options), options.today);
    return store(db, p, checkCommunities(db, p, p.ids, t), options);
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
    const scope = scopeOf(options);
    const ids = scopeIds(db, scope);
    const [theirIds, myIds] = halves(ids);
    if (ids.length >= PARALLEL_MIN) {
      // Started first: the thread plans its half (the duplicate NIKs) while this one plans the other.
      const busyTimeoutMs = db.pragma('busy_timeout', { simple: true }) as number;
      helper = checkInWorker({ dbPath: db.name, busyTimeoutMs, scope, ids: theirIds, today: options.today, lang: options.lang });
    }
    const p = planChecks(db, scope, options.today, ids);
    let pass: { checked: Checked[]; officers: number };
    if (!helper) pass = checkCommunities(db, p, p.ids, t);
    else {
      const mine = checkCommunities(db, p, myIds, t);
      const theirs = await helper.result.catch((e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
        // The thread's heap is capped; this one's is not, and checks that half itself.
        return checkCommunities(db, p, theirIds, t);
      });
      // Their half comes first in id order.
      pass = { checked: theirs.checked.concat(mine.checked), officers: theirs.officers + mine.officers };
    }
    const run = store(db, p, pass, options);
    db.exec('COMMIT');
    return run;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    await helper?.stop();
  }
}
