import fs from 'node:fs';
import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { busyTimeoutFromEnv } from '../db/connection.js';
import { usageError } from '../errors.js';
import { mergeOffices, type MergeCounts, type MergeResult, type OfficeMerge } from '../core/province/merge.js';
import { snapshotFolder, takeSnapshot, type OfficeFile } from '../core/province/office-file.js';
import { provinceOf } from '../core/province/scope.js';
import type { Dataset } from '../ui/render/dataset.js';
import { emit } from '../ui/output.js';
import { localDateTime } from '../ui/render/format.js';
import { stepProgress } from '../ui/progress.js';
import { withDb } from './open.js';

/**
 * `kim merge <office.sqlite…>`: every file is read into a snapshot and checked first (any refusal
 * changes nothing), then each office's contribution is replaced in its own transaction, all in
 * one batch.
 */
export async function run(ctx: Context, args: string[]): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv', 'md']);
  const progress = await stepProgress(ctx);
  const folder = snapshotFolder();
  let result: MergeResult;
  try {
    result = await withDb(ctx, {}, async (db) => {
      const province = provinceOf(db);
      if (!province) throw usageError('merge.notProvince', { path: ctx.dbPath });
      const options = { cwd: ctx.io.cwd, folder, busyTimeoutMs: busyTimeoutFromEnv(ctx.io.env) };
      progress.start(args.length * 2, ctx.t('merge.progress'));
      const files: OfficeFile[] = [];
      for (const given of args) {
        progress.step(given);
        const file = await takeSnapshot(db, province, given, options);
        const twin = files.find((f) => f.regency.code === file.regency.code);
        if (twin) throw usageError('merge.sameRegency', { first: twin.given, second: given, regency: file.regency.name });
        files.push(file);
        progress.update(files.length);
      }
      return mergeOffices(db, files, ctx, (done) => {
        progress.update(files.length + done);
        if (done < files.length) progress.step(files[done]!.given);
      });
    });
  } finally {
    progress.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await render(ctx, result);
  return 0;
}

async function render(ctx: Context, result: MergeResult): Promise<void> {
  const { t } = ctx;
  const counts = (c: MergeCounts) => `${c.added}/${c.replaced}/${c.removed}`;
  const changed = result.offices.filter((o) => o.communities.added + o.communities.replaced + o.communities.removed + o.officers.added + o.officers.replaced + o.officers.removed > 0);
  const data: Dataset = {
    title: t('merge.title'),
    columns: [
      { key: 'regency', header: t('merge.col.regency') },
      { key: 'file', header: t('merge.col.file') },
      { key: 'communities', header: t('merge.col.communities'), align: 'right' },
      { key: 'officers', header: t('merge.col.officers'), align: 'right' },
      { key: 'validatedAt', header: t('merge.col.validatedAt') },
    ],
    rows: result.offices.map((o) => ({
      regency: `${o.regency.code} ${o.regency.name}`,
      file: o.file,
      communities: changed.includes(o) ? counts(o.communities) : t('merge.unchangedOffice'),
      officers: changed.includes(o) ? counts(o.officers) : t('merge.unchangedOffice'),
      validatedAt: o.validatedAt ? localDateTime(o.validatedAt, ctx.lang) : '-',
    })),
  };
  await emit(ctx, data, result);
  const held = (o: OfficeMerge) => o.communities.added + o.communities.replaced + o.communities.unchanged > 0;
  for (const o of result.offices) if (o.validatedAt === null && held(o)) ctx.warn(t('merge.notValidated', { regency: o.regency.name }));
  if (result.batch === null) ctx.notice(t('merge.nothing'));
  else ctx.notice(t('merge.done', { batch: result.batch, changed: changed.length, unchanged: result.offices.length - changed.length }));
}
