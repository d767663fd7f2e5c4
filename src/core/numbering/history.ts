import type { Db } from '../../db/connection.js';
import { maskNiksInText } from '../ids/mask.js';

/** One number a community has held, for `kim show`. */
export interface NumberHistoryRow {
  number: string;
  /** 'assigned' by kim, or 'imported' from an office's earlier spreadsheet. */
  source: 'assigned' | 'imported';
  /** ISO timestamp (UTC). */
  assignedAt: string;
  operator: string;
  revokedAt: string | null;
  revokedBy: string | null;
  reason: string | null;
}

/**
 * Every number the community has held, oldest first, with any withdrawal. A reason typed before
 * kim masked reasons as they were stored is masked here.
 */
export function numberHistory(db: Db, communityId: number): NumberHistoryRow[] {
  const rows = db
    .prepare(
      `SELECT number, source, assigned_at AS assignedAt, operator, revoked_at AS revokedAt, revoked_by AS revokedBy, reason
         FROM numbers WHERE community_id = ? ORDER BY assigned_at, number`,
    )
    .all(communityId) as NumberHistoryRow[];
  return rows.map((r) => (r.reason === null ? r : { ...r, reason: maskNiksInText(r.reason) }));
}
