import { audit } from '../../db/audit.js';
import { updateWithHistory } from '../../db/changes.js';
import type { Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { maskNiksInText } from '../ids/mask.js';
import { refuseMerged } from '../province/scope.js';
import { inWriteTransaction } from './transaction.js';

export interface RevokeRequest {
  communityId: number;
  reason: string;
  operator: string;
  dryRun?: boolean;
}

export interface RevokedNumber {
  community: { id: number; name: string };
  number: string;
  reason: string;
}

/**
 * Withdraws a community's number. The `numbers` row stays, dated and with its reason, so the
 * number is never given again; the community is left without a number.
 */
export function revokeNumber(db: Db, request: RevokeRequest): RevokedNumber {
  // Stored and logged as free text: a NIK typed into it is masked first.
  const reason = maskNiksInText(request.reason.trim());
  if (!reason) throw usageError('number.revoke.needsReason');
  return inWriteTransaction(db, request.dryRun === true, () => {
    const c = db.prepare(`SELECT id, name, number FROM communities WHERE id = ?`).get(request.communityId) as
      | { id: number; name: string; number: string | null }
      | undefined;
    if (!c) throw usageError('community.notFound', { value: String(request.communityId) });
    refuseMerged(db, c.id);
    if (c.number === null) throw usageError('number.revoke.noNumber', { name: c.name, id: c.id });
    const now = new Date().toISOString();
    // A number set outside kim's own steps has no history row yet: give it one, so it stays reserved.
    db.prepare(
      `INSERT INTO numbers (number, community_id, source, assigned_at, operator) VALUES (?, ?, 'imported', ?, ?)
       ON CONFLICT (number) DO NOTHING`,
    ).run(c.number, c.id, now, request.operator);
    db.prepare(`UPDATE numbers SET revoked_at = ?, revoked_by = ?, reason = ? WHERE number = ?`).run(now, request.operator, reason, c.number);
    const auditId = audit(db, {
      operator: request.operator,
      action: 'number.revoke',
      entity: 'community',
      entityId: c.id,
      details: { number: c.number, reason },
    });
    updateWithHistory(db, { auditId }, 'community', c.id, { number: null, updated_at: now });
    return { community: { id: c.id, name: c.name }, number: c.number, reason };
  });
}
