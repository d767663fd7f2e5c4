import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { FIXTURES } from '../helpers/cli.js';

/** The sample rosters as bytes: real files to damage. */
export const SAMPLE_BYTES = ['probolinggo_excel_cp1252.csv', 'probolinggo_susulan_utf8bom.csv'].map((f) =>
  fs.readFileSync(path.join(FIXTURES, 'rosters', f)),
);

/** One way a file gets damaged on its way from a village: positions are taken modulo its length. */
export type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'lineEnding'; at: number; ending: string };

const SPECIAL = [0x00, 0x22, 0x2c, 0x3b, 0x0d, 0x0a, 0x09, 0x92, 0xef, 0xbb, 0xbf, 0xff, 0xfe];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...SPECIAL), fc.integer({ min: 0, max: 255 })) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 40 }),
      fc.array(fc.constantFrom(...SPECIAL), { minLength: 1, maxLength: 8 }).map((a) => Uint8Array.from(a)),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('lineEnding' as const), at: fc.nat(), ending: fc.constantFrom('\n', '\r', '\r\n', '\n\r', '') }),
);

export function applyMutation(data: Buffer, m: Mutation): Buffer {
  const at = data.length === 0 ? 0 : m.at % data.length;
  switch (m.kind) {
    case 'flip': {
      const copy = Buffer.from(data);
      if (copy.length) copy[at] = m.byte;
      return copy;
    }
    case 'insert':
      return Buffer.concat([data.subarray(0, at), Buffer.from(m.bytes), data.subarray(at)]);
    case 'delete':
      return Buffer.concat([data.subarray(0, at), data.subarray(at + m.length)]);
    case 'truncate':
      return data.subarray(0, at);
    case 'duplicateLine': {
      const start = data.lastIndexOf(0x0a, at) + 1;
      const nl = data.indexOf(0x0a, at);
      const end = nl < 0 ? data.length : nl + 1;
      return Buffer.concat([data.subarray(0, end), data.subarray(start, end), data.subarray(end)]);
    }
    case 'lineEnding': {
      // Replace the line break at or after `at`, whatever it was, with another one (or none).
      const nl = data.indexOf(0x0a, at);
      if (nl < 0) return data;
      const from = nl > 0 && data[nl - 1] === 0x0d ? nl - 1 : nl;
      return Buffer.concat([data.subarray(0, from), Buffer.from(m.ending, 'latin1'), data.subarray(nl + 1)]);
    }
  }
}

/** A sample roster with a few damages applied in turn. */
export const mutatedSample: fc.Arbitrary<Buffer> = fc
  .tuple(fc.constantFrom(...SAMPLE_BYTES), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([data, mutations]) => mutations.reduce(applyMutation, data));

/** Text made mostly of the characters that matter to a CSV reader. */
export const csvishText = (maxLength: number) =>
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '"', '\r', '\n', '\n', 'é', '’', '\u0000'), maxLength });
