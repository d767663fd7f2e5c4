/** A table of data as every renderer takes it: the columns in order, then plain row objects. */
export interface Column {
  key: string;
  header: string;
  align?: 'left' | 'right';
  /** exceljs number format, e.g. '0', '0.0%'. */
  numFmt?: string;
  width?: number;
  /** Terminal table only: wrap the column at this many characters (long sentences). */
  tableWidth?: number;
}

export type Row = Record<string, unknown>;

export interface Dataset {
  title?: string;
  columns: Column[];
  rows: Row[];
  /** Printed last and emphasised (the recap's total). */
  total?: Row;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
