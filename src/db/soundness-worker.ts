import { parentPort, workerData } from 'node:worker_threads';
import { packError } from '../core/thread-errors.js';
import { openReadOnly } from './readonly.js';
import { firstProblem } from './soundness.js';

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };

try {
  const db = openReadOnly(file, busyTimeoutMs);
  try {
    parentPort!.postMessage({ problem: firstProblem(db) });
  } finally {
    db.close();
  }
} catch (e) {
  parentPort!.postMessage({ error: packError(e) });
}
