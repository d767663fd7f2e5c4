import { describe, expect, it } from 'vitest';
import { parseQuarterNumber, parseYear, previousQuarter, quarterBounds } from '../../src/core/reports/quarter.js';
import { coverage } from '../../src/core/reports/recap.js';
import type { Sink } from '../../src/ui/render/sink.js';
import { writeCsvStream } from '../../src/ui/render/stream-writers.js';
import { csvLine, renderCsv } from '../../src/ui/render/csv.js';
import { decimal, longDate, withChange } from '../../src/ui/render/format.js';

describe('quarters', () => {
  it.each([
    ['4', 4], ['Q3', 3], ['q1', 1], ['III', 3], ['iv', 4], ['TW2', 2], ['5', undefined], ['0', undefined], ['', undefined], ['2.5', undefined],
  ])('--quarter %j is %j', (text, expected) => expect(parseQuarterNumber(text)).toBe(expected));

  it.each([['2025', 2025], [' 2025 ', 2025], ['25', undefined], ['20255', undefined], ['abcd', undefined]])('--year %j is %j', (text, expected) =>
    expect(parseYear(text)).toBe(expected));

  it.each([
    [2025, 1, '2025-01-01', '2025-03-31'], [2025, 2, '2025-04-01', '2025-06-30'], [2025, 3, '2025-07-01', '2025-09-30'], [2024, 4, '2024-10-01', '2024-12-31'],
  ] as const)('%i Q%i runs from %s to %s', (year, quarter, start, asOf) => expect(quarterBounds({ year, quarter })).toEqual({ year, quarter, start, asOf }));

  it('steps back over the new year', () => {
    expect(previousQuarter({ year: 2025, quarter: 1 })).toEqual({ year: 2024, quarter: 4 });
    expect(previousQuarter({ year: 2025, quarter: 3 })).toEqual({ year: 2025, quarter: 2 });
  });
});

describe('figures for people', () => {
  it.each([[12, 10, '12 (+2)'], [8, 10, '8 (-2)'], [5, 5, '5'], [3, undefined, '3']])('%i after %j reads %j', (now, before, text) =>
    expect(withChange(now, before)).toBe(text));

  it.each([[1, 3, 33.3], [2, 3, 66.7], [0, 6, 0], [6, 6, 100], [1, 0, null]])('coverage of %i in %i villages is %j', (withKim, villages, pct) =>
    expect(coverage(withKim, villages)).toBe(pct));

  it('writes decimals and dates the way each language does', () => {
    expect(decimal(33.3, 'id')).toBe('33,3');
    expect(decimal(33.3, 'en')).toBe('33.3');
    expect(decimal(null, 'id')).toBe('');
    expect(longDate('2025-12-31', 'id')).toBe('31 Desember 2025');
    expect(longDate('2025-08-02', 'en')).toBe('2 August 2025');
  });
});

describe('CSV records', () => {
  it.each([
    [['a', 'b'], ',', 'a,b'],
    [['a,b', 'c'], ',', '"a,b",c'],
    [['a,b', 'c'], ';', 'a,b;c'],
    [['say "hi"'], ',', '"say ""hi"""'],
    // A leading + always gets the apostrophe (a phone +62812… would open as a number); real negative numbers do not.
    [['=1+1', -5, '-5', '-2,5', '+62812', '+62 812'], ';', "'=1+1;-5;-5;-2,5;'+62812;'+62 812"],
    [[null, undefined, true, 0], ',', ',,true,0'],
  ] as const)('%j with %j is %j', (values, delimiter, line) => expect(csvLine([...values], delimiter)).toBe(line));

  // SQLite hands the export its records joined by U+001F/U+001E; they must come out as csvLine writes them.
  it.each([
    [['1', 'Ani', 'Ketua']],
    [['2', '=HYPERLINK("x")', '@SUM(A1)']],
    [['3', '+6281234', '-5']],
    [['4', '-2,5', '-x']],
    [['5', 'Jl. X, RT 3', 'say "hi"']],
    [['6', 'two\nlines', '\tx']],
    [['7', 'a\u001fb', 'c']],
    [['8', 'a\u001eb', 'c']],
    [['10', 'Ñoño; Désa, "Kel."', 'Śrī']],
    [['11', '-', '-1.']],
    [['12', '-1..2', '-,5']],
    [['13', '-1.000,50', '\r=x']],
    [['14', '', '']],
    [['15', ';', '"']],
    [['16', 'é=1', '日本']],
  ])('the export writes %j exactly as csvLine does', async (values) => {
    for (const excel of [false, true]) {
      const written: string[] = [];
      const sink: Sink = { write: async (t) => void written.push(Buffer.from(t).toString('utf8')), close: async () => {}, abort: () => {}, closed: false };
      const rows = [values, ['9', 'plain', 'row']];
      const bytes = Buffer.from(rows.map((r) => r.join('\u001f')).join('\u001e'));
      await writeCsvStream(sink, ['a', 'b', 'c'], { chunks: [{ bytes, after: 0, last: 9, count: 2 }], rawRange: () => rows }, { excel });
      const delimiter = excel ? ';' : ',';
      const eol = excel ? '\r\n' : '\n';
      expect(written.join('')).toBe((excel ? '\uFEFF' : '') + ['a', 'b', 'c'].join(delimiter) + eol + rows.map((r) => csvLine(r, delimiter)).join(eol) + eol);
    }
  });

  // The compiled path `kim export` runs: chunks formatted in a second thread, their memory handed
  // over. A chunk cut from a larger buffer must be copied whole, and the formatted bytes, however
  // few, must own their memory (a pooled buffer cannot be handed over on Node 21 and later).
  it('formats in a second thread exactly as in one, for tiny chunks and chunks cut from a larger buffer', async () => {
    const { writeCsvStream: inThread } = await import('../../dist/ui/render/stream-writers.js');
    const { formatChunk } = await import('../../src/ui/render/csv-chunk.js');
    const rows = [['1', 'Ani', '=x'], ['2', 'Budi', 'a,b'], ['3', '', 'Śrī']];
    const joined = (r: string[][]) => Buffer.from(r.map((x) => x.join('\u001f')).join('\u001e'));
    const big = Buffer.concat([Buffer.from('not this '), joined(rows.slice(1)), Buffer.from(' nor this')]);
    const cut = big.subarray(9, big.length - 9);
    const chunks = [
      { bytes: joined(rows.slice(0, 1)), after: 0, last: 1, count: 1 },
      { bytes: cut, after: 1, last: 3, count: 2 },
    ];
    const run = async (parallel: boolean) => {
      const written: string[] = [];
      const sink: Sink = { write: async (t) => void written.push(Buffer.from(t).toString('utf8')), close: async () => {}, abort: () => {}, closed: false };
      await (parallel ? inThread : writeCsvStream)(sink, ['a', 'b', 'c'], { chunks, rawRange: () => [] }, { parallel });
      return written.join('');
    };
    expect(await run(true)).toBe(await run(false));
    expect(await run(false)).toBe(['a,b,c', ...rows.map((r) => csvLine(r, ','))].join('\n') + '\n');
    const tiny = formatChunk(joined(rows.slice(0, 1)), 1, 3, ',', '\n')!;
    // Its own small allocation, not Node's 8 KiB pool.
    expect(tiny.byteOffset).toBe(0);
    expect(tiny.buffer.byteLength).toBeLessThan(Buffer.poolSize);
  });

  it('renders a dataset with its total, and for Excel with a BOM, ";" and CRLF', () => {
    const data = { columns: [{ key: 'a', header: 'A' }, { key: 'b', header: 'B' }], rows: [{ a: 'x;y', b: 1 }], total: { a: 'Total', b: 1 } };
    expect(renderCsv(data)).toBe('A,B\nx;y,1\nTotal,1\n');
    expect(renderCsv(data, { excel: true })).toBe('\uFEFFA;B\r\n"x;y";1\r\nTotal;1\r\n');
  });
});
