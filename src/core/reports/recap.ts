import type { Db } from '../../db/connection.js';
import { officeRegencyCode, regionName } from '../../db/regions.js';
import { usageError } from '../../errors.js';
import { titleCase } from '../regions/reference.js';
import { refreshValidation, type Revalidate } from './freshness.js';
import { quarterBounds, type Quarter } from './quarter.js';
import { OFFICE_RECAP_SQL, RECAP_SQL, type RecapSqlRow } from './recap-sql.js';

/** The contract's recap columns, in its order; also the JSON keys of each row. */
export const RECAP_KEYS = [
  'district', 'villages', 'villagesWithKim', 'coveragePct', 'kims', 'withSk', 'numbered', 'compliant',
  'newInQuarter', 'endedInQuarter', 'officers', 'officersMale', 'officersFemale',
] as const;

export type RecapFigureKey = Exclude<(typeof RECAP_KEYS)[number], 'district' | 'coveragePct'>;
export type RecapFigures = Record<RecapFigureKey, number> & { coveragePct: number | null };
export type RecapRow = RecapFigures & { district: string; districtCode: string };

export interface Recap {
  regency: { code: string; name: string };
  year: number;
  quarter: Quarter['quarter'];
  asOf: string;
  start: string;
  rows: RecapRow[];
  total: RecapFigures;
  /** Counted KIMs that could not be placed in a district of the regency, left out of the rows. */
  unplaced: number;
  /** Communities validated again because their stored result was older than their data. */
  revalidated: number;
}

/** The local UTC offset on a day, as an SQLite date modifier: '+420 minutes' in WIB. */
export function utcOffsetModifier(day: string): string {
  const minutes = -new Date(`${day}T12:00:00`).getTimezoneOffset();
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}

/** Villages with a KIM as a percentage of all villages, one decimal; null without villages. */
export function coverage(withKim: number, villages: number): number | null {
  return villages > 0 ? Math.round((1000 * withKim) / villages) / 10 : null;
}

function figures(r: RecapSqlRow): RecapFigures {
  return {
    villages: r.villages,
    villagesWithKim: r.villages_with_kim,
    coveragePct: coverage(r.villages_with_kim, r.villages),
    kims: r.kims,
    withSk: r.with_sk,
    numbered: r.numbered,
    compliant: r.compliant,
    newInQuarter: r.new_in_quarter,
    endedInQuarter: r.ended_in_quarter,
    officers: r.officers,
    officersMale: r.male,
    officersFemale: r.female,
  };
}

export function sumFigures(rows: RecapFigures[]): RecapFigures {
  const keys = RECAP_KEYS.filter((k): k is RecapFigureKey => k !== 'district' && k !== 'coveragePct');
  const total = Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<RecapFigureKey, number>;
  return { ...total, coveragePct: coverage(total.villagesWithKim, total.villages) };
}

/**
 * The quarterly recap as of the quarter's last day: one row per district of the office's
 * regency (also those without any KIM) and their total. When `revalidate` is given, counted
 * communities whose stored validation is out of date are validated again first. In a provincial
 * database, `office` (a regency code) gives that office's recap from its merged KIMs.
 */
export function computeRecap(db: Db, q: Quarter, options: { revalidate?: Revalidate; office?: string } = {}): Recap {
  const regencyCode = options.office ?? officeRegencyCode(db);
  if (!regencyCode) throw usageError('regions.noRegency');
  const bounds = quarterBounds(q);
  const statement = db.prepare(options.office ? OFFICE_RECAP_SQL : RECAP_SQL);
  const params = {
    asOf: bounds.asOf, start: bounds.start, regency: regencyCode, tz: utcOffsetModifier(bounds.asOf), ...(options.office && { office: options.office }),
  };
  let result = statement.all(params) as RecapSqlRow[];
  let revalidated = 0;
  if (options.revalidate && result.some((r) => r.code !== null && r.outdated > 0)) {
    revalidated = refreshValidation(db, options.revalidate);
    result = statement.all(params) as RecapSqlRow[];
  }
  const rows: RecapRow[] = result
    .filter((r) => r.code !== null)
    .map((r) => ({ district: titleCase(r.name ?? r.code!), districtCode: r.code!, ...figures(r) }));
  return {
    regency: { code: regencyCode, name: titleCase(regionName(db, regencyCode) ?? regencyCode) },
    year: q.year,
    quarter: q.quarter,
    asOf: bounds.asOf,
    start: bounds.start,
    rows,
    total: sumFigures(rows),
    unplaced: result.find((r) => r.code === null)?.kims ?? 0,
    revalidated,
  };
}
