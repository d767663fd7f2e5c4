import { audit } from '../../db/audit.js';
import { updateWithHistory } from '../../db/changes.js';
import { prepared, type Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { provinceOf, refuseMerged } from '../province/scope.js';
import { getSetting } from '../settings/registry.js';
import { Allocator } from './allocator.js';
import { communitiesById, SKIP, unnumberedCommunities, whyNotEligible, type NumberingCandidate } from './eligibility.js';
import { missingTokens, parseTemplate } from './template.js';
import { inWriteTransaction } from './transaction.js';
import { tokenValues } from './values.js';

export interface CommunityName {
  id: number;
  name: string;
}

export interface AssignedNumber {
  community: CommunityName;
  number: string;
}

export interface SkippedCommunity {
  community: CommunityName;
  rules: string[];
  /** Named on the command line: being skipped is then a problem to report (exit 1). */
  named: boolean;
  /** For NUM-OVERFLOW: the full sequence scope and the largest sequence the template can write. */
  scope?: string;
  max?: number;
  /** For a missing region code: the template tokens that had no value. */
  missingTokens?: string[];
}

export interface NumberingResult {
  template: string;
  dryRun: boolean;
  assigned: AssignedNumber[];
  skipped: SkippedCommunity[];
  /** Named communities that already have a number: nothing to do. */
  alreadyNumbered: (CommunityName & { number: string })[];
}

export interface NumberingRequest {
  /** Only these communities (named by the clerk); otherwise every unnumbered, active one. */
  communityIds?: number[];
  today: string;
  operator: string;
  dryRun?: boolean;
  /** Runs validation afresh for these communities, storing compliant and findings. */
  validate(communityIds: number[]): void;
}

/**
 * Gives numbers to the communities that are eligible. Validation, the sequence counters and every
 * assignment happen in one write transaction taken up front, so concurrent kim processes queue
 * instead of racing, and each sees the numbers the one before it gave. A dry run goes through the
 * very same steps and then rolls back.
 */
export function assignNumbers(db: Db, request: NumberingRequest): NumberingResult {
  return inWriteTransaction(db, request.dryRun === true, () => {
    const template = parseTemplate(getSetting<string>(db, 'numbering.template'));
    const named = request.communityIds !== undefined;
    // The province never numbers: a merged KIM has its office's number, or gets one there.
    for (const id of request.communityIds ?? []) refuseMerged(db, id);
    const province = provinceOf(db);
    if (!named && province) throw usageError('province.noNumbering', { province: province.name });
    const targets = named ? communitiesById(db, request.communityIds!) : unnumberedCommunities(db);
    const toValidate = targets.filter((c) => c.number === null && c.ended_at === null).map((c) => c.id);
    if (toValidate.length > 0) request.validate(toValidate);

    const result: NumberingResult = { template: template.source, dryRun: request.dryRun === true, assigned: [], skipped: [], alreadyNumbered: [] };
    const allocator = new Allocator(db);
    const now = new Date().toISOString();
    for (const target of targets) {
      // Validation may have touched the row: read it again.
      const c = communitiesById(db, [target.id])[0]!;
      const community = { id: c.id, name: c.name };
      if (c.number !== null) {
        result.alreadyNumbered.push({ ...community, number: c.number });
        continue;
      }
      const rules = whyNotEligible(db, c, named);
      if (rules.length > 0) {
        result.skipped.push({ community, rules, named });
        continue;
      }
      const values = tokenValues(c, request.today);
      const missing = missingTokens(template, values);
      if (missing.length > 0) {
        result.skipped.push({ community, rules: [SKIP.REGION], named, missingTokens: missing });
        continue;
      }
      const allocation = allocator.next(template, values);
      if (!allocation.ok) {
        result.skipped.push({ community, rules: [SKIP.OVERFLOW], named, scope: allocation.scope, max: allocation.max });
        continue;
      }
      recordAssignment(db, c, allocation.number, { operator: request.operator, now, scope: allocation.scope, seq: allocation.seq });
      result.assigned.push({ community, number: allocation.number });
    }
    return result;
  });
}

function recordAssignment(
  db: Db,
  c: NumberingCandidate,
  number: string,
  at: { operator: string; now: string; scope: string; seq: number },
): void {
  prepared(
    db,
    `INSERT INTO numbers (number, community_id, source, batch_id, assigned_at, operator) VALUES (?, ?, 'assigned', NULL, ?, ?)`,
  ).run(number, c.id, at.now, at.operator);
  const auditId = audit(db, {
    operator: at.operator,
    action: 'number.assign',
    entity: 'community',
    entityId: c.id,
    details: { number, scope: at.scope, seq: at.seq },
  });
  // The number was given on a validation made moments ago in this transaction, and a number is no
  // input to any rule: the result stays current, so reports need not check this KIM again.
  updateWithHistory(db, { auditId }, 'community', c.id, { number, updated_at: at.now, validated_at: at.now });
}
