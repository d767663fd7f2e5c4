import { parentPort, workerData } from 'node:worker_threads';
import { unpackMaps } from '../roster/headers.js';
import { readRoster } from '../roster/reader.js';
import type { Rejection } from '../roster/record.js';
import { OFFICER_VALUE_COLUMNS, officerValues } from './columns.js';
import { communitySignature } from './community-cells.js';
import { packError } from '../thread-errors.js';
import { IN_FLIGHT, ROWS_PER_BATCH, type Batch, type ParseInput, type ParseMessage } from './parse-thread.js';

const input = workerData as ParseInput;
const port = parentPort!;
const post = (m: ParseMessage) => port.postMessage(m);

let batch: Batch = empty();
/** Bytes read so far: a chunk of the file ends inside one batch of several, and every batch says it. */
let read = 0;
let previous = '';
let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  inFlight--;
  wake?.();
});

function empty(): Batch {
  return { type: 'batch', order: [], signatures: [], values: [], bytes: 0 };
}

function send(): void {
  if (batch.order.length === 0) return;
  batch.bytes = read;
  post(batch);
  inFlight++;
  batch = empty();
}

try {
  const info = await readRoster(
    input.file,
    {
      encoding: input.encoding,
      delimiter: input.delimiter,
      maps: unpackMaps(input.maps),
      onBytes: (bytes) => (read = bytes),
      // The consumer writes to SQLite, the slower half: never more than a few batches ahead of it.
      pace: () => {
        if (inFlight < IN_FLIGHT) return undefined;
        return new Promise<void>((resolve) => {
          wake = () => {
            if (inFlight < IN_FLIGHT) {
              wake = undefined;
              resolve();
            }
          };
        });
      },
    },
    {
      begin: (file) => post({ type: 'begin', file }),
      row: (row, record) => {
        batch.order.push(row);
        const signature = communitySignature(record);
        batch.signatures.push(signature === previous ? '' : signature);
        previous = signature;
        const v = officerValues(record);
        for (const c of OFFICER_VALUE_COLUMNS) batch.values.push(v[c]);
        if (batch.order.length >= ROWS_PER_BATCH) send();
      },
      // Refused rows count towards a batch too: a file of nothing else must not pile up here.
      reject: (r: Rejection) => {
        if (batch.order.push(r) >= ROWS_PER_BATCH) send();
      },
    },
  );
  send();
  post({ type: 'end', file: info });
} catch (e) {
  post({ type: 'error', error: packError(e) });
}
