import { writeTransaction, type Db } from '../../db/connection.js';
import { audit } from '../../db/audit.js';
import { COMMUNITY_COLUMNS, OFFICER_COLUMNS, setColumns } from '../../db/changes.js';
import { usageError } from '../../errors.js';
import { communitiesWithNiks, markOutdated } from '../reports/freshness.js';
import { refuseIfLaterWorkLost, TOUCHED_COMMUNITIES, TOUCHED_OFFICERS } from './undo-check.js';

export interface BatchRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  operator: string;
  files: string;
  options: string;
  counts: string;
  last_change: number;
  undone_at: string | null;
  undone_by: string | null;
  /** import, or merge (a provincial database's kim merge: core/province/undo.ts reverts it). */
  kind: 'import' | 'merge';
}

export interface UndoResult {
  batch: number;
  communities: number;
  officers: number;
  restored: number;
}

export function getBatch(db: Db, id: number): BatchRow {
  const batch = db.prepare(`SELECT * FROM batches WHERE id = ? AND finished_at IS NOT NULL`).get(id) as BatchRow | undefined;
  if (!batch) throw usageError('undo.noBatch', { batch: id });
  if (batch.undone_at) throw usageError('undo.already', { batch: id, when: batch.undone_at });
  return batch;
}

/** Officers this batch created or changed. */

/** Refuses, naming what blocks and how to unblock it, when undo would lose anything done later. */
function refuseIfTouchedLater(db: Db, batch: BatchRow): void {
  refuseIfLaterWorkLost(db, batch);
  // Officers added later to a community this batch created would lose their community.
  const adopted = db
    .prepare(
      `SELECT o.created_batch FROM officers o JOIN communities c ON c.id = o.community_id
       WHERE c.created_batch = @batch AND (o.created_batch IS NULL OR o.created_batch <> @batch) LIMIT 1`,
    )
    .get({ batch: batch.id }) as { created_batch: number | null } | undefined;
  if (adopted?.created_batch) throw usageError('undo.laterBatch', { batch: batch.id, later: adopted.created_batch });
}

/**
 * Reverts one import completely, in one transaction: values it changed are restored from their
 * before-images (newest first), rows it created are removed, numbers it reserved are released.
 */
export function undoBatch(db: Db, batchId: number, operator: string): UndoResult {
  return writeTransaction(db, () => {
    const batch = getBatch(db, batchId);
    refuseIfTouchedLater(db, batch);
    // The results stored for what the undo touches no longer hold, and the timestamps it puts back
    // would hide that: the KIMs of the officers it restores or removes, those it restores, and
    // those whose ADM-DUP-NIK finding the NIKs it takes away or puts back change.
    const touchedNiks = db.prepare(`SELECT DISTINCT nik_key FROM officers WHERE nik_key IS NOT NULL AND id IN (${TOUCHED_OFFICERS})`).pluck();
    const niks = new Set(touchedNiks.all({ batch: batchId }) as string[]);
    const outdated = new Set(
      db
        .prepare(TOUCHED_COMMUNITIES)
        .pluck()
        .all({ batch: batchId }) as number[],
    );
    const changes = db.prepare(`SELECT id, entity, entity_id, before FROM changes WHERE batch_id = ? ORDER BY id DESC`).all(batchId) as {
      id: number;
      entity: 'community' | 'officer';
      entity_id: number;
      before: string;
    }[];
    for (const change of changes) {
      const before = JSON.parse(change.before) as Record<string, unknown>;
      const allowed = change.entity === 'community' ? COMMUNITY_COLUMNS : OFFICER_COLUMNS;
      const columns = Object.keys(before).filter((c) => allowed.has(c));
      if (columns.length > 0) setColumns(db, change.entity, change.entity_id, pick(before, columns));
    }
    const restored = new Set(changes.map((c) => `${c.entity}:${c.entity_id}`)).size;
    for (const nik of touchedNiks.all({ batch: batchId }) as string[]) niks.add(nik);
    for (const id of communitiesWithNiks(db, niks)) outdated.add(id);
    db.prepare(`DELETE FROM changes WHERE batch_id = ?`).run(batchId);
    db.prepare(`DELETE FROM numbers WHERE batch_id = ? AND source = 'imported'`).run(batchId);
    // A number given and withdrawn since stays spent (never given again), with no KIM to point to.
    db.prepare(`UPDATE numbers SET community_id = NULL WHERE community_id IN (SELECT id FROM communities WHERE created_batch = ?)`).run(batchId);
    db.prepare(`DELETE FROM findings WHERE officer_id IN (SELECT id FROM officers WHERE created_batch = ?)`).run(batchId);
    const officers = db.prepare(`DELETE FROM officers WHERE created_batch = ?`).run(batchId).changes;
    db.prepare(`DELETE FROM findings WHERE community_id IN (SELECT id FROM communities WHERE created_batch = ?)`).run(batchId);
    const communities = db.prepare(`DELETE FROM communities WHERE created_batch = ?`).run(batchId).changes;
    markOutdated(db, outdated);
    const now = new Date().toISOString();
    db.prepare(`UPDATE batches SET undone_at = ?, undone_by = ? WHERE id = ?`).run(now, operator, batchId);
    const result = { batch: batchId, communities, officers, restored };
    audit(db, { operator, action: 'undo', entity: 'batch', entityId: batchId, details: result });
    return result;
  });
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = o[k];
  return out;
}
