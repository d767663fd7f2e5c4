import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kim, sampleOffice, scratchDir } from '../helpers/cli.js';

const env = { KIM_TODAY: '2026-01-10' };

const XLSX: [string, string[], string | RegExp][] = [
  ['the recap in Indonesian', ['report', 'recap', '--year', '2025', '--quarter', '4', '--lang', 'id'], 'Rekap KIM Kota Probolinggo Triwulan IV Tahun 2025 (keadaan 31 Desember 2025)'],
  ['the recap in English', ['report', 'recap', '--year', '2025', '--quarter', '4'], 'KIM recap, Kota Probolinggo, Q4 2025 (as of 31 December 2025)'],
  ['the follow-up list', ['report', 'findings', '--lang', 'id'], 'KIM dengan masalah terbuka, Kota Probolinggo (per 10 Januari 2026)'],
  ['kim list', ['list', '--lang', 'id'], 'Daftar KIM Kota Probolinggo (per 10 Januari 2026)'],
  ['the export of communities', ['export', 'communities', '--lang', 'id'], 'Daftar KIM Kota Probolinggo (per 10 Januari 2026)'],
  ['the export of officers', ['export', 'officers'], 'KIM officers of Kota Probolinggo (as of 10 January 2026)'],
];

describe('every xlsx kim writes prints', () => {
  const dir = scratchDir('kim-xlsx-');
  beforeAll(() => {
    sampleOffice(dir, env);
  });

  it.each(XLSX)('%s: title above, headings whole, header frozen, landscape one page wide', async (name, args, title) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    const r = kim([...args, '--out', file], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toEqual(title);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    const headings = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    expect(headings.length).toBeGreaterThan(3);
    // The title spans the table.
    expect(sheet.getCell(1, headings.length).isMerged).toBe(true);
    headings.forEach((heading, i) => {
      const width = sheet.getColumn(i + 1).width!;
      const wraps = sheet.getCell(2, i + 1).alignment?.wrapText === true;
      const longestWord = Math.max(...heading.split(/\s+/).map((w) => w.length));
      expect(width >= heading.length || (wraps && width >= longestWord), `${heading}: width ${width}`).toBe(true);
      expect(sheet.getCell(2, i + 1).font?.bold).toBe(true);
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
  });
});
