import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import type { BatchRow } from '../core/import/undo.js';
import type { Db } from '../db/connection.js';
import type { Lang } from '../ui/messages/index.js';
import { maskNiksInText } from '../core/ids/mask.js';
import { emit } from '../ui/output.js';
import { withDb } from './open.js';

interface FileRecord {
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  rows: number;
}

/** Every finished import, oldest first, as `kim batches --format json` prints it. */
export function listBatches(db: Db) {
  const rows = db.prepare(`SELECT * FROM batches WHERE finished_at IS NOT NULL ORDER BY id`).all() as BatchRow[];
  return rows.map((b) => {
    const counts = JSON.parse(b.counts) as { communities: Record<string, number>; officers: Record<string, number>; rejected: number };
    return {
      id: b.id,
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

/** A moment as the clerk's locale writes it, to the minute. */
export function localTime(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

export async function run(ctx: Context): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md']);
  const batches = await withDb(ctx, {}, listBatches);
  const t = ctx.t;
  const local = (iso: string) => localTime(ctx.lang, iso);
  await emit(
    ctx,
    {
      title: t('batches.title'),
      columns: [
        { key: 'id', header: t('batches.col.id'), align: 'right' },
        { key: 'when', header: t('batches.col.when') },
        { key: 'operator', header: t('batches.col.operator') },
        { key: 'files', header: t('batches.col.files') },
        { key: 'communities', header: t('batches.col.communities') },
        { key: 'officers', header: t('batches.col.officers') },
        { key: 'rejected', header: t('batches.col.rejected'), align: 'right' },
        { key: 'status', header: t('batches.col.status') },
      ],
      rows: batches.map((b) => ({
        id: b.id,
        when: local(b.startedAt),
        operator: b.operator,
        files: b.files.map((f) => f.name).join(', '),
        communities: `${b.communities.created}/${b.communities.updated}`,
        officers: `${b.officers.created}/${b.officers.updated}/${b.officers.ended}`,
        rejected: b.rejected,
        status: b.undoneAt ? t('batches.undone', { when: local(b.undoneAt), who: b.undoneBy }) : '',
      })),
    },
    batches,
    { emptyText: t('batches.none') },
  );
  return 0;
}
