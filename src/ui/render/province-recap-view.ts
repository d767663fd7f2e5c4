import { localDate } from '../../context.js';
import type { ProvinceRecap } from '../../core/reports/province-recap.js';
import { RECAP_KEYS } from '../../core/reports/recap.js';
import { ROMAN } from '../../core/reports/quarter.js';
import type { Lang, Translate } from '../messages/index.js';
import type { Dataset } from './dataset.js';
import { longDate } from './format.js';
import { figureCells, recapColumns } from './recap-view.js';

export function provinceRecapTitle(t: Translate, lang: Lang, recap: ProvinceRecap): string {
  return t('report.recap.title', {
    regency: t('report.recap.province', { name: recap.province.name }),
    roman: ROMAN[recap.quarter - 1],
    quarter: recap.quarter,
    year: recap.year,
    asOf: longDate(recap.asOf, lang),
  });
}

/**
 * The contract's JSON: each row has the recap's keys (`district` null: the row is a whole
 * regency) plus `regency` and `mergedAt`; an office never merged has null figures but its villages.
 */
export function provinceRecapJson(recap: ProvinceRecap): unknown {
  const figures = (f: object) => Object.fromEntries(RECAP_KEYS.filter((k) => k !== 'district').map((k) => [k, (f as Record<string, unknown>)[k]]));
  return {
    province: recap.province,
    year: recap.year,
    quarter: recap.quarter,
    asOf: recap.asOf,
    rows: recap.rows.map((r) => ({ regency: r.regency, mergedAt: r.mergedAt, district: null, ...figures(r.figures) })),
    total: figures(recap.total),
  };
}

/** One row per regency, with the day its office was last merged; the table shows changes since `previous`. */
export function provinceRecapDataset(t: Translate, lang: Lang, recap: ProvinceRecap, options: { previous?: ProvinceRecap; forPeople?: boolean } = {}): Dataset {
  const { previous, forPeople } = options;
  const how = { lang, forPeople, changes: previous !== undefined };
  const before = new Map(previous?.rows.filter((r) => r.mergedAt !== null).map((r) => [r.regency.code, r.figures as ProvinceRecap['total']]));
  const merged = (at: string | null) => (at === null ? (forPeople ? t('report.recap.notMerged') : null) : forPeople ? longDate(localDate(new Date(at)), lang) : at);
  return {
    title: provinceRecapTitle(t, lang, recap),
    columns: [...recapColumns(t, 'regency'), { key: 'mergedAt', header: t('report.col.mergedAt'), width: 18 }],
    rows: recap.rows.map((r) => ({ regency: r.regency.name, ...figureCells(r.figures, before.get(r.regency.code), how), mergedAt: merged(r.mergedAt) })),
    total: { regency: t('word.total'), ...figureCells(recap.total, previous?.total, how), mergedAt: null },
  };
}
