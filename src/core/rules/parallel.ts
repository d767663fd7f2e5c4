import { Worker } from 'node:worker_threads';
import type { Lang } from '../../ui/messages/index.js';
import { unpackError, type ThreadError } from '../thread-errors.js';
import type { Checked } from './check.js';
import type { Scope } from './scope.js';

export interface CheckInput {
  dbPath: string;
  busyTimeoutMs: number;
  /** The run's scope: the thread selects its communities itself, the first half of them. */
  scope: Scope;
  today: string;
  lang: Lang;
}

/** The communities the second thread checks; the caller checks the rest. */
export function firstHalf<T>(communities: T[]): T[] {
  return communities.slice(0, Math.floor(communities.length / 2));
}

export type CheckOutput = { ok: true; checked: Map<number, Checked>; officers: number } | { ok: false; error: ThreadError };

/**
 * Runs the checking pass over the first half of the scope's communities in a second thread, on
 * its own connection. The caller holds the write lock (BEGIN IMMEDIATE) before starting it, so no
 * one can commit in between: both threads read the same data, select the same communities and
 * find the same duplicate NIKs, each on its own, at the same time.
 */
export function checkInWorker(input: CheckInput): { result: Promise<{ checked: Map<number, Checked>; officers: number }>; stop(): Promise<number> } {
  const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 48 } });
  const result = new Promise<{ checked: Map<number, Checked>; officers: number }>((resolve, reject) => {
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
