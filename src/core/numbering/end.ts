import { audit } from '../../db/audit.js';
import { updateWithHistory } from '../../db/changes.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { maskNiksInText } from '../ids/mask.js';
import { communitiesWithNiks, markOutdated } from '../reports/freshness.js';
import { refuseMerged } from '../province/scope.js';

export interface EndRequest {
  communityId: number;
  /** ISO date the KIM was dissolved or became inactive; not after today. */
  date: string;
  reason: string;
  operator: string;
  today: string;
}

export interface EndedCommunity {
  community: { id: number; name: string; number: string | null };
  endedAt: string;
  reason: string;
}

/**
 * Records that a KIM ended. The community and its number stay: the number remains in
 * communities.number and in `numbers`, so it is retired and never given to another KIM.
 */
export function endCommunity(db: Db, request: EndRequest): EndedCommunity {
  // Stored and logged as free text: a NIK typed into it is masked first.
  const reason = maskNiksInText(request.reason.trim());
  if (!reason) throw usageError('end.needsReason');
  if (request.date > request.today) throw usageError('end.futureDate', { date: request.date, today: request.today });
  return writeTransaction(db, () => {
    // Read inside the write lock: a second `kim end` running at the same time must see the first.
    const c = db.prepare(`SELECT id, name, number, ended_at FROM communities WHERE id = ?`).get(request.communityId) as
      | { id: number; name: string; number: string | null; ended_at: string | null }
      | undefined;
    if (!c) throw usageError('community.notFound', { value: String(request.communityId) });
    refuseMerged(db, c.id);
    if (c.ended_at) throw usageError('end.alreadyEnded', { name: c.name, id: c.id, date: c.ended_at });
    const auditId = audit(db, {
      operator: request.operator,
      action: 'community.end',
      entity: 'community',
      entityId: c.id,
      details: { date: request.date, reason, number: c.number },
    });
    updateWithHistory(db, { auditId }, 'community', c.id, { ended_at: request.date, end_reason: reason, updated_at: new Date().toISOString() }, 'end');
    // Its officers stop counting as another KIM's duplicates.
    const niks = db.prepare(`SELECT nik_key FROM officers WHERE community_id = ? AND nik_key IS NOT NULL`).pluck().all(c.id) as string[];
    markOutdated(db, communitiesWithNiks(db, niks));
    return { community: { id: c.id, name: c.name, number: c.number }, endedAt: request.date, reason };
  });
}
