import { stringify } from 'csv-stringify/sync';
import type { RejectedRow } from './run.js';
import { maskNik } from '../ids/mask.js';
import type { MessageKey, Translate } from '../../ui/messages/index.js';
import { csvRecord } from '../../ui/render/csv.js';

/**
 * Why a row was rejected, in the clerk's words. On screen, in JSON and CSV output the NIK a reason
 * names is masked like every NIK kim prints; only the rejects file, which holds the row itself,
 * NIK and all, to be fixed and imported again, may name it whole.
 */
export function rejectionReason(t: Translate, r: RejectedRow, options: { wholeNik?: boolean } = {}): string {
  const nik = r.params.nik;
  const params = typeof nik === 'string' && !options.wholeNik ? { ...r.params, nik: maskNik(nik)! } : r.params;
  return t(`import.reject.${r.code}` as MessageKey, params);
}

/**
 * The rejected rows as a CSV a clerk can fix and import again: the file's own header and cells,
 * then the reason (with the row number) as a last column that the import ignores. UTF-8 with a
 * BOM and the source's delimiter, so Excel opens it as it opened the original.
 */
export function rejectsCsv(rows: RejectedRow[], t: Translate): string {
  const delimiter = rows[0]?.delimiter ?? ',';
  const header = rows[0]?.header ?? [];
  const records: string[][] = [[...header, t('import.rejectsHeader')]];
  for (const r of rows) {
    const cells = r.cells.length >= header.length ? r.cells : [...r.cells, ...Array<string>(header.length - r.cells.length).fill('')];
    records.push([...csvRecord(cells), `${t('import.rejectsRow')} ${r.row}: ${rejectionReason(t, r, { wholeNik: true })}`]);
  }
  return '\uFEFF' + stringify(records, { delimiter, record_delimiter: 'windows' });
}
