import { audit } from '../../db/audit.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { getBatch, type UndoResult } from '../import/undo.js';
import { storeProvinceFindings } from './duplicates.js';
import { restoreRows } from './rows.js';

/** A later merge still in force that took in one of the same offices: undoing this one would undo part of it. */
const LATER_SQL = `
  SELECT later.id FROM batches later
  WHERE later.kind = 'merge' AND later.id > @batch AND later.undone_at IS NULL AND EXISTS (
    SELECT 1 FROM json_each(later.files) l, json_each((SELECT files FROM batches WHERE id = @batch)) b
    WHERE json_extract(l.value, '$.regency.code') = json_extract(b.value, '$.regency.code'))
  ORDER BY later.id LIMIT 1`;

// What the batch wrote: the KIMs and officers it added, and the KIMs whose results it replaced.
const WRITTEN_FINDINGS = `
  DELETE FROM findings WHERE community_id IN (SELECT id FROM communities WHERE created_batch = @batch)
    OR officer_id IN (SELECT id FROM officers WHERE created_batch = @batch)
    OR community_id IN (SELECT json_extract(row, '$.id') FROM merge_history WHERE batch_id = @batch AND entity = 'community')`;

/**
 * Reverts a merge in one transaction: what it added is removed, what it replaced or removed is put
 * back as it was (same ids), with the office's findings of that time; the province's own rule is
 * checked again. Refused, naming the later batch, while a later merge of one of its offices stands.
 */
export function undoMerge(db: Db, batchId: number, who: { operator: string; today: string }): UndoResult {
  return writeTransaction(db, () => {
    getBatch(db, batchId);
    const later = db.prepare(LATER_SQL).pluck().get({ batch: batchId }) as number | undefined;
    if (later !== undefined) throw usageError('undo.laterBatch', { batch: batchId, later });
    const p = { batch: batchId };
    // What the merge added goes first: a KIM it removed may come back under the same name. Foreign
    // keys are checked at COMMIT, once every restored officer points at its KIM again.
    db.pragma('defer_foreign_keys = ON');
    db.prepare(WRITTEN_FINDINGS).run(p);
    const officers = db.prepare(`DELETE FROM officers WHERE created_batch = @batch`).run(p).changes;
    const communities = db.prepare(`DELETE FROM communities WHERE created_batch = @batch`).run(p).changes;
    const restored = restoreRows(db, batchId, 'community') + restoreRows(db, batchId, 'officer');
    restoreRows(db, batchId, 'finding');
    db.prepare(`DELETE FROM merge_history WHERE batch_id = @batch`).run(p);
    db.prepare(`UPDATE batches SET undone_at = ?, undone_by = ? WHERE id = ?`).run(new Date().toISOString(), who.operator, batchId);
    const result = { batch: batchId, communities, officers, restored };
    audit(db, { operator: who.operator, action: 'undo', entity: 'batch', entityId: batchId, details: result });
    storeProvinceFindings(db, who.today);
    return result;
  });
}
