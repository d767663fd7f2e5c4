import { BOM, csvDialect, csvLine, type CsvOptions } from './csv.js';
import { formatChunk } from './csv-chunk.js';
import type { JoinedChunk, TextChunk } from '../../core/reports/export-rows.js';
import type { Sink } from './sink.js';

export interface JoinedRecords {
  chunks: Iterable<JoinedChunk>;
  /** One chunk's records as separate values, when its bytes do not split into whole records. */
  rawRange(after: number, last: number): unknown[][];
}

/**
 * Streams a CSV: the header, then the records, which SQLite hands over a chunk at a time as
 * bytes; formatChunk turns each into CSV bytes, and one that does not split cleanly is read again
 * as separate values. Returns the number of records.
 */
export async function writeCsvStream(sink: Sink, headers: string[], source: JoinedRecords, options: CsvOptions = {}): Promise<number> {
  const { delimiter, eol } = csvDialect(options);
  await sink.write((options.excel ? BOM : '') + csvLine(headers, delimiter) + eol);
  let count = 0;
  for (const chunk of source.chunks) {
    count += chunk.count;
    const out =
      formatChunk(chunk.bytes, chunk.count, headers.length, delimiter, eol) ??
      source.rawRange(chunk.after, chunk.last).map((values) => csvLine(values, delimiter) + eol).join('');
    await sink.write(out);
    if (sink.closed) return count;
  }
  return count;
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
