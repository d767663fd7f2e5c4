import type { Recap, RecapFigures } from '../../core/reports/recap.js';
import { RECAP_KEYS } from '../../core/reports/recap.js';
import { previousQuarter, ROMAN } from '../../core/reports/quarter.js';
import type { Lang, MessageKey, Translate } from '../messages/index.js';
import type { Dataset, Row } from './dataset.js';
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

/**
 * The recap as a dataset for csv, md, xlsx and the terminal table. With `previous` (the table
 * only), each count that changed since the previous quarter shows the change: "12 (+2)".
 */
export function recapDataset(t: Translate, lang: Lang, recap: Recap, options: { previous?: Recap; forPeople?: boolean } = {}): Dataset {
  const { previous, forPeople } = options;
  const columns = RECAP_KEYS.map((key) => ({
    key,
    header: t(`report.col.${key}` as MessageKey),
    align: key === 'district' ? ('left' as const) : ('right' as const),
    numFmt: key === 'district' ? undefined : key === 'coveragePct' ? '0.0' : '0',
    width: key === 'district' ? 22 : 11,
  }));
  const cells = (r: RecapFigures, before: RecapFigures | undefined, district: string): Row => {
    const row: Row = { district };
    for (const key of RECAP_KEYS) {
      if (key === 'district') continue;
      const value = r[key];
      if (key === 'coveragePct') row[key] = forPeople ? decimal(value as number | null, lang) : value;
      else if (previous && key !== 'villages') row[key] = withChange(value as number, before?.[key] as number | undefined);
      else row[key] = value;
    }
    return row;
  };
  const before = new Map(previous?.rows.map((r) => [r.districtCode, r]));
  return {
    title: recapTitle(t, lang, recap),
    columns,
    rows: recap.rows.map((r) => cells(r, before.get(r.districtCode), r.district)),
    total: cells(recap.total, previous?.total, t('word.total')),
    stack: true,
  };
}

/** The note under the table naming the quarter the changes are measured against. */
export function changesNote(t: Translate, recap: Recap): string {
  const p = previousQuarter(recap);
  return t('report.recap.changes', { roman: ROMAN[p.quarter - 1], quarter: p.quarter, year: p.year });
}
