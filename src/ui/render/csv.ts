import { stringify } from 'csv-stringify/sync';
import { cellText, type Dataset } from './dataset.js';
import { neutraliseFormula } from './formula.js';

export interface CsvOptions {
  /** UTF-8 BOM and `;`, for Excel in an Indonesian locale. */
  excel?: boolean;
}

export function csvRecord(values: unknown[]): string[] {
  return values.map((v) => neutraliseFormula(cellText(v)));
}

export function renderCsv(data: Dataset, options: CsvOptions = {}): string {
  const records = [data.columns.map((c) => c.header)];
  for (const row of data.rows) records.push(csvRecord(data.columns.map((c) => row[c.key])));
  if (data.total) records.push(csvRecord(data.columns.map((c) => data.total![c.key])));
  const body = stringify(records, { delimiter: options.excel ? ';' : ',', record_delimiter: options.excel ? 'windows' : 'unix' });
  return options.excel ? '\uFEFF' + body : body;
}
