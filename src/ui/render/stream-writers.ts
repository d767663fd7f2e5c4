import { BOM, csvDialect, csvField, csvLine, type CsvOptions } from './csv.js';
import { neutraliseFormula } from './formula.js';
import type { Sink } from './sink.js';

/** A run of records as one text, records separated by "\n" (see core/reports/export-rows). */
export interface TextChunk {
  text: string;
  after: number;
  last: number;
  count: number;
}

export interface JoinedRecords {
  /** The records in chunks: fields joined by U+001F, records by U+001E. */
  chunks: Iterable<TextChunk>;
  /** One chunk's records as separate values, when its text does not split into whole records. */
  rawRange(after: number, last: number): unknown[][];
}

const UNIT = '\u001f';
const RECORD = '\u001e';

/**
 * Streams a CSV: the header, then the records, which SQLite hands over a chunk at a time. One
 * regular-expression pass over the chunk quotes and neutralises just the fields that need it (as
 * csvLine would), then the separators become the delimiter and line ends: no per-record arrays.
 * A chunk that does not split into whole records (a value holding a separator character) is read
 * again as separate values. Returns the number of records.
 */
export async function writeCsvStream(sink: Sink, headers: string[], source: JoinedRecords, options: CsvOptions = {}): Promise<number> {
  const { delimiter, eol } = csvDialect(options);
  // A field (between separators) that starts like a formula or holds what must be quoted.
  const needsWork = new RegExp(`(?<=^|[${RECORD}${UNIT}])(?:[=+@\\t\\r-][^${RECORD}${UNIT}]*|[^${RECORD}${UNIT}"${delimiter}\\r\\n]*["${delimiter}\\r\\n][^${RECORD}${UNIT}]*)`, 'g');
  const fix = (field: string) => csvField(neutraliseFormula(field), delimiter);
  await sink.write((options.excel ? BOM : '') + csvLine(headers, delimiter) + eol);
  let count = 0;
  for (const chunk of source.chunks) {
    count += chunk.count;
    // Whole records only: as many as SQLite counted, each with every field.
    const whole = occurrences(chunk.text, RECORD) === chunk.count - 1 && occurrences(chunk.text, UNIT) === chunk.count * (headers.length - 1);
    let text: string;
    if (whole) text = chunk.text.replace(needsWork, fix).replaceAll(UNIT, delimiter).replaceAll(RECORD, eol);
    else text = source.rawRange(chunk.after, chunk.last).map((values) => csvLine(values, delimiter)).join(eol);
    await sink.write(text + eol);
    if (sink.closed) break;
  }
  return count;
}

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** Streams one JSON array from chunks of object texts joined by ",\n". */
export async function writeJsonArrayStream(sink: Sink, chunks: Iterable<TextChunk>): Promise<number> {
  let count = 0;
  for (const chunk of chunks) {
    await sink.write((count === 0 ? '[\n' : ',\n') + chunk.text);
    count += chunk.count;
    if (sink.closed) return count;
  }
  await sink.write(count > 0 ? '\n]\n' : '[]\n');
  return count;
}
