import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvEvent } from '../../src/core/roster/csv.js';
import { readRoster } from '../../src/core/roster/reader.js';
import { KimError } from '../../src/errors.js';
import { scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';
import { csvishText, mutatedSample } from './mutate.js';

/** Feeds text in chunks of the given sizes (repeated until the text is used up), as a stream does. */
function parse(text: string, delimiter: string, sizes: number[]): CsvEvent[] {
  const out: CsvEvent[] = [];
  const reader = new CsvReader(delimiter);
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    reader.push(text.slice(at, at + size), (e) => out.push(e));
    at += size;
  }
  reader.end((e) => out.push(e));
  return out;
}

const delimiter = fc.constantFrom(',', ';', '\t', '|');

describe('the CSV reader on any text (in-process, many cases)', () => {
  it('gives the same rows, numbered 1, 2, 3…, however the stream cuts the text', () => {
    fc.assert(
      fc.property(csvishText(400), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 12 }), delimiter, (text, sizes, d) => {
        const whole = parse(text, d, [Math.max(text.length, 1)]);
        expect(parse(text, d, sizes)).toEqual(whole);
        expect(whole.map((e) => e.row)).toEqual(whole.map((_, i) => i + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back exactly the cells a spreadsheet wrote, quoting where it must', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '|', '\t', '"', '\n', '\r\n', 'é', '’', '='), maxLength: 10 });
    const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(rows, delimiter, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 40 }), (records, d, eol, size) => {
        const quote = (c: string) => (/[",;|\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
        const text = records.map((r) => r.map(quote).join(d)).join(eol) + eol;
        const events = parse(text, d, [size]);
        expect(events.map((e) => (e.kind === 'record' ? e.cells : e))).toEqual(records);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readRoster on damaged and random files (in-process)', () => {
  const dir = scratchDir('kim-reader-');
  let n = 0;

  /** Reads the bytes as a roster; what may come out is rows, rejected rows, or a usage error (exit 2). */
  async function readBytes(bytes: Uint8Array): Promise<void> {
    const file = path.join(dir, `r${n++}.csv`);
    fs.writeFileSync(file, bytes);
    const rows: number[] = [];
    let headerRow = 0;
    try {
      const info = await readRoster(file, { encoding: 'auto', delimiter: 'auto', maps: { map: new Map(), remembered: new Map() } }, {
        begin: (f) => (headerRow = f.headerRows.at(-1)!),
        row: (row, record) => {
          rows.push(row);
          expect(record.kim_name && record.officer_name).toBeTruthy();
        },
        reject: (r) => rows.push(r.row),
      });
      expect(rows.every((r, i) => r > (i === 0 ? headerRow : rows[i - 1]!))).toBe(true);
      expect(headerRow + info.rows).toBeGreaterThanOrEqual(rows.at(-1) ?? 0);
    } catch (error) {
      expect(error).toBeInstanceOf(KimError);
      expect((error as KimError).exitCode).toBe(2);
    } finally {
      fs.rmSync(file);
    }
  }

  it('a sample roster damaged in every way: rows, rejections or exit 2, never anything else', async () => {
    await fc.assert(fc.asyncProperty(mutatedSample, readBytes), { numRuns: 400 });
  });

  it('random bytes: a usage error at worst', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), readBytes), { numRuns: 300 });
  });
});

describe('readRoster on a roster saved again while it is read', () => {
  const dir = scratchDir('kim-resaved-');

  // The rows come from a second pass over the file; each case changes the file after that pass's
  // first 1 MiB chunk, as Excel saving it over again would.
  it.each([
    { change: 'a row appended', edit: (file: string) => fs.appendFileSync(file, 'KIM Baru,Kanigaran,Kanigaran,,,,Budi,Ketua,,,,\n') },
    { change: 'one byte changed, same size', edit: (file: string) => {
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, 'X', fs.statSync(file).size - 10);
      fs.closeSync(fd);
    } },
    { change: 'cut short', edit: (file: string) => fs.truncateSync(file, fs.statSync(file).size - 500) },
  ])('$change: refused with exit 2 and import.fileChanged, naming the file', async ({ edit }) => {
    const file = generatedRoster(dir, 12_000);
    expect(fs.statSync(file).size).toBeGreaterThan(2 ** 20);
    let chunks = 0;
    let rows = 0;
    const read = readRoster(file, { encoding: 'auto', delimiter: 'auto', maps: { map: new Map(), remembered: new Map() }, pace: () => {
      if (chunks++ === 0) edit(file);
      return undefined;
    } }, { begin: () => {}, row: () => rows++, reject: () => {} });
    const error = await read.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(KimError);
    expect((error as KimError).exitCode).toBe(2);
    expect((error as KimError).key).toBe('import.fileChanged');
    expect((error as KimError).params).toEqual({ file: path.basename(file) });
    expect(chunks).toBeGreaterThan(1);
    expect(rows).toBeGreaterThan(0);
  });

  it('a file left as it was reads to the end, with the checksum of its bytes', async () => {
    const file = generatedRoster(dir, 12_000);
    let rows = 0;
    const info = await readRoster(file, { encoding: 'auto', delimiter: 'auto', maps: { map: new Map(), remembered: new Map() }, pace: () => undefined }, { begin: () => {}, row: () => rows++, reject: () => {} });
    expect(rows).toBe(12_000);
    expect(info.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });
});
