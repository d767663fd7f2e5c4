import { BOM, csvDialect, csvLine, type CsvOptions } from './csv.js';
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
 * Streams a CSV: the header, then the records, which SQLite hands over a chunk at a time. A
 * record with nothing to quote or neutralise (most) only has its separators replaced; the others
 * are written field by field with csvLine. A chunk that does not split into whole records (a value
 * holding a separator character) is read again as separate values. Returns the number of records.
 */
export async function writeCsvStream(sink: Sink, headers: string[], source: JoinedRecords, options: CsvOptions = {}): Promise<number> {
  const { delimiter, eol } = csvDialect(options);
  const special = new RegExp(`["${delimiter}\\r\\n]|(?:^|${UNIT})[=+@\\t\\r-]`);
  await sink.write((options.excel ? BOM : '') + csvLine(headers, delimiter) + eol);
  let count = 0;
  for (const chunk of source.chunks) {
    count += chunk.count;
    const records = chunk.text.split(RECORD);
    // Whole records only: as many as SQLite counted, each with every field.
    const whole = records.length === chunk.count && occurrences(chunk.text, UNIT) === chunk.count * (headers.length - 1);
    let lines: string[] | undefined;
    if (whole) {
      lines = records.map((record) => (special.test(record) ? csvLine(record.split(UNIT), delimiter) : record.replaceAll(UNIT, delimiter)));
    }
    lines ??= source.rawRange(chunk.after, chunk.last).map((values) => csvLine(values, delimiter));
    await sink.write(lines.join(eol) + eol);
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
