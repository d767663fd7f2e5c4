import { BOM, csvDialect, csvLine, plainRecordPattern, type Delimiter, type CsvOptions } from './csv.js';
import type { Sink } from './sink.js';

/** A run of records as one text, records separated by "\n" (see core/reports/export-rows). */
export interface TextChunk {
  text: string;
  after: number;
  last: number;
  count: number;
}

export interface JoinedRecords {
  /** The records in chunks, fields joined by the delimiter and left unquoted, ids first. */
  chunks(delimiter: Delimiter): Iterable<TextChunk>;
  /** The records of one chunk one by one, joined the same way. */
  records(delimiter: Delimiter, after: number, last: number): string[];
  /** One record as separate values, for a record that needs quoting or neutralising. */
  byId(id: number): unknown[] | undefined;
}

/**
 * Streams a CSV: the header, then the records. SQLite hands them over already joined, a chunk
 * at a time. A chunk where every record has nothing to quote or neutralise (nearly all) is
 * written as it is; in any other chunk each record is checked, and those that need it are
 * fetched again as separate values and written field by field. Returns the number of records.
 */
export async function writeCsvStream(sink: Sink, headers: string[], source: JoinedRecords, options: CsvOptions = {}): Promise<number> {
  const { delimiter, eol } = csvDialect(options);
  const plain = plainRecordPattern(headers.length, delimiter);
  // Finds the first line of a chunk that is not a plain record (fields hold no line breaks, so
  // a record broken by one has too few fields and is found too).
  const notPlain = new RegExp(`^(?!${plain.source.slice(1, -1)}$)`, 'm');
  await sink.write((options.excel ? BOM : '') + csvLine(headers, delimiter) + eol);
  let count = 0;
  for (const chunk of source.chunks(delimiter)) {
    count += chunk.count;
    let text: string;
    if (!notPlain.test(chunk.text)) text = eol === '\n' ? chunk.text : chunk.text.replaceAll('\n', eol);
    else {
      const lines = source.records(delimiter, chunk.after, chunk.last).map((record) => {
        if (plain.test(record)) return record;
        const values = source.byId(Number(record.slice(0, record.indexOf(delimiter))));
        return values ? csvLine(values, delimiter) : csvLine([record], delimiter);
      });
      text = lines.join(eol);
    }
    await sink.write(text + eol);
    if (sink.closed) break;
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
