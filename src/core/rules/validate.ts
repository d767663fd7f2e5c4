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
import { confirmSound } from '../../db/soundness.js';
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

/** What one part of a run found, already stored. */
interface Stored {
  findings: Finding[];
  results: CommunityResult[];
  /** Communities with an error-severity finding. */
  failed: number[];
  officers: number;
}

/** Replaces the stored findings and results of the communities a pass checked. */
function storePart(db: Db, pass: { checked: Checked[]; officers: number }, validatedAt: string): Stored {
  // Set-based where it can be: at 100,000 KIMs, a DELETE and an UPDATE per KIM cost more than
  // the statements for all of them.
  const ids = JSON.stringify(pass.checked.map((c) => c.id));
  db.prepare(`DELETE FROM findings WHERE community_id IN (SELECT value FROM json_each(?))`).run(ids);
  const insert = db.prepare(
    `INSERT INTO findings (community_id, officer_id, rule, severity, category, field, value, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stored: Stored = { findings: [], results: [], failed: [], officers: pass.officers };
  for (const c of pass.checked) {
    for (const f of c.findings) {
      insert.run(c.id, f.officer?.id ?? null, f.rule, f.severity, f.category, f.field, f.value, JSON.stringify(f.params));
      stored.findings.push(f);
    }
    const errorRules = c.findings.length === 0 ? [] : rulesWithErrors(c.findings);
    if (errorRules.length) stored.failed.push(c.id);
    stored.results.push({ id: c.id, name: c.name, number: c.number, compliant: errorRules.length === 0, errorRules });
  }
  db.prepare(
    `UPDATE communities SET compliant = id NOT IN (SELECT value FROM json_each(@failed)), validated_at = @at WHERE id IN (SELECT value FROM json_each(@ids))`,
  ).run({ failed: JSON.stringify(stored.failed), at: validatedAt, ids });
  return stored;
}

/** The run's summary and audit entry, from its parts in community order. */
function finish(db: Db, parts: Stored[], options: ValidationOptions): ValidationRun {
  const findings = parts.flatMap((part) => part.findings);
  const results = parts.flatMap((part) => part.results);
  const summary: ValidationSummary = {
    communities: results.length,
    officers: parts.reduce((sum, part) => sum + part.officers, 0),
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    compliant: results.filter((r) => r.compliant).length,
  };
  audit(db, { operator: options.operator, action: 'validate', entity: 'database', details: { scope: scopeOf(options), ...summary } });
  return { summary, findings, communities: results };
}

/** A run in this thread alone. The write lock is held: nothing changes between its start and its end. */
function checkAndStore(db: Db, p: Plan, options: ValidationOptions, t: Translate): ValidationRun {
  return finish(db, [storePart(db, checkCommunities(db, p, p.ids, t), new Date().toISOString())], options);
}

export function runValidation(db: Db, options: ValidationOptions): ValidationRun {
  const t = options.t ?? translator('en');
  return writeTransaction(db, () => {
    return checkAndStore(db, planChecks(db, scopeOf(options), options.today), options, t);
  });
}

/** Below this many communities a second thread costs more to start than it saves. */
const PARALLEL_MIN = 10_000;

/**
 * runValidation as `kim validate` runs it: for a large office, a second thread checks the first
 * half of the communities while this one checks the rest and writes what it found; this one then
 * writes the thread's half, all in one transaction. The results are the same, in the same order; on two cores a million officers
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
    let run: ValidationRun;
    if (!helper) {
      confirmSound(db);
      run = checkAndStore(db, p, options, t);
    } else {
      // Both halves carry one time: the run's, taken under the write lock.
      const at = new Date().toISOString();
      const checked = checkCommunities(db, p, myIds, t);
      // The file's check before the first write, made while the thread checks the rest of its
      // half: this thread ends its half first, so most of the check's time is not waited for.
      confirmSound(db);
      // This half is written while the thread may still be checking the other.
      const mine = storePart(db, checked, at);
      const theirs = await helper.result.catch((e: Error & { code?: string }) => {
        if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw e;
        // The thread's heap is capped; this one's is not, and checks that half itself.
        return checkCommunities(db, p, theirIds, t);
      });
      // Their half comes first in id order.
      run = finish(db, [storePart(db, theirs, at), mine], options);
    }
    db.exec('COMMIT');
    return run;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    await helper?.stop();
  }
}
