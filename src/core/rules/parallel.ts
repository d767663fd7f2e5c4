import { Worker } from 'node:worker_threads';
import type { Lang } from '../../ui/messages/index.js';
import { unpackError, type ThreadError } from '../thread-errors.js';
import type { Checked } from './check.js';
import type { Scope } from './scope.js';

export interface CheckInput {
  dbPath: string;
  busyTimeoutMs: number;
  /** The run's scope, for the duplicate NIKs. */
  scope: Scope;
  /** The communities this thread checks: the first half of the scope's. */
  ids: number[];
  today: string;
  lang: Lang;
}

/** The communities the second thread checks, and those the caller checks. */
export function halves<T>(communities: T[]): [T[], T[]] {
  const middle = Math.floor(communities.length / 2);
  return [communities.slice(0, middle), communities.slice(middle)];
}

export type CheckOutput = { ok: true; checked: Checked[]; officers: number } | { ok: false; error: ThreadError };

/**
 * Runs the checking pass over the first half of the scope's communities in a second thread, on
 * its own connection. The caller holds the write lock (BEGIN IMMEDIATE) before starting it, so no
 * one can commit in between: both threads read the same data and find the same duplicate NIKs,
 * each on its own, at the same time.
 */
export function checkInWorker(input: CheckInput): { result: Promise<{ checked: Checked[]; officers: number }>; stop(): Promise<number> } {
  const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 48 } });
  const result = new Promise<{ checked: Checked[]; officers: number }>((resolve, reject) => {
    worker.once('message', (m: CheckOutput) => {
      if (m.ok) resolve({ checked: m.checked, officers: m.officers });
      else reject(unpackError(m.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`validation thread stopped with code ${code}`)));
  });
  // A rejection nobody awaits (the caller failed first) must not end the process.
  result.catch(() => {});
  return { result, stop: () => worker.terminate() };
}
