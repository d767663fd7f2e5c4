import { parentPort } from 'node:worker_threads';
import { formatChunk } from './csv-chunk.js';

/** A chunk's bytes travel as an ArrayBuffer handed over, not copied (see stream-writers). */
export interface ChunkJob {
  id: number;
  buffer: ArrayBuffer;
  offset: number;
  length: number;
  count: number;
  fields: number;
  delimiter: string;
  eol: string;
}

export interface ChunkDone {
  id: number;
  out: { buffer: ArrayBuffer; offset: number; length: number } | null;
}

parentPort!.on('message', (job: ChunkJob) => {
  const out = formatChunk(new Uint8Array(job.buffer, job.offset, job.length), job.count, job.fields, job.delimiter, job.eol);
  const done: ChunkDone = { id: job.id, out: out && { buffer: out.buffer as ArrayBuffer, offset: out.byteOffset, length: out.length } };
  parentPort!.postMessage(done, out ? [out.buffer as ArrayBuffer] : []);
});
