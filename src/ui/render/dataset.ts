/** A table of data as every renderer takes it: the columns in order, then plain row objects. */
export interface Column {
  key: string;
  header: string;
  align?: 'left' | 'right';
  /** exceljs number format, e.g. '0', '0.0%'. */
  numFmt?: string;
  width?: number;
  /** Terminal table only: wrap the column at this many characters (long sentences), even in a pipe. */
  tableWidth?: number;
}

export type Row = Record<string, unknown>;

export interface Dataset {
  title?: string;
  columns: Column[];
  rows: Row[];
  /** Printed last and emphasised (the recap's total). */
  total?: Row;
  /**
   * Terminal table only: the keys of the columns that name a row (the first column when not
   * given). On a terminal too narrow for every column, they head each row's block, and the
   * stacked tables of `stack` repeat them.
   */
  heading?: string[];
  /** Terminal table only: figures, which read well cut into two stacked tables before blocks. */
  stack?: boolean;
}

export function headingKeys(data: Pick<Dataset, 'columns' | 'heading'>): string[] {
  return data.heading ?? (data.columns[0] ? [data.columns[0].key] : []);
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}
