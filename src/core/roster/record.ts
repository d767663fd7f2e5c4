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

export interface Layout {
  targets: (ColumnTarget | null)[];
  /** Cells in the header row, trailing blanks included. */
  width: number;
  /** Up to the last named heading: a row may omit the empty columns after it. */
  required: number;
}

/** Turns one row's cells into a roster record, or says why the row cannot be used. */
export function buildRecord(row: number, cells: string[], layout: Layout): { record: RosterRecord } | { reject: Rejection } | null {
  let blank = true;
  for (const c of cells) if (c.trim() !== '') { blank = false; break; }
  if (blank) return null;
  if (cells.length > layout.width && cells.slice(layout.width).some((c) => c.trim() !== '')) {
    return { reject: { row, column: null, code: 'tooManyCells', params: { count: cells.length, expected: layout.width }, cells } };
  }
  if (cells.length < layout.required) {
    return { reject: { row, column: null, code: 'tooFewCells', params: { count: cells.length, expected: layout.required }, cells } };
  }
  const record: RosterRecord = {};
  const n = Math.min(cells.length, layout.targets.length);
  for (let i = 0; i < n; i++) {
    const target = layout.targets[i];
    if (!target || target === '_ignore') continue;
    let value = cells[i]!.trim();
    if (value === '') continue;
    if (value.includes('\u0000')) value = value.replace(/\u0000/g, '').trim();
    // Undo the apostrophe kim's own rejects file and exports put before formula-like text.
    if (value.charCodeAt(0) === 39 && FORMULA_START.test(value)) value = value.slice(1);
    if (target === 'birth_place_date') {
      const { place, date } = splitPlaceDate(value);
      if (place && !record.birth_place) record.birth_place = place;
      if (date && !record.birth_date) record.birth_date = date;
      continue;
    }
    record[target] = value;
  }
  if (!record.kim_name) return { reject: { row, column: 'kim_name', code: 'noCommunityName', params: {}, cells } };
  if (!record.officer_name) return { reject: { row, column: 'officer_name', code: 'noOfficerName', params: {}, cells } };
  return { record };
}
