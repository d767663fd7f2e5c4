import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/ui/render/dataset.js';
import { fitWidths } from '../../src/ui/render/fit.js';
import { renderTable } from '../../src/ui/render/table.js';

const plain = new Chalk({ level: 0 });

describe('fitWidths', () => {
  it.each([
    ['all fit: natural widths', [10, 20, 5], [4, 6, 5], 40, [10, 20, 5]],
    ['exactly fit', [10, 20, 5], [4, 6, 5], 35, [10, 20, 5]],
    // 6 characters of spare room shared by how much wider each would like to be: 6 and 14.
    ['shrunk in proportion to what each wants', [10, 20, 5], [4, 6, 5], 21, [6, 10, 5]],
    ['down to the minimums', [10, 20, 5], [4, 6, 5], 15, [4, 6, 5]],
    ['minimums too wide: no table', [10, 20, 5], [4, 6, 5], 14, undefined],
  ])('%s', (_name, natural, minimum, available, widths) => {
    const fitted = fitWidths(natural, minimum, available);
    expect(fitted).toEqual(widths);
    if (fitted) expect(fitted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(available);
  });
});

const SENTENCE = 'The occupation shows an ASN, so this officer cannot sit on a KIM board until replaced.';

/** A findings-like table: short codes, names and one long message per row. */
const findings: Dataset = {
  title: 'Findings of KIM Mayangan Bahari, Kecamatan Mayangan, Kota Probolinggo (as of 10 January 2026)',
  columns: ['severity', 'rule', 'officer', 'message'].map((key) => ({ key, header: key[0]!.toUpperCase() + key.slice(1) })),
  rows: [1, 2, 3].map((n) => ({ severity: 'error', rule: 'ADM-ASN', officer: `Hadi Wibowo ${n} (3574********0110)`, message: SENTENCE })),
  heading: ['officer'],
};

/** A recap-like table: a name and twelve figures. */
const figures: Dataset = {
  title: 'KIM recap, Kota Probolinggo, Q4 2025 (as of 31 December 2025)',
  columns: [
    { key: 'district', header: 'District' },
    ...['Villages', 'With KIM', 'Coverage %', 'KIMs', 'With SK', 'Numbered', 'Compliant', 'New', 'Ended', 'Officers', 'Male', 'Female'].map((header, i) => ({
      key: `c${i}`,
      header,
      align: 'right' as const,
    })),
  ],
  rows: ['Kademangan', 'Wonoasih', 'Mayangan'].map((district, r) => ({ district, ...Object.fromEntries([...Array(12)].map((_, i) => [`c${i}`, `${r * 12 + i} (+${i})`])) })),
  total: { district: 'Total', ...Object.fromEntries([...Array(12)].map((_, i) => [`c${i}`, 100 + i])) },
  stack: true,
};

const words = (text: string) => text.replace(/[─│┌┐└┘├┤┬┴┼]/g, ' ').split(/\s+/).filter(Boolean);
const cellWords = (data: Dataset) =>
  [...data.rows, ...(data.total ? [data.total] : [])].flatMap((row) => data.columns.flatMap((c) => words(String(row[c.key] ?? ''))));

describe('renderTable on a terminal', () => {
  const DATA = { findings, figures };
  // [dataset, width, layout expected]
  it.each([
    ['findings', 160, 'table'],
    ['findings', 80, 'table'],
    ['findings', 40, 'blocks'],
    ['figures', 160, 'table'],
    ['figures', 100, 'stacked'],
    ['figures', 80, 'stacked'],
    ['figures', 60, 'blocks'],
  ] as const)('%s at %i columns: %s, no line wider, every cell word shown', (name, width, layout) => {
    const data = DATA[name];
    const out = renderTable(data, plain, { width });
    expect(out.split('\n').filter((line) => [...line].length > width)).toEqual([]);
    const shown = new Set(words(out));
    expect(cellWords(data).filter((w) => !shown.has(w))).toEqual([]);
    const tables = out.split('\n').filter((line) => line.startsWith('┌')).length;
    expect(tables).toBe({ table: 1, stacked: 2, blocks: 0 }[layout]);
    if (layout === 'stacked') expect(out.split('\n').filter((line) => line.startsWith('│ Kademangan'))).toHaveLength(2);
    if (layout === 'blocks') expect(out).toMatch(/^Kademangan$|^Hadi Wibowo 1 \(3574\*{8}0110\)/m);
  });

  it('keeps full rows without a width (a pipe, a file), wrapping nothing', () => {
    const out = renderTable(findings, plain);
    const rows = out.split('\n').filter((line) => line.includes('Hadi Wibowo'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(SENTENCE);
  });

  it('rules every row only when a row takes several lines', () => {
    const narrow = renderTable(findings, plain, { width: 100 });
    expect(narrow.split('\n').filter((line) => line.startsWith('├'))).toHaveLength(3);
    const wide = renderTable(figures, plain, { width: 200 });
    expect(wide.split('\n').filter((line) => line.startsWith('├'))).toHaveLength(1);
  });
});
