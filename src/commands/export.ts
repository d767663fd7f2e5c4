import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { audit } from '../db/audit.js';
import { writeTransaction } from '../db/connection.js';
import { usageError } from '../errors.js';
import type { ExportColumn, ExportKind } from '../core/reports/export-columns.js';
import { isProvincial } from '../core/province/scope.js';
import { exportSource, inReadSnapshot, type ExportSource } from '../core/reports/export-rows.js';
import { refreshValidation, revalidator } from '../core/reports/freshness.js';
import type { MessageKey, Translate } from '../ui/messages/index.js';
import type { Column } from '../ui/render/dataset.js';
import { fileSink, stdoutSink, type Sink } from '../ui/render/sink.js';
import { outWriteError, writeViaTemporary } from '../files.js';
import { writeCsvStream, writeJsonArrayStream } from '../ui/render/stream-writers.js';
import { writeXlsxStream, XLSX_MAX_ROWS } from '../ui/render/xlsx.js';
import { officeTitle } from './office-title.js';
import { withDb } from './open.js';

export function exportHeading(t: Translate, c: ExportColumn): string {
  return t(`export.col.${c.heading ?? c.key}` as MessageKey);
}

function xlsxColumns(t: Translate, columns: ExportColumn[]): Column[] {
  return columns.map((c) => {
    const header = exportHeading(t, c);
    return { key: c.key, header, numFmt: c.kind === 'int' ? '0' : undefined, width: Math.max(header.length + 2, c.kind === 'int' ? 8 : 18) };
  });
}

async function streamText(ctx: Context, source: ExportSource, format: 'csv' | 'json', excel: boolean): Promise<number> {
  let sink: Sink | undefined;
  try {
    sink = ctx.out ? fileSink(ctx.out) : stdoutSink(ctx.io.stdout);
    const count =
      format === 'json'
        ? await writeJsonArrayStream(sink, source.jsonChunks())
        : await writeCsvStream(
            sink,
            source.columns.map((c) => exportHeading(ctx.t, c)),
            { chunks: source.joinedChunks(), rawRange: (after, last) => source.rawRange(after, last) },
            { excel, parallel: true },
          );
    await sink.close();
    return count;
  } catch (cause) {
    sink?.abort();
    throw ctx.out ? outWriteError(ctx.out, cause) : cause;
  }
}

async function writeXlsxFile(ctx: Context, source: ExportSource, sheet: string, title: string): Promise<number> {
  const rows = source.count();
  // The title and the heading take two of Excel's rows.
  if (rows + 2 > XLSX_MAX_ROWS) throw usageError('export.tooBigForXlsx', { count: rows, max: XLSX_MAX_ROWS - 2 });
  return writeViaTemporary(ctx.out!, (tmp) => writeXlsxStream(tmp, { title, columns: xlsxColumns(ctx.t, source.columns) }, source.raw(), sheet));
}

/**
 * `kim export communities|officers`: every record with every stored field, streamed so that
 * memory stays flat at any size. CSV unless --format json or xlsx; NIKs masked unless
 * --include-nik, which is written to the audit log before a single NIK leaves the database.
 */
export async function run(ctx: Context, args: string[], opts: { includeNik?: boolean; excel?: boolean }): Promise<number> {
  requireFormat(ctx, ['table', 'csv', 'json', 'xlsx']);
  const kind = args[0] as ExportKind;
  // A terminal table of every field is of no use: an export without --format is CSV.
  const format = ctx.format === 'table' ? 'csv' : (ctx.format as 'csv' | 'json' | 'xlsx');
  if (opts.excel && format !== 'csv') throw usageError('export.excelIsCsv', { format });
  const includeNik = opts.includeNik === true && kind === 'officers';
  const count = await withDb(ctx, {}, async (db) => {
    if (includeNik) {
      writeTransaction(db, () =>
        audit(db, { operator: ctx.operator, action: 'export.nik', entity: 'export', details: { what: kind, format, excel: opts.excel === true, out: ctx.out ?? 'stdout' } }),
      );
    }
    // A community's `compliant` is judged on the current data, as in the reports.
    const revalidated = kind === 'communities' ? refreshValidation(db, revalidator(db, ctx)) : 0;
    if (revalidated > 0) ctx.notice(ctx.t('report.revalidated', { count: revalidated }));
    const source = exportSource(db, kind, { includeNik, provincial: isProvincial(db) });
    return inReadSnapshot(db, () =>
      format === 'xlsx'
        ? writeXlsxFile(ctx, source, kind, officeTitle(ctx, db, kind === 'officers' ? 'title.officers' : 'title.communities'))
        : streamText(ctx, source, format, opts.excel === true),
    );
  });
  if (includeNik) ctx.warn(ctx.t('export.nikWhole'));
  if (ctx.out) ctx.notice(ctx.t('export.written', { count, path: ctx.out }));
  return 0;
}
