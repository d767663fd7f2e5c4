import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.js';
import { translator } from '../../ui/messages/index.js';
import { packError } from '../thread-errors.js';
import { checkCommunities, planChecks } from './check.js';
import type { CheckInput, CheckOutput } from './parallel.js';

const input = workerData as CheckInput;
const post = (m: CheckOutput) => parentPort!.postMessage(m);

try {
  const db = openDatabase(input.dbPath, { busyTimeoutMs: input.busyTimeoutMs });
  try {
    // It reads its half once, in order: a small page cache does, and keeps two threads' memory down.
    db.pragma('cache_size = -8192');
    const p = planChecks(db, input.scope, input.today, input.ids);
    const { checked, officers } = checkCommunities(db, p, p.ids, translator(input.lang));
    post({ ok: true, checked, officers });
  } finally {
    db.close();
  }
} catch (e) {
  post({ ok: false, error: packError(e) });
}
