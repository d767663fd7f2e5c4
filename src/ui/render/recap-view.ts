import type { Recap, RecapFigures } from '../../core/reports/recap.js';
import { RECAP_KEYS } from '../../core/reports/recap.js';
import { previousQuarter, ROMAN, type Quarter } from '../../core/reports/quarter.js';
import type { Lang, MessageKey, Translate } from '../messages/index.js';
import type { Column, Dataset, Row } from './dataset.js';
import { decimal, longDate, withChange } from './format.js';

export function recapTitle(t: Translate, lang: Lang, recap: Recap): string {
  return t('report.recap.title', {
    regency: recap.regency.name,
    roman: ROMAN[recap.quarter - 1],
    quarter: recap.quarter,
    year: recap.year,
    asOf: longDate(recap.asOf, lang),
  });
}

/** The recap as the contract's JSON document: its keys, in its order. */
export function recapJson(recap: Recap): unknown {
  const pick = (r: RecapFigures & { district?: string }, withDistrict: boolean) =>
    Object.fromEntries(RECAP_KEYS.filter((k) => withDistrict || k !== 'district').map((k) => [k, r[k as keyof typeof r]]));
  return {
    regency: recap.regency,
    year: recap.year,
    quarter: recap.quarter,
    asOf: recap.asOf,
    rows: recap.rows.map((r) => pick(r, true)),
    total: pick(recap.total, false),
  };
}

/** The recap's columns: the unit each row counts (a district, or a regency at the province), then the figures. */
export function recapColumns(t: Translate, unit: 'district' | 'regency'): Column[] {
  return RECAP_KEYS.map((key) => (key === 'district' ? unit : key)).map((key) => ({
    key,
    header: t(`report.col.${key}` as MessageKey),
    align: key === unit ? ('left' as const) : ('right' as const),
    numFmt: key === unit ? undefined : key === 'coveragePct' ? '0.0' : '0',
    width: key === unit ? 22 : 11,
  }));
}

/**
 * One row's figures. For people, coverage with the clerk's decimal comma; with `changes` (the
 * table only), each count that changed since the previous quarter shows it: "12 (+2)". A figure
 * not known (an office never merged) stays empty.
 */
export function figureCells(
  r: { [K in keyof RecapFigures]: RecapFigures[K] | null },
  before: RecapFigures | undefined,
  options: { lang: Lang; forPeople?: boolean; changes: boolean },
): Row {
  const row: Row = {};
  for (const key of RECAP_KEYS) {
    if (key === 'district') continue;
    const value = r[key];
    if (value === null) row[key] = null;
    else if (key === 'coveragePct') row[key] = options.forPeople ? decimal(value, options.lang) : value;
    else if (options.changes && key !== 'villages') row[key] = withChange(value, before?.[key]);
    else row[key] = value;
  }
  return row;
}

/**
 * The recap as a dataset for csv, md, xlsx and the terminal table. With `previous` (the table
 * only), each count that changed since the previous quarter shows the change: "12 (+2)".
 */
export function recapDataset(t: Translate, lang: Lang, recap: Recap, options: { previous?: Recap; forPeople?: boolean } = {}): Dataset {
  const { previous, forPeople } = options;
  const how = { lang, forPeople, changes: previous !== undefined };
  const before = new Map(previous?.rows.map((r) => [r.districtCode, r]));
  return {
    title: recapTitle(t, lang, recap),
    columns: recapColumns(t, 'district'),
    rows: recap.rows.map((r) => ({ district: r.district, ...figureCells(r, before.get(r.districtCode), how) })),
    total: { district: t('word.total'), ...figureCells(recap.total, previous?.total, how) },
    stack: true,
  };
}

/** The note under the table naming the quarter the changes are measured against. */
export function changesNote(t: Translate, quarter: Quarter): string {
  const p = previousQuarter(quarter);
  return t('report.recap.changes', { roman: ROMAN[p.quarter - 1], quarter: p.quarter, year: p.year });
}
