import type { Db } from '../../db/connection.js';
import { runValidation } from '../rules/validate.js';
import type { Translate } from '../../ui/messages/index.js';

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

/** How long a report waits to store fresh results while another kim holds the write lock. */
const REFRESH_WAIT_MS = 3000;

/**
 * The rules engine as reports call it: validate these communities now and store the results.
 * Storing needs the write lock; a report shown during a long import should not wait for it (or
 * fail after the full busy timeout), so after a short wait it goes on with the stored results
 * and says so.
 */
export function revalidator(db: Db, who: { today: string; operator: string; warn?: (text: string) => void; t?: Translate }): Revalidate {
  return (communityIds) => {
    const previous = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma(`busy_timeout = ${Math.min(previous, REFRESH_WAIT_MS)}`);
    try {
      runValidation(db, { communityIds, today: who.today, operator: who.operator });
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      if (who.warn && who.t) who.warn(who.t('report.refreshBusy', { count: communityIds.length }));
    } finally {
      db.pragma(`busy_timeout = ${previous}`);
    }
  };
}
