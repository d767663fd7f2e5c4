import { Worker } from 'node:worker_threads';
import { BOM, csvDialect, csvLine, type CsvOptions } from './csv.js';
import { formatChunk } from './csv-chunk.js';
import type { ChunkJob } from './csv-chunk-worker.js';
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

/** Chunks handed to the formatting thread before the oldest one's text is awaited. */
const IN_FLIGHT = 3;

/**
 * Streams a CSV: the header, then the records, which SQLite hands over a chunk at a time
 * (formatChunk turns each into CSV text; one that does not split cleanly is read again as
 * separate values). With `parallel`, the formatting runs in a second thread while this one goes
 * on reading from SQLite, which halves a large export on a two-core desk PC. Returns the number of
 * records.
 */
export async function writeCsvStream(sink: Sink, headers: string[], source: JoinedRecords, options: CsvOptions & { parallel?: boolean } = {}): Promise<number> {
  const { delimiter, eol } = csvDialect(options);
  await sink.write((options.excel ? BOM : '') + csvLine(headers, delimiter) + eol);
  const format = options.parallel ? chunkFormatter() : undefined;
  const pending: { chunk: TextChunk; out: Promise<string | null> }[] = [];
  const flush = async () => {
    const { chunk, out } = pending.shift()!;
    const text = (await out) ?? source.rawRange(chunk.after, chunk.last).map((values) => csvLine(values, delimiter)).join(eol);
    await sink.write(text + eol);
  };
  let count = 0;
  try {
    for (const chunk of source.chunks) {
      count += chunk.count;
      const job = { text: chunk.text, count: chunk.count, fields: headers.length, delimiter, eol };
      pending.push({ chunk, out: format ? format(job) : Promise.resolve(formatChunk(job.text, job.count, job.fields, delimiter, eol)) });
      if (pending.length >= IN_FLIGHT) await flush();
      if (sink.closed) return count;
    }
    while (pending.length > 0 && !sink.closed) await flush();
  } finally {
    await format?.close();
  }
  return count;
}

type Job = Omit<ChunkJob, 'id'>;

/** A second thread that formats chunks, answering in the order they were sent. */
function chunkFormatter(): ((job: Job) => Promise<string | null>) & { close(): Promise<void> } {
  // It holds a few chunks at a time; a small heap keeps V8 from growing it lazily.
  const worker = new Worker(new URL('./csv-chunk-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
  const waiting = new Map<number, { resolve: (out: string | null) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', (m: { id: number; out: string | null }) => {
    waiting.get(m.id)?.resolve(m.out);
    waiting.delete(m.id);
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  const format = (job: Job) =>
    new Promise<string | null>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  return Object.assign(format, { close: async () => void (await worker.terminate()) });
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
