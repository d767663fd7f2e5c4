import { cellText, type Dataset } from './dataset.js';
import { neutraliseFormula } from './formula.js';

export interface CsvOptions {
  /** UTF-8 BOM and `;`, for Excel in an Indonesian locale. */
  excel?: boolean;
}

export type Delimiter = ',' | ';';

export const BOM = '\uFEFF';

/** The delimiter and line ending a CSV is written with: `--excel` means `;` and CRLF. */
export function csvDialect(options: CsvOptions): { delimiter: Delimiter; eol: string } {
  return options.excel ? { delimiter: ';', eol: '\r\n' } : { delimiter: ',', eol: '\n' };
}

export function csvRecord(values: unknown[]): string[] {
  return values.map((v) => neutraliseFormula(cellText(v)));
}

const QUOTE_COMMA = /[",\r\n]/;
const QUOTE_SEMICOLON = /[";\r\n]/;

/** One field as RFC 4180 wants it: quoted only when it holds the delimiter, a quote or a line break. */
export function csvField(text: string, delimiter: Delimiter): string {
  return (delimiter === ',' ? QUOTE_COMMA : QUOTE_SEMICOLON).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, without its line ending; formula-looking text neutralised. */
export function csvLine(values: unknown[], delimiter: Delimiter): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const text = typeof v === 'number' ? String(v) : neutraliseFormula(cellText(v));
    line += (i === 0 ? '' : delimiter) + csvField(text, delimiter);
  }
  return line;
}

export function renderCsv(data: Dataset, options: CsvOptions = {}): string {
  const { delimiter, eol } = csvDialect(options);
  const lines = [csvLine(data.columns.map((c) => c.header), delimiter)];
  for (const row of data.rows) lines.push(csvLine(data.columns.map((c) => row[c.key]), delimiter));
  if (data.total) lines.push(csvLine(data.columns.map((c) => data.total![c.key]), delimiter));
  const body = lines.join(eol) + eol;
  return options.excel ? BOM + body : body;
}
