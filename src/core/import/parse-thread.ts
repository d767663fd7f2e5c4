import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackedMaps } from '../roster/headers.js';
import type { ENCODINGS } from '../roster/encoding.js';
import type { RosterFile } from '../roster/reader.js';
import type { Rejection } from '../roster/record.js';
import { OFFICER_VALUE_COLUMNS, officerValuesAt, type OfficerValues } from './columns.js';
import { threadFailure, unpackError, type ThreadError } from '../thread-errors.js';

/** Rows per message, and messages the reader may be ahead of the writer. */
export const ROWS_PER_BATCH = 1000;
export const IN_FLIGHT = 8;
/** A smaller file is read in the import's own thread: a second one costs more to start than it saves. */
const THREAD_MIN_BYTES = 4 << 20;

export interface ParseInput {
  file: string;
  encoding: (typeof ENCODINGS)[number];
  delimiter: string;
  maps: PackedMaps;
}

/**
 * Rows as the import applies them: each row's number (or a rejection, in file order), its
 * community signature ('' when it repeats the previous row's) and its officer's values
 * (OFFICER_VALUE_COLUMNS each). Flat arrays: a million rows cross between threads as a thousand
 * messages of plain strings. A row's cells do not cross: the import rarely rejects a row it
 * read well, and reads those few again (apply-file.ts).
 */
export interface Batch {
  type: 'batch';
  order: (number | Rejection)[];
  signatures: string[];
  values: (string | null)[];
  /** The file's bytes read when the batch was sent, for the progress bar. */
  bytes: number;
}

export type ParseMessage =
  | { type: 'begin'; file: RosterFile }
  | Batch
  | { type: 'end'; file: RosterFile }
  | { type: 'error'; error: ThreadError };

export interface ParsedSink {
  begin(file: RosterFile): void;
  row(row: number, signature: string, values: OfficerValues): void;
  reject(rejection: Rejection): void;
  bytes(read: number): void;
}

const WORKER = new URL('./parse-worker.js', import.meta.url);

/** Whether a file is read in a second thread: a large one, when the compiled worker is there. */
export function readsInThread(file: string): boolean {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return size >= THREAD_MIN_BYTES && fs.existsSync(fileURLToPath(WORKER));
}

/**
 * Reads a roster in a second thread (decoding, CSV, records and officers' values), while this
 * thread applies the rows and writes them to SQLite: the two halves of an import overlap. The
 * reader stays a few batches ahead, so memory stays flat. Rejects like readRoster.
 */
export function readRosterInThread(input: ParseInput, sink: ParsedSink): Promise<RosterFile> {
  // A batch lives from its rows' reading until the import's thread takes it: with a young
  // generation of 8 MiB most of them outlived two scavenges and were copied into the old one,
  // and collecting took 4.4 s of this thread's 14 s at 1,000,000 rows; with 16 MiB it takes 1.8 s.
  const worker = new Worker(WORKER, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 } });
  return new Promise<RosterFile>((resolve, reject) => {
    let settled = false;
    let signature = '';
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };
    worker.on('message', (m: ParseMessage) => {
      if (settled) return;
      try {
        if (m.type === 'begin') sink.begin(m.file);
        else if (m.type === 'batch') {
          let n = 0;
          for (const item of m.order) {
            if (typeof item !== 'number') {
              sink.reject(item);
              continue;
            }
            const i = n++;
            if (m.signatures[i]) signature = m.signatures[i]!;
            sink.row(item, signature, officerValuesAt(m.values, i * OFFICER_VALUE_COLUMNS.length));
          }
          sink.bytes(m.bytes);
          worker.postMessage('ack');
        } else if (m.type === 'end') {
          // The last chunk may end after the last batch was sent.
          sink.bytes(m.file.bytes);
          settled = true;
          void worker.terminate();
          resolve(m.file);
        } else {
          fail(unpackError(m.error));
        }
      } catch (error) {
        fail(error);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => fail(threadFailure(e)));
    worker.on('exit', (code) => fail(new Error(`roster reading thread stopped with code ${code}`)));
  });
}
