/** A calendar quarter as the office reports it (triwulan I–IV). */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface QuarterBounds extends Quarter {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD: the recap is "as of" this day. */
  asOf: string;
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;
const FIRST_DAY = ['01-01', '04-01', '07-01', '10-01'] as const;

export function quarterBounds(q: Quarter): QuarterBounds {
  const y = String(q.year).padStart(4, '0');
  return { ...q, start: `${y}-${FIRST_DAY[q.quarter - 1]}`, asOf: `${y}-${LAST_DAY[q.quarter - 1]}` };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: (q.quarter - 1) as Quarter['quarter'] };
}

/** The --year option: four digits; undefined when it is not one. */
export function parseYear(text: unknown): number | undefined {
  const y = String(text ?? '').trim();
  return /^\d{4}$/.test(y) && Number(y) >= 1900 ? Number(y) : undefined;
}

/** The --quarter option: 1-4, also written Q3 or III as clerks do; undefined otherwise. */
export function parseQuarterNumber(text: unknown): Quarter['quarter'] | undefined {
  const q = String(text ?? '').trim().toUpperCase().replace(/^(Q|TW)/, '');
  const roman: Record<string, Quarter['quarter']> = { I: 1, II: 2, III: 3, IV: 4 };
  if (roman[q]) return roman[q];
  return /^[1-4]$/.test(q) ? (Number(q) as Quarter['quarter']) : undefined;
}

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;
