import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { usageError } from '../errors.js';
import type { ImportResult, RejectedRow } from '../core/import/run.js';
import { importInWorker } from '../core/import/in-worker.js';
import { getSetting } from '../core/settings/registry.js';
import { rememberedColumns } from '../core/settings/import.js';
import { busyTimeoutFromEnv } from '../db/connection.js';
import { rejectionReason, rejectsCsv } from '../core/import/rejects.js';
import { maskNiksInText } from '../core/ids/mask.js';
import { parseEncodingOption } from '../core/roster/encoding.js';
import { parseMapOptions } from '../core/roster/headers.js';
import type { ColumnTarget } from '../core/roster/fields.js';
import { parseDelimiterOption } from '../core/roster/reader.js';
import { renderJson, writeData } from '../ui/output.js';
import { requireWritableTarget, sameFile, writeFileAtomic } from '../files.js';
import { renderCsv } from '../ui/render/csv.js';
import { byteProgress } from '../ui/progress.js';
import { renderTable } from '../ui/render/table.js';
import type { Dataset } from '../ui/render/dataset.js';
import { changesNothing, conflictRows, importJson, layoutLines } from '../ui/render/import-view.js';
import { withDb } from './open.js';

interface ImportOpts {
  dryRun?: boolean;
  strict?: boolean;
  replaceRosters?: boolean;
  preferFile?: boolean;
  encoding?: string;
  delimiter?: string;
  map?: string[];
  rejects?: string;
}

export async function run(ctx: Context, files: string[], opts: ImportOpts): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv']);
  const options = {
    files: files.map((f) => path.resolve(ctx.io.cwd, f)),
    dryRun: opts.dryRun === true,
    strict: opts.strict === true,
    replaceRosters: opts.replaceRosters === true,
    preferFile: opts.preferFile === true,
    encoding: parseEncodingOption(opts.encoding),
    delimiter: parseDelimiterOption(opts.delimiter),
    maps: { map: parseMapOptions(opts.map), remembered: new Map<string, ColumnTarget>() },
    operator: ctx.operator,
    today: ctx.today,
    endReason: ctx.t('import.endReason', { batch: '{batch}' }),
  };
  // Checked before the batch is written: a rejects file that cannot be written must not turn a
  // saved batch into a reported failure.
  const rejectsTarget = opts.rejects ? path.resolve(ctx.io.cwd, opts.rejects) : undefined;
  if (rejectsTarget) {
    requireWritableTarget(rejectsTarget, ctx.dbPath);
    // The rejected rows of a roster written over that roster would be all that is left of it.
    const roster = options.files.find((f) => sameFile(path.resolve(ctx.io.cwd, f), rejectsTarget));
    if (roster) throw usageError('import.rejectsOntoRoster', { path: opts.rejects!, roster });
  }
  const progress = await byteProgress(ctx, Math.max(...options.files.map(fileSize)));
  // Open (and create or upgrade) the database here first: its errors then come from one place.
  // Headings the office mapped before apply too; --map on the command line wins.
  options.maps.remembered = await withDb(ctx, { create: true }, (db) => rememberedColumns(getSetting(db, 'import.columns')));
  let result: ImportResult;
  try {
    result = await importInWorker({
      ...options,
      dbPath: ctx.dbPath,
      busyTimeoutMs: busyTimeoutFromEnv(ctx.io.env),
      onFileStart: (i, bytes) => progress.start(bytes, path.basename(files[i]!)),
      onBytes: (_i, b) => progress.update(b),
    });
  } finally {
    progress.stop();
  }
  // Paths as the user typed them: scripts compare them with their own. A file named after a
  // person (a NIK) is masked like any NIK kim prints.
  result.files.forEach((f, i) => (f.given = maskNiksInText(files[i]!)));
  result.rejected.forEach((r) => (r.file = maskNiksInText(files[options.files.indexOf(r.file)] ?? r.file)));

  const reason = (r: RejectedRow) => rejectionReason(ctx.t, r);
  if (rejectsTarget && result.rejected.length > 0) {
    writeFileAtomic(rejectsTarget, rejectsCsv(result.rejected, ctx.t));
    ctx.notice(ctx.t('import.rejectsWritten', { count: result.rejected.length, path: opts.rejects }));
  }
  // A header and no row under it: a file with nothing to import, as an empty one is.
  if (result.noRows && result.rejected.length === 0) throw usageError('import.noRows', { files: result.files.map((f) => path.basename(f.given)).join(', ') });
  const refused = options.strict === true && result.rejected.length > 0;
  render(ctx, result, reason, { rejectsWritten: Boolean(opts.rejects), refused });
  // In every format: a script reading the JSON's "batch": null is told why on stderr.
  if (result.noRows && !result.dryRun && !refused) ctx.notice(ctx.t('import.nothingImported'));
  if (refused) {
    // With --rejects the rows are in that file already; otherwise the sentence says how to get them.
    throw opts.rejects
      ? usageError('import.strictRejectedWritten', { count: result.rejected.length, path: opts.rejects })
      : usageError('import.strictRejected', { count: result.rejected.length });
  }
  return result.rejected.length > 0 ? 1 : 0;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The rejected rows as a dataset: the table shows them, and --format csv prints them for scripts. */
function rejectedRows(ctx: Context, result: ImportResult, reason: (r: RejectedRow) => string): Dataset {
  const t = ctx.t;
  return {
    title: t('import.rejectedTitle'),
    columns: [
      { key: 'file', header: t('import.col.file') },
      { key: 'row', header: t('import.col.row'), align: 'right' },
      { key: 'column', header: t('import.col.column') },
      { key: 'reason', header: t('import.col.reason') },
    ],
    rows: result.rejected.map((r) => ({ file: ctx.format === 'csv' ? r.file : path.basename(r.file), row: r.row, column: r.column ?? '', reason: reason(r) })),
  };
}

/** refused: --strict found rejected rows, so the counts are what would have been imported. */
function render(ctx: Context, result: ImportResult, reason: (r: RejectedRow) => string, how: { rejectsWritten: boolean; refused: boolean }): void {
  const t = ctx.t;
  if (ctx.format === 'json') {
    writeData(ctx, renderJson(importJson(result, reason)));
    return;
  }
  if (ctx.format === 'csv') {
    writeData(ctx, renderCsv({ ...rejectedRows(ctx, result, reason), title: undefined }));
    return;
  }
  for (const f of result.files) {
    ctx.notice(t('import.fileLine', { file: f.given, rows: f.rows, encoding: f.encoding, delimiter: f.delimiter === '\t' ? 'tab' : f.delimiter }));
  }
  const layout = layoutLines(t, result);
  for (const line of layout.notice) ctx.notice(line);
  for (const line of layout.warn) ctx.warn(line);
  if (result.unknownColumns.length) ctx.warn(t('import.unknownColumns', { columns: result.unknownColumns.join(', ') }));
  if (result.duplicateColumns.length) ctx.warn(t('import.duplicateColumns', { columns: result.duplicateColumns.join(', ') }));
  if (!result.regencySet) ctx.warn(t('import.noRegency'));
  for (const s of result.seenBefore) ctx.notice(t(changesNothing(result) ? 'import.sameFileAgain' : 'import.sameFileAgainChanged', { file: s.file, batch: s.batch }));
  const plan: Dataset = {
    title: t(result.dryRun ? 'import.dryRunTitle' : how.refused ? 'import.refusedTitle' : 'import.summaryTitle'),
    columns: [
      { key: 'action', header: t('import.col.action') },
      { key: 'name', header: t('import.col.community') },
      { key: 'village', header: t('import.col.village') },
      { key: 'created', header: t('import.col.created'), align: 'right' },
      { key: 'updated', header: t('import.col.updated'), align: 'right' },
      { key: 'unchanged', header: t('import.col.unchanged'), align: 'right' },
      { key: 'ended', header: t('import.col.ended'), align: 'right' },
    ],
    rows: result.plan.map((p) => ({ action: t(`import.action.${p.action === 'created' ? 'create' : p.action === 'updated' ? 'update' : 'unchanged'}`), name: p.name, village: p.village, ...p.officers })),
  };
  const out: string[] = [];
  // A long plan helps nobody on screen; the totals say it.
  if (result.plan.length <= 50) out.push(renderTable(plan, ctx.color, { width: ctx.width }));
  const totals: Dataset = {
    columns: [
      { key: 'what', header: t('import.col.what') },
      { key: 'created', header: t('import.col.created'), align: 'right' },
      { key: 'updated', header: t('import.col.updated'), align: 'right' },
      { key: 'unchanged', header: t('import.col.unchanged'), align: 'right' },
      { key: 'ended', header: t('import.col.ended'), align: 'right' },
    ],
    rows: [
      { what: t('import.col.communities'), ...result.communities, ended: '' },
      { what: t('import.col.officers'), ...result.officers },
    ],
  };
  out.push(renderTable(totals, ctx.color, { width: ctx.width }));
  if (result.rejected.length) {
    const rejected = rejectedRows(ctx, result, reason);
    out.push(renderTable({ ...rejected, rows: rejected.rows.slice(0, 200) }, ctx.color, { width: ctx.width }));
  }
  for (const source of ['file', 'office'] as const) {
    const rows = conflictRows(t, result, source);
    if (rows.rows.length) out.push(renderTable(rows, ctx.color));
  }
  writeData(ctx, out.join('\n'));
  if (result.dryRun) ctx.notice(t('import.dryRunDone'));
  else if (result.batch !== null) ctx.notice(t('import.batchDone', { batch: result.batch }));
  // The hint names --rejects: no use when the clerk gave it (the file was announced above). After
  // a refusal nothing was imported, and the error that follows says what to do.
  if (result.rejected.length && !result.dryRun && !how.rejectsWritten && !how.refused) ctx.notice(t('import.rejectedHint', { count: result.rejected.length }));
  if (result.conflictCount > result.conflicts.length) ctx.notice(t('import.conflictsMore', { count: result.conflictCount, shown: result.conflicts.length }));
  const fromFile = result.conflicts.filter((c) => c.source === 'file').length;
  const fromOffice = result.conflicts.length - fromFile;
  if (fromFile) ctx.warn(t('import.conflictsHint', { count: fromFile }));
  if (fromOffice) ctx.warn(t(result.dryRun ? 'import.officeConflictsDryRun' : 'import.officeConflicts', { count: fromOffice }));
}
