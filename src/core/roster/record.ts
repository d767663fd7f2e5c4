import { parseDate } from '../ids/date.js';
import type { ColumnTarget, Field, RosterRecord } from './fields.js';

export type RejectCode = 'noCommunityName' | 'noOfficerName' | 'tooManyCells' | 'tooFewCells' | 'brokenQuoting' | 'lineTooLong' | 'nikConflict' | 'numberTaken' | 'numberMismatch' | 'invalidCharacter';

export interface Rejection {
  row: number;
  column: Field | null;
  code: RejectCode;
  params: Record<string, string | number>;
  /** The row's cells as read (or its raw text when it could not be split), for the rejects file. */
  cells: string[];
}

const FORMULA_START = /^'[=+\-@\t\r]/;
const DATE_AT_END = /(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})\s*$/;

/** "Probolinggo, 11-12-1973" → place and date; a value without a recognisable date is all place. */
export function splitPlaceDate(text: string): { place?: string; date?: string } {
  const m = DATE_AT_END.exec(text);
  if (m) {
    const place = text.slice(0, m.index).replace(/[\s,;/-]+$/, '').trim();
    return { place: place || undefined, date: m[1]!.trim() };
  }
  const comma = text.lastIndexOf(',');
  if (comma > 0) return { place: text.slice(0, comma).trim() || undefined, date: text.slice(comma + 1).trim() || undefined };
  return { place: text.trim() || undefined };
}

// A date as Excel or a clerk writes it, at the end of a combined cell: 12-11-2024, 12/11/24,
// 12 November 2024, 12-Nov-24, 2024-11-12.
const DATE_TAIL = /(?<=^|[\s,;(:])(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[\s.-]+[A-Za-z]+\.?[\s.,-]+\d{2,4})\s*\)?\s*$/;
const DATE_WORD = /[\s,;/(-]*\b(?:tgl|tanggal|tertanggal|tg|date|dated)\b\.?\s*:?\s*$/i;

/**
 * "140/12/SK/2024 tgl 12-11-2024", "Nomor: 140/12/SK/2024, 12 November 2024" → the SK's number and
 * date. A cell without a date at its end is all number.
 */
export function splitNumberDate(text: string): { number?: string; date?: string } {
  const found = DATE_TAIL.exec(text);
  const m = found && parseDate(found[1]) ? found : null;
  const head = m ? text.slice(0, m.index) : text;
  const number = head.replace(DATE_WORD, '').replace(/[\s,;/(-]+$/, '').trim();
  // A cell that is only "-" says "no SK" as written: kept so, for the rule to read.
  return { number: number || (m ? undefined : text.trim() || undefined), date: m?.[1]!.trim() };
}

export interface Layout {
  targets: (ColumnTarget | null)[];
  /** Cells in the header row, trailing blanks included. */
  width: number;
  /** Up to the last named heading: a row may omit the empty columns after it. */
  required: number;
  /** Whether the header ends on a heading: then no row may be wider, even with blank cells. */
  closed?: boolean;
}

/**
 * Turns one non-blank row's cells into a roster record, or says why its cells cannot be read.
 * Whether it names a KIM and an officer is the table's to judge, after merged cells are carried.
 */
// What Excel shows in a cell whose formula failed: no value of the clerk's.
const EXCEL_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

export function buildRecord(row: number, cells: string[], layout: Layout): { record: RosterRecord; excelErrors: number } | { reject: Rejection } {
  if (cells.length > layout.width && (layout.closed || cells.slice(layout.width).some((c) => c.trim() !== ''))) {
    return { reject: { row, column: null, code: 'tooManyCells', params: { count: cells.length, expected: layout.width }, cells } };
  }
  if (cells.length < layout.required) {
    return { reject: { row, column: null, code: 'tooFewCells', params: { count: cells.length, expected: layout.required }, cells } };
  }
  const record: RosterRecord = {};
  const n = Math.min(cells.length, layout.targets.length);
  let excelErrors = 0;
  for (let i = 0; i < n; i++) {
    const target = layout.targets[i];
    if (!target || target === '_ignore') continue;
    let value = cells[i]!.trim();
    if (value === '') continue;
    if (value.charCodeAt(0) === 35 && EXCEL_ERROR.test(value)) {
      excelErrors++;
      continue;
    }
    if (value.includes('\u0000')) value = value.replace(/\u0000/g, '').trim();
    // Undo the apostrophe kim's own rejects file and exports put before formula-like text.
    if (value.charCodeAt(0) === 39 && FORMULA_START.test(value)) value = value.slice(1);
    if (target === 'birth_place_date') {
      const { place, date } = splitPlaceDate(value);
      if (place && !record.birth_place) record.birth_place = place;
      if (date && !record.birth_date) record.birth_date = date;
      continue;
    }
    if (target === 'sk_number_date') {
      const { number, date } = splitNumberDate(value);
      if (number && !record.sk_number) record.sk_number = number;
      if (date && !record.sk_date) record.sk_date = date;
      continue;
    }
    record[target] = value;
  }
  return { record, excelErrors };
}
