import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.js';
import type { ColumnTarget } from '../roster/fields.js';
import { importRosters, type ImportOptions } from './run.js';
import { packError, type ThreadError } from '../thread-errors.js';

export interface WorkerInput {
  dbPath: string;
  busyTimeoutMs: number;
  options: Omit<ImportOptions, 'map' | 'endReason' | 'onBytes' | 'onFileStart'> & { map: [string, ColumnTarget][]; endReason: string };
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
      map: new Map(input.options.map),
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
