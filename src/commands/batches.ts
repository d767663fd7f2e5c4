import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import type { BatchRow } from '../core/import/undo.js';
import type { Db } from '../db/connection.js';
import { maskNiksInText } from '../core/ids/mask.js';
import { isProvincial } from '../core/province/scope.js';
import { emit } from '../ui/output.js';
import { localDateTime } from '../ui/render/format.js';
import { withDb } from './open.js';

interface FileRecord {
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  encoding?: string;
  delimiter?: string;
  rows?: number;
  /** A merged office's file. */
  regency?: { code: string; name: string };
}

const mergeCounts = (c: Record<string, number>) => `${c.added}/${c.replaced}/${c.removed}`;

/** Every finished import or merge, oldest first, as `kim batches --format json` prints it. */
export function listBatches(db: Db) {
  const rows = db.prepare(`SELECT * FROM batches WHERE finished_at IS NOT NULL ORDER BY id`).all() as BatchRow[];
  return rows.map((b) => {
    // A merge counts added/replaced/removed/unchanged and rejects nothing (core/province/merge.ts).
    const counts = JSON.parse(b.counts) as { communities: Record<string, number>; officers: Record<string, number>; rejected?: number };
    return {
      id: b.id,
      kind: b.kind,
      startedAt: b.started_at,
      finishedAt: b.finished_at,
      operator: b.operator,
      // A file named after a person (a NIK) is masked like any NIK kim prints.
      files: (JSON.parse(b.files) as FileRecord[]).map((f) => ({ ...f, path: maskNiksInText(f.path), name: maskNiksInText(f.name) })),
      communities: counts.communities,
      officers: counts.officers,
      rejected: counts.rejected,
      undoneAt: b.undone_at,
      undoneBy: b.undone_by,
    };
  });
}

export async function run(ctx: Context): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md']);
  const { batches, provincial } = await withDb(ctx, {}, (db) => ({ batches: listBatches(db), provincial: isProvincial(db) }));
  const t = ctx.t;
  const local = (iso: string) => localDateTime(iso, ctx.lang);
  await emit(
    ctx,
    {
      title: t(provincial ? 'merge.batchesTitle' : 'batches.title'),
      columns: [
        { key: 'id', header: t('batches.col.id'), align: 'right' },
        { key: 'when', header: t('batches.col.when') },
        { key: 'operator', header: t('batches.col.operator') },
        { key: 'files', header: t('batches.col.files') },
        { key: 'communities', header: t(provincial ? 'merge.col.communities' : 'batches.col.communities') },
        { key: 'officers', header: t(provincial ? 'merge.col.officers' : 'batches.col.officers') },
        ...(provincial ? [] : [{ key: 'rejected', header: t('batches.col.rejected'), align: 'right' as const }]),
        { key: 'status', header: t('batches.col.status') },
      ],
      rows: batches.map((b) => ({
        id: b.id,
        when: local(b.startedAt),
        operator: b.operator,
        files: b.files.map((f) => (f.regency ? `${f.name} (${f.regency.name})` : f.name)).join(', '),
        communities: b.kind === 'merge' ? mergeCounts(b.communities) : `${b.communities.created}/${b.communities.updated}`,
        officers: b.kind === 'merge' ? mergeCounts(b.officers) : `${b.officers.created}/${b.officers.updated}/${b.officers.ended}`,
        rejected: b.rejected,
        status: b.undoneAt ? t('batches.undone', { when: local(b.undoneAt), who: b.undoneBy }) : '',
      })),
    },
    batches,
    { emptyText: t(provincial ? 'merge.none' : 'batches.none') },
  );
  return 0;
}
