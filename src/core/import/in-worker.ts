import { Worker } from 'node:worker_threads';
import { packMaps } from '../roster/headers.js';
import type { ImportOptions, ImportResult } from './run.js';
import { threadFailure, unpackError } from '../thread-errors.js';
import type { WorkerInput, WorkerMessage } from './worker.js';

/**
 * Heap for the import thread. V8 sizes its heap from the machine's memory and collects lazily,
 * so a long import in the main thread grows past 400 MiB without needing it; a worker's heap can
 * be capped, which keeps a million-row import near 200 MiB of resident memory in all.
 */
const HEAP_MB = 96;

export interface WorkerImportOptions extends Omit<ImportOptions, 'endReason'> {
  dbPath: string;
  busyTimeoutMs: number;
  /** The reason for officers ended by --replace-rosters, with `{batch}` to fill in. */
  endReason: string;
}

export function importInWorker(o: WorkerImportOptions): Promise<ImportResult> {
  const { dbPath, busyTimeoutMs, onBytes, onFileStart, maps, ...rest } = o;
  const input: WorkerInput = { dbPath, busyTimeoutMs, options: { ...rest, maps: packMaps(maps) } };
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 },
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'fileStart') onFileStart?.(m.file, m.bytes);
      else if (m.type === 'bytes') onBytes?.(m.file, m.bytes);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(unpackError(m.error));
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      settled = true;
      reject(threadFailure(e));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`import worker stopped with code ${code}`));
    });
  });
}
