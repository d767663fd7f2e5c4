import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../../errors.js';
import { CsvReader, DELIMITER_SAMPLE_CHARS, detectDelimiter, type CsvEvent } from './csv.js';
import { chooseEncoding, hasInvalidBytes, makeDecoder, scanFile, type Encoding, type ENCODINGS, type FileScan } from './encoding.js';
import type { RosterRecord } from './fields.js';
import type { RuleNeed } from './coverage.js';
import type { ColumnMaps, ColumnMatch } from './headers.js';
import type { Rejection } from './record.js';
import type { SuspectColumn } from './value-check.js';
import { TableReader, type Skipped } from './table.js';

export interface ReadOptions {
  encoding: (typeof ENCODINGS)[number];
  delimiter: string;
  maps: ColumnMaps;
  /** Called with bytes read so far, for the progress bar. */
  onBytes?: (bytes: number) => void;
  /** Awaited after each chunk: lets a reader in another thread wait for its consumer. */
  pace?: () => Promise<void> | undefined;
}

export interface RosterFile {
  path: string;
  bytes: number;
  sha256: string;
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  /** The header's first row, as a spreadsheet numbers it. */
  headerRow: number;
  /** One row, or two when headings were merged over sub-headings. */
  headerRows: number[];
  header: string[];
  /** Each non-blank heading, the field it fed and how it was matched. */
  columns: ColumnMatch[];
  unknownColumns: string[];
  duplicateColumns: string[];
  /** Rows after the header (blank ones included), as a spreadsheet counts them. */
  rows: number;
  /** Rows neither imported nor rejected, by kind. */
  skipped: Skipped;
  /** Officer rows that took their KIM's cells from a row above (merged cells). */
  carried: number;
  /** Officer rows that took the member's role of the row above (a role cell merged over them). */
  rolesCarried: number;
  /** Cells that held an Excel error (#N/A, #REF!…), read as blank. */
  excelErrors: number;
  /** What the rules need that the file has no column for. */
  blind: RuleNeed[];
  /** Columns whose values look like another field than their heading says. */
  suspects: SuspectColumn[];
}

export type RosterSink = {
  /** The header is known: everything about the file's columns is settled before the first row. */
  begin(file: RosterFile): void;
  row(row: number, record: RosterRecord, cells: string[]): void;
  reject(rejection: Rejection): void;
};

const DELIMITERS: Record<string, string> = { auto: 'auto', ',': ',', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|', comma: ',', semicolon: ';', pipe: '|' };

/** Each heading once, as the report lists them (a header may repeat one heading thousands of times). */
function distinct(columns: (ColumnMatch | null)[]): ColumnMatch[] {
  const seen = new Set<ColumnMatch>();
  const out: ColumnMatch[] = [];
  for (const c of columns) {
    if (c === null || seen.has(c)) continue;
    seen.add(c);
    out.push(c);
  }
  return out;
}

export function parseDelimiterOption(text: string | undefined): string {
  const d = DELIMITERS[(text ?? 'auto').trim().toLowerCase()] ?? DELIMITERS[text ?? ''];
  if (!d) throw usageError('import.badDelimiter', { value: text ?? '' });
  return d;
}

/**
 * The checks every roster file passes before any row is read: it exists, is not empty, is text
 * (not an Excel workbook or other binary), and which encoding it is in. One pass over the bytes.
 */
export async function inspectFile(file: string, requested: (typeof ENCODINGS)[number]): Promise<{ name: string; scan: FileScan; encoding: Encoding }> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw usageError('import.noFile', { path: file });
  }
  if (!stat.isFile()) throw usageError('import.noFile', { path: file });
  const name = path.basename(file);
  const scan = await scanFile(file);
  if (scan.bytes === 0) throw usageError('import.empty', { file: name });
  if (scan.binary) throw usageError(scan.binary === 'xlsx' || scan.binary === 'xls' ? 'import.notCsvExcel' : 'import.notCsvBinary', { file: name });
  return { name, scan, encoding: chooseEncoding(requested, scan) };
}

/**
 * Reads one roster file as a stream: scan (checksum, encoding), decode, split into rows, read the
 * table (table.ts), and hand each row to the sink as it comes, so memory does not grow with the
 * file. Throws a usage error (exit 2) before the first row when the file is not a CSV roster.
 */
export async function readRoster(file: string, options: ReadOptions, sink: RosterSink): Promise<RosterFile> {
  const { name, scan, encoding } = await inspectFile(file, options.encoding);
  const decoder = makeDecoder(encoding);

  let delimiter = options.delimiter === 'auto' ? '' : options.delimiter;
  let csv: CsvReader | undefined;
  let pending = '';
  let info: RosterFile | undefined;
  let lastRow = 0;
  const table = new TableReader(name, options.maps, {
    header: (h) => {
      info = {
        path: file, bytes: scan.bytes, sha256: scan.sha256, encoding, bom: scan.bom !== null, delimiter, headerRow: h.rows[0]!, headerRows: h.rows,
        header: h.cells, columns: distinct(h.columns), unknownColumns: h.unknown, duplicateColumns: h.duplicates,
        rows: 0, skipped: table.skipped, carried: 0, rolesCarried: 0, excelErrors: 0, blind: h.blind, suspects: [],
      };
      sink.begin(info);
    },
    row: sink.row,
    reject: sink.reject,
  }, { requireNames: true, invalidBytes: hasInvalidBytes(encoding, scan) });

  const feed = (text: string, final: boolean) => {
    if (!csv) {
      pending += text;
      // The delimiter is chosen from whole first lines, not from a fragment of one.
      if (!final && pending.length < DELIMITER_SAMPLE_CHARS && !/\n[^\n]*\n[^\n]*\n/.test(pending)) return;
      if (!delimiter) delimiter = detectDelimiter(pending);
      csv = new CsvReader(delimiter);
      text = pending;
      pending = '';
    }
    const emit = (e: CsvEvent) => {
      lastRow = e.row;
      table.push(e);
    };
    csv.push(text, emit);
    if (final) {
      csv.end(emit);
      table.end();
    }
  };

  // The rows are read in a second pass over the file. A roster saved again in between (Excel
  // still writing it, a clerk pressing Save) would mix two versions under the first one's
  // checksum, so the pass that gives the rows is hashed too and must match the scan.
  const hash = createHash('sha256');
  let read = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    read += chunk.length;
    hash.update(chunk);
    feed(decoder.write(chunk), false);
    options.onBytes?.(read);
    await options.pace?.();
  }
  if (read !== scan.bytes || hash.digest('hex') !== scan.sha256) throw usageError('import.fileChanged', { file: name });
  feed(decoder.end(), true);
  info!.rows = Math.max(0, lastRow - info!.headerRows[info!.headerRows.length - 1]!);
  info!.carried = table.carried;
  info!.rolesCarried = table.rolesCarried;
  info!.excelErrors = table.excelErrors;
  info!.suspects = table.suspects();
  return info!;
}
