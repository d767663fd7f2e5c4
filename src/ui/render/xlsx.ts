import ExcelJS from 'exceljs';
import { cellText, type Dataset } from './dataset.js';
import { neutraliseFormula } from './formula.js';

/**
 * One sheet, ready to print: a title row, a bold header, number formats, widths, the total row
 * emphasised, A4 landscape fitted to the page width. Text cells are written as strings, never
 * formulas, and formula-looking text is neutralised all the same for the next program to read it.
 */
export async function writeXlsx(data: Dataset, file: string, sheetName = 'kim'): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kim';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  let first = 1;
  if (data.title) {
    sheet.addRow([data.title]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, Math.max(1, data.columns.length));
    first = 2;
  }
  const header = sheet.addRow(data.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const add = (row: Record<string, unknown>) =>
    sheet.addRow(
      data.columns.map((c) => {
        const v = row[c.key];
        if (typeof v === 'number') return v;
        if (v === null || v === undefined) return null;
        return neutraliseFormula(cellText(v));
      }),
    );
  for (const row of data.rows) add(row);
  if (data.total) {
    const total = add(data.total);
    total.font = { bold: true };
    total.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  }
  data.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.numFmt) column.numFmt = c.numFmt;
    const longest = Math.max(c.header.length, ...data.rows.slice(0, 500).map((r) => cellText(r[c.key]).length));
    column.width = c.width ?? Math.min(60, Math.max(8, longest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: first }];
  sheet.pageSetup.printTitlesRow = `${first}:${first}`;
  await workbook.xlsx.writeFile(file);
}
