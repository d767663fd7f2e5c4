import { Worker } from 'node:worker_threads';
import { BOM, csvDialect, csvLine, type CsvOptions } from './csv.js';
import { formatChunk } from './csv-chunk.js';
import type { ChunkDone, ChunkJob } from './csv-chunk-worker.js';
import type { JoinedChunk, TextChunk } from '../../core/reports/export-rows.js';
import type { Sink } from './sink.js';

export interface JoinedRecords {
  chunks: Iterable<JoinedChunk>;
  /** One chunk's records as separate values, when its bytes do not split into whole records. */
  rawRange(after: number, last: number): unknown[][];
}

/** Chunks handed to the formatting thread before the oldest one's bytes are awaited. */
const IN_FLIGHT = 3;

/**
 * Streams a CSV: the header, then the records, which SQLite hands over a chunk at a time as
 * bytes; formatChunk turns each into CSV bytes, and one that does not split cleanly is read again
 * as separate values. With `parallel`, from the second chunk on, the formatting runs in a second
 * thread while this one goes on reading from SQLite; the bytes are handed over, not copied.
 * Returns the number of records.
 */
export async function writeCsvStream(sink: Sink, headers: string[], source: JoinedRecords, options: CsvOptions & { parallel?: boolean } = {}): Promise<number> {
  const { delimiter, eol } = csvDialect(options);
  await sink.write((options.excel ? BOM : '') + csvLine(headers, delimiter) + eol);
  // Started with the second chunk: an office's export is often a single one, not worth a thread.
  let format: ReturnType<typeof chunkFormatter> | undefined;
  const pending: { chunk: JoinedChunk; out: Promise<Uint8Array | null> }[] = [];
  const flush = async () => {
    const { chunk, out } = pending.shift()!;
    await sink.write((await out) ?? source.rawRange(chunk.after, chunk.last).map((values) => csvLine(values, delimiter) + eol).join(''));
  };
  let count = 0;
  try {
    for (const chunk of source.chunks) {
      if (options.parallel && !format && count > 0) format = chunkFormatter();
      count += chunk.count;
      const job = { count: chunk.count, fields: headers.length, delimiter, eol };
      const out = format ? format(chunk.bytes, job) : Promise.resolve(formatChunk(chunk.bytes, job.count, job.fields, delimiter, eol));
      // Awaited in turn by flush; one that fails while an earlier one is awaited must not end the process.
      out.catch(() => {});
      pending.push({ chunk, out });
      if (pending.length >= IN_FLIGHT) await flush();
      if (sink.closed) return count;
    }
    while (pending.length > 0 && !sink.closed) await flush();
  } finally {
    await format?.close();
  }
  return count;
}

type Job = Pick<ChunkJob, 'count' | 'fields' | 'delimiter' | 'eol'>;

/** A second thread that formats chunks, answering in the order they were sent. */
function chunkFormatter(): ((bytes: Uint8Array, job: Job) => Promise<Uint8Array | null>) & { close(): Promise<void> } {
  // It holds a few chunks at a time; a small heap keeps V8 from growing it lazily.
  const worker = new Worker(new URL('./csv-chunk-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } });
  const waiting = new Map<number, { resolve: (out: Uint8Array | null) => void; reject: (e: Error) => void }>();
  let next = 0;
  // Once the thread has failed or stopped, a chunk sent after it would wait for ever.
  let dead: Error | undefined;
  worker.on('message', (m: ChunkDone) => {
    waiting.get(m.id)?.resolve(m.out && Buffer.from(m.out.buffer, m.out.offset, m.out.length));
    waiting.delete(m.id);
  });
  const failAll = (e: Error) => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`CSV formatting thread stopped with code ${code}`)));
  const format = (bytes: Uint8Array, job: Job) =>
    new Promise<Uint8Array | null>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      waiting.set(id, { resolve, reject });
      // A Buffer that owns its whole memory is handed over; one cut from a shared pool is copied
      // (Uint8Array's slice copies; Buffer's would only be a view of the pool).
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      const buffer = (owned ? bytes.buffer : Uint8Array.prototype.slice.call(bytes).buffer) as ArrayBuffer;
      const message: ChunkJob = { ...job, id, buffer, offset: 0, length: bytes.byteLength };
      worker.postMessage(message, [buffer]);
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
