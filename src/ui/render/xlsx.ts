import type { Workbook, Worksheet } from 'exceljs';
import { cellText, type Column, type Dataset } from './dataset.js';
import { neutraliseFormula } from './formula.js';

// exceljs takes a third of a second to load: only the commands that write xlsx pay for it.
async function excel() {
  return (await import('exceljs')).default;
}

/** Excel's own limit, header included. */
export const XLSX_MAX_ROWS = 1_048_576;

const PAGE_SETUP = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;

/**
 * A cell value as a spreadsheet should get it: numbers and booleans as themselves, text never as
 * a formula (formula-looking text gets the same leading apostrophe as in CSV).
 */
export function xlsxValue(v: unknown): string | number | boolean | null {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return null;
  return neutraliseFormula(cellText(v));
}

/** A heading longer than this wraps inside its cell rather than widening its column further. */
const HEADING_MAX = 28;

/**
 * A column's width in Excel's units (about one digit each): what the column asks for or its
 * widest sampled cell, but never narrower than its heading (a printed "Memenuhi s" helps nobody),
 * or, for a heading too long for that, than its longest word: it wraps.
 */
export function columnWidth(c: Column, sample: unknown[]): number {
  const longest = sample.reduce<number>((w, v) => Math.max(w, cellText(v).length), 0);
  const base = c.width ?? Math.min(60, Math.max(8, longest + 2));
  const heading = c.header.length <= HEADING_MAX ? c.header.length : Math.max(...c.header.split(/\s+/).map((w) => w.length));
  return Math.max(base, heading + 2);
}

function styleHeader(sheet: Worksheet, rowNumber: number): void {
  const header = sheet.getRow(rowNumber);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** The title in the first row, bold and larger, across the table's width. */
function addTitle(sheet: Worksheet, title: string, columns: number): void {
  const row = sheet.addRow([title]);
  row.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(1, columns));
}

/**
 * One sheet, ready to print: a title row, a bold header, number formats, widths, the total row
 * emphasised, A4 landscape fitted to the page width.
 */
export async function writeXlsx(data: Dataset, file: string, sheetName = 'kim'): Promise<void> {
  const ExcelJS = await excel();
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'kim';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { pageSetup: { ...PAGE_SETUP } });
  let first = 1;
  if (data.title) {
    addTitle(sheet, data.title, data.columns.length);
    first = 2;
  }
  sheet.addRow(data.columns.map((c) => c.header));
  styleHeader(sheet, first);
  const add = (row: Record<string, unknown>) => sheet.addRow(data.columns.map((c) => xlsxValue(row[c.key])));
  for (const row of data.rows) add(row);
  if (data.total) {
    const total = add(data.total);
    total.font = { bold: true };
    total.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  }
  data.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.numFmt) column.numFmt = c.numFmt;
    column.width = columnWidth(c, data.rows.slice(0, 500).map((r) => r[c.key]));
  });
  sheet.views = [{ state: 'frozen', ySplit: first }];
  sheet.pageSetup.printTitlesRow = `${first}:${first}`;
  await workbook.xlsx.writeFile(file);
}

/**
 * Streams rows into an xlsx file (exceljs' streaming writer) under a title row: each row is
 * written out as it comes, so a million officers take no more memory than a hundred. Returns the
 * rows written.
 */
export async function writeXlsxStream(
  file: string,
  table: { title: string; columns: Column[] },
  rows: Iterable<unknown[]>,
  sheetName = 'kim',
): Promise<number> {
  const { title, columns } = table;
  const ExcelJS = await excel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'kim';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: { ...PAGE_SETUP, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: columnWidth(c, []), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  addTitle(sheet, title, columns.length);
  sheet.getRow(1).commit();
  sheet.addRow(columns.map((c) => c.header));
  styleHeader(sheet, 2);
  sheet.getRow(2).commit();
  let count = 0;
  for (const values of rows) {
    sheet.addRow(values.map(xlsxValue)).commit();
    // Let the zip stream flush to disk now and then instead of queueing the whole sheet.
    if (++count % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
