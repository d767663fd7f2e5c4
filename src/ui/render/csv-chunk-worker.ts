import { parentPort } from 'node:worker_threads';
import { formatChunk } from './csv-chunk.js';

export interface ChunkJob {
  id: number;
  text: string;
  count: number;
  fields: number;
  delimiter: string;
  eol: string;
}

parentPort!.on('message', (job: ChunkJob) => {
  parentPort!.postMessage({ id: job.id, out: formatChunk(job.text, job.count, job.fields, job.delimiter, job.eol) });
});
