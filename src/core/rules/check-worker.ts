import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/connection.js';
import { translator } from '../../ui/messages/index.js';
import { RULES } from './catalog.js';
import { checkCommunities } from './check.js';
import { loadRuleConfig } from './config.js';
import { buildEnv, selectCommunities } from './scope.js';
import { firstHalf, type CheckInput, type CheckOutput } from './parallel.js';

const input = workerData as CheckInput;
const post = (m: CheckOutput) => parentPort!.postMessage(m);

try {
  const db = openDatabase(input.dbPath, { busyTimeoutMs: input.busyTimeoutMs });
  try {
    // It reads its half once, in order: a small page cache does, and keeps two threads' memory down.
    db.pragma('cache_size = -8192');
    const config = loadRuleConfig(db);
    const env = buildEnv(db, config, input.scope, input.today);
    const all = selectCommunities(db, input.scope);
    const rules = RULES.filter((r) => config.enabled[r.code]);
    const { checked, officers } = checkCommunities(db, rules, firstHalf(all), env, translator(input.lang));
    post({ ok: true, checked: [...checked], officers });
  } finally {
    db.close();
  }
} catch (e) {
  post({ ok: false, message: (e as Error).message, stack: (e as Error).stack });
}
