import type { Db } from '../../db/connection.js';
import { runValidation } from '../rules/validate.js';
import { environmentError } from '../../errors.js';

/**
 * Stored validation results go stale when a community or one of its officers changes after the
 * community was last validated. Reports judge compliance "by the rules on the current data", so
 * they re-validate exactly those communities first instead of trusting an old result. A KIM
 * merged into a provincial database is never validated there: its results are its office's.
 */
const OUTDATED = `c.office IS NULL AND (c.validated_at IS NULL OR c.validated_at < c.updated_at
     OR EXISTS (SELECT 1 FROM officers o WHERE o.community_id = c.id AND o.updated_at > c.validated_at))`;
const OUTDATED_SQL = `SELECT c.id FROM communities c WHERE ${OUTDATED} ORDER BY c.id`;
const OUTDATED_ONE_SQL = `SELECT c.id FROM communities c WHERE c.id = ? AND ${OUTDATED}`;

/**
 * Marks the stored results of these communities outdated, in the caller's transaction, for a
 * change their timestamps do not show (an undo puts the old ones back; a setting of the rules
 * changes no community): the next reader validates them again before counting them.
 */
export function markOutdated(db: Db, communityIds: Iterable<number> | 'all'): void {
  if (communityIds === 'all') {
    db.prepare(`UPDATE communities SET validated_at = NULL, compliant = NULL WHERE validated_at IS NOT NULL`).run();
    return;
  }
  db.prepare(`UPDATE communities SET validated_at = NULL, compliant = NULL WHERE id IN (SELECT value FROM json_each(?))`).run(JSON.stringify([...communityIds]));
}

/**
 * The communities with an officer holding one of these NIKs (keys): a NIK that comes or goes in
 * one KIM changes another's ADM-DUP-NIK finding.
 */
export function communitiesWithNiks(db: Db, nikKeys: Iterable<string>): number[] {
  return db
    .prepare(`SELECT DISTINCT community_id FROM officers WHERE nik_key IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify([...nikKeys])) as number[];
}

/** Re-validates the given communities and stores their results (the rules engine's job). */
export type Revalidate = (communityIds: number[]) => void;

/** Ids of communities whose stored validation is missing or older than their data. */
export function outdatedCommunityIds(db: Db, onlyId?: number): number[] {
  if (onlyId !== undefined) return (db.prepare(OUTDATED_ONE_SQL).pluck().all(onlyId) as number[]);
  return db.prepare(OUTDATED_SQL).pluck().all() as number[];
}

/** Brings stored results up to date; returns how many communities were validated again. */
export function refreshValidation(db: Db, revalidate: Revalidate | undefined, onlyId?: number): number {
  if (!revalidate) return 0;
  const ids = outdatedCommunityIds(db, onlyId);
  if (ids.length > 0) revalidate(ids);
  return ids.length;
}

/**
 * The rules engine as reports call it: validate these communities now and store the results.
 * Storing needs the write lock: like `kim validate`, a report waits for another kim's write (up to
 * KIM_BUSY_TIMEOUT), and when the wait runs out it stops (exit 3) rather than show results older
 * than the data as if they were current.
 */
export function revalidator(db: Db, who: { today: string; operator: string }): Revalidate {
  return (communityIds) => {
    try {
      runValidation(db, { communityIds, today: who.today, operator: who.operator });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
        throw environmentError('report.refreshBusy', { count: communityIds.length, path: db.name }, error);
      }
      throw error;
    }
  };
}
