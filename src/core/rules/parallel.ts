import { Worker } from 'node:worker_threads';
import type { Lang } from '../../ui/messages/index.js';
import type { Checked } from './check.js';

export interface CheckInput {
  dbPath: string;
  busyTimeoutMs: number;
  communityIds: number[];
  today: string;
  lang: Lang;
  /** The main thread's duplicate-NIK map: both halves judge ADM-DUP-NIK against the same one. */
  nikCommunities: [string, { id: number; name: string }[]][];
}

export type CheckOutput = { ok: true; checked: [number, Checked][]; officers: number } | { ok: false; message: string; stack?: string };

/**
 * Runs the checking pass over some communities in a second thread, on its own connection. The
 * caller holds the write lock (BEGIN IMMEDIATE) before starting it, so no one can commit in
 * between and both threads read the same data.
 */
export function checkInWorker(input: CheckInput): { result: Promise<{ checked: Map<number, Checked>; officers: number }>; stop(): Promise<number> } {
  const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 48 } });
  const result = new Promise<{ checked: Map<number, Checked>; officers: number }>((resolve, reject) => {
    worker.once('message', (m: CheckOutput) => {
      if (m.ok) resolve({ checked: new Map(m.checked), officers: m.officers });
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`validation thread stopped with code ${code}`)));
  });
  // A rejection nobody awaits (the caller failed first) must not end the process.
  result.catch(() => {});
  return { result, stop: () => worker.terminate() };
}
