import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usageError } from '../../errors.js';
import { CsvReader, DELIMITER_SAMPLE_CHARS, detectDelimiter, type CsvEvent } from './csv.js';
import { chooseEncoding, hasInvalidBytes, makeDecoder, REPLACEMENT_CHARACTER, scanFile, type Encoding, type ENCODINGS, type FileScan } from './encoding.js';
import type { ColumnTarget, RosterRecord } from './fields.js';
import { HEADER_SEARCH_ROWS, isHeader, matchHeader, missingRequired, type HeaderMatch } from './headers.js';
import { buildRecord, type Layout, type Rejection } from './record.js';

export interface ReadOptions {
  encoding: (typeof ENCODINGS)[number];
  delimiter: string;
  map: Map<string, ColumnTarget>;
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
  headerRow: number;
  header: string[];
  unknownColumns: string[];
  duplicateColumns: string[];
  /** Rows after the header (blank ones included), as a spreadsheet counts them. */
  rows: number;
}

export type RosterSink = {
  /** The header is known: everything about the file is settled before the first row. */
  begin(file: RosterFile): void;
  row(row: number, record: RosterRecord, cells: string[]): void;
  reject(rejection: Rejection): void;
};

const DELIMITERS: Record<string, string> = { auto: 'auto', ',': ',', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|', comma: ',', semicolon: ';', pipe: '|' };

/**
 * The first character after ASCII white space, lower-cased, when it is ASCII; -1 otherwise (none,
 * or one that trim() or toLowerCase() may treat in ways only the full comparison knows).
 */
function firstLetter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c >= 128) return -1;
    return c >= 65 && c <= 90 ? c + 32 : c;
  }
  return -1;
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
 * Reads one roster file as a stream: scan (checksum, encoding), decode, split into rows, find the
 * header, and hand each row to the sink as it comes, so memory does not grow with the file.
 * Throws a usage error (exit 2) before the first row when the file is not a CSV roster.
 */
export async function readRoster(file: string, options: ReadOptions, sink: RosterSink): Promise<RosterFile> {
  const { name, scan, encoding } = await inspectFile(file, options.encoding);
  const decoder = makeDecoder(encoding);
  const invalidBytes = hasInvalidBytes(encoding, scan);

  let delimiter = options.delimiter === 'auto' ? '' : options.delimiter;
  let csv: CsvReader | undefined;
  let pending = '';
  let info: RosterFile | undefined;
  let layout: Layout | undefined;
  let nonBlankBefore = 0;

  const settleHeader = (events: CsvEvent[], final: boolean) => {
    for (const e of events) {
      if (layout) {
        deliver(e);
        continue;
      }
      if (e.kind !== 'record' || e.cells.every((c) => c.trim() === '')) continue;
      nonBlankBefore++;
      const match = matchHeader(e.cells, options.map);
      if (isHeader(match)) {
        useHeader(e.row, e.cells, match);
      } else if (nonBlankBefore >= HEADER_SEARCH_ROWS) {
        throw usageError('import.noHeader', { file: name });
      }
    }
    if (final && !layout) {
      if (nonBlankBefore === 0) throw usageError('import.empty', { file: name });
      throw usageError('import.noHeader', { file: name });
    }
  };

  const useHeader = (row: number, cells: string[], match: HeaderMatch) => {
    const missing = missingRequired(match);
    if (missing.length) throw usageError('import.missingColumns', { file: name, fields: missing.join(', ') });
    let required = 0;
    cells.forEach((c, i) => {
      if (c.trim() !== '') required = i + 1;
    });
    layout = { targets: match.targets, width: cells.length, required };
    info = {
      path: file, bytes: scan.bytes, sha256: scan.sha256, encoding, bom: scan.bom !== null, delimiter, headerRow: row,
      header: cells.map((c) => c.trim()), unknownColumns: match.unknown, duplicateColumns: match.duplicates, rows: 0,
    };
    sink.begin(info);
  };

  /**
   * Files pasted one under another, or a sheet printed with its heading on every page, repeat the
   * header row: it is not a KIM called "Nama KIM". Checked on the first cell before the rest.
   */
  const isHeaderAgain = (cells: string[]) => {
    const header = info!.header;
    const first = cells[0];
    if (first === undefined) return false;
    // Most rows differ in their first (ASCII) letter: no string is made for them.
    const a = firstLetter(first);
    const b = firstLetter(header[0]!);
    if (a >= 0 && b >= 0 && a !== b) return false;
    if (first.trim().toLowerCase() !== header[0]!.toLowerCase()) return false;
    const width = Math.max(cells.length, header.length);
    for (let i = 1; i < width; i++) if ((cells[i] ?? '').trim().toLowerCase() !== (header[i] ?? '').toLowerCase()) return false;
    return true;
  };

  const deliver = (e: CsvEvent) => {
    info!.rows = e.row - info!.headerRow;
    if (e.kind === 'broken') {
      sink.reject({ row: e.row, column: null, code: e.reason, params: {}, cells: [e.raw] });
      return;
    }
    if (isHeaderAgain(e.cells)) return;
    // Bytes the file's encoding does not allow were decoded as U+FFFD: the row is rejected, not stored garbled.
    const bad = invalidBytes ? e.cells.findIndex((c) => c.includes(REPLACEMENT_CHARACTER)) : -1;
    if (bad >= 0) {
      const target = layout!.targets[bad];
      const column = target && target !== '_ignore' && target !== 'birth_place_date' ? target : null;
      sink.reject({ row: e.row, column, code: 'invalidCharacter', params: { heading: info!.header[bad] ?? String(bad + 1) }, cells: e.cells });
      return;
    }
    const built = buildRecord(e.row, e.cells, layout!);
    if (!built) return;
    if ('reject' in built) sink.reject(built.reject);
    else sink.row(e.row, built.record, e.cells);
  };

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
    const events: CsvEvent[] = [];
    const emit = (e: CsvEvent) => (layout ? deliver(e) : events.push(e));
    csv.push(text, emit);
    if (final) csv.end(emit);
    if (events.length || final) settleHeader(events, final);
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
  return info!;
}
