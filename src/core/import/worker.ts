import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.js';
import { unpackMaps, type PackedMaps } from '../roster/headers.js';
import { importRosters, type ImportOptions } from './run.js';
import { packError, type ThreadError } from '../thread-errors.js';

export interface WorkerInput {
  dbPath: string;
  busyTimeoutMs: number;
  options: Omit<ImportOptions, 'maps' | 'endReason' | 'onBytes' | 'onFileStart'> & { maps: PackedMaps; endReason: string };
}

export type WorkerMessage =
  | { type: 'fileStart'; file: number; bytes: number }
  | { type: 'bytes'; file: number; bytes: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof importRosters>> }
  | { type: 'error'; error: ThreadError };

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

try {
  const db = openDatabase(input.dbPath, { create: true, operator: input.options.operator, busyTimeoutMs: input.busyTimeoutMs });
  try {
    const result = await importRosters(db, {
      ...input.options,
      maps: unpackMaps(input.options.maps),
      endReason: (batch) => input.options.endReason.replace('{batch}', String(batch)),
      onFileStart: (file, bytes) => post({ type: 'fileStart', file, bytes }),
      onBytes: (file, bytes) => post({ type: 'bytes', file, bytes }),
    });
    post({ type: 'done', result });
  } finally {
    db.close();
  }
} catch (e) {
  post({ type: 'error', error: packError(e) });
}
