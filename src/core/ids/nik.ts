/**
 * The NIK (Nomor Induk Kependudukan) of a KTP: 16 digits = region (6) + birth date DDMMYY, with 40
 * added to DD for women + serial (4). Spreadsheets damage it in two recognisable ways: scientific
 * notation (`3.57403E+15`) and rounding to 15 significant digits, which shows for certain only when
 * it leaves the serial 0000 (serials start at 0001).
 */
export interface Nik {
  digits: string;
  region: string;
  day: number;
  month: number;
  /** Two-digit year: the NIK does not say the century. */
  yy: number;
  sex: 'M' | 'F';
  serial: string;
}

export type NikProblem = 'missing' | 'scientific' | 'notDigits' | 'length' | 'birthDate' | 'serialZero';

export type NikResult = { ok: true; nik: Nik } | { ok: false; problem: NikProblem; digits?: number };

const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;
// Clerks group digits for reading ("3574 0411 1273 0101"); Excel's text marker is a leading quote.
const SEPARATORS = /[\s.\-]/g;

/** A NIK as written with its grouping and Excel's text marker taken away. */
function ungrouped(text: string): string {
  return unmarked(text).replace(SEPARATORS, '');
}

/** A NIK as written, trimmed, without Excel's text marker. */
function unmarked(text: string): string {
  return text.trim().replace(/^'/, '');
}

/**
 * The digits of a NIK when it is only digits, grouped or not, as parseNik reads it: the key an
 * officer is known by. A NIK mangled into 3.57403E+15 has no key: it cannot identify anyone.
 */
export function nikKey(nik: string | undefined | null): string | null {
  if (!nik) return null;
  const digits = ungrouped(nik);
  return /^\d+$/.test(digits) ? digits : null;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether DD-MM of a two-digit year can be a birth date: 29 February only when YY is a leap year in either century. */
export function isPossibleBirthDay(day: number, month: number, yy: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return yy % 4 === 0;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

let lastText: string | null | undefined;
let lastResult: NikResult | undefined;

/** Several rules read the same officer's NIK in a row; the last answer is kept for them. */
export function parseNik(text: string | null | undefined): NikResult {
  if (lastResult !== undefined && text === lastText) return lastResult;
  lastText = text;
  return (lastResult = parseNikText(text));
}

function parseNikText(text: string | null | undefined): NikResult {
  const raw = unmarked(text ?? '');
  if (raw === '') return { ok: false, problem: 'missing' };
  const compact = raw.replace(/\s/g, '');
  if (SCIENTIFIC.test(compact)) return { ok: false, problem: 'scientific' };
  const digits = raw.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  if (digits.length !== 16) return { ok: false, problem: 'length', digits: digits.length };
  const rawDay = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const yy = Number(digits.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  // 32–40 is neither a man's nor a woman's day; 72+ overflows a woman's.
  if ((rawDay > 31 && rawDay < 41) || !isPossibleBirthDay(day, month, yy)) return { ok: false, problem: 'birthDate' };
  const serial = digits.slice(12);
  if (serial === '0000') return { ok: false, problem: 'serialZero' };
  return { ok: true, nik: { digits, region: digits.slice(0, 6), day, month, yy, sex: female ? 'F' : 'M', serial } };
}

/**
 * The birth date a NIK encodes, as ISO: the century is the latest one that does not put the
 * birth after `today` (a NIK holder is alive, and nobody on a roster is over a hundred).
 */
export function nikBirthDate(nik: Nik, today: string): string {
  const thisYear = Number(today.slice(0, 4));
  let year = Math.floor(thisYear / 100) * 100 + nik.yy;
  const iso = (y: number) => `${y}-${String(nik.month).padStart(2, '0')}-${String(nik.day).padStart(2, '0')}`;
  if (iso(year) > today) year -= 100;
  // 29 February of 1900 never existed; such a NIK must be from 2000.
  if (nik.month === 2 && nik.day === 29 && year % 400 !== 0 && year % 100 === 0) year += 100;
  return iso(year);
}

/** The NIK's date as DD-MM-YY, how a clerk compares it with the KTP. */
export function nikDateText(nik: Nik): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(nik.day)}-${two(nik.month)}-${two(nik.yy)}`;
}
