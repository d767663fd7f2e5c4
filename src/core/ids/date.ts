import { usageError } from '../../errors.js';
import { own } from './own.js';

/**
 * Dates as clerks and Excel write them: 14/06/2023, 14-06-2023, 14.06.2023, 2023-06-14, 14 Juni
 * 2023, 14 Jun 2023, 14-Jun-23, 14-Agu-23 (Indonesian or English month names, with the common
 * abbreviations and the old spellings Pebruari/Nopember), 14/06/23, an Excel serial number
 * (45292), a date with a time (2024-11-12 00:00:00) and a weekday before it (Selasa, 12 November
 * 2024). Day first always in figures: Indonesian practice, never US order; a month written as a
 * word may come first, as an English-locale Excel writes it (Nov 12, 2024).
 */
const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, ags: 8, aug: 8, agust: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
};

const NUMERIC_DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
const NUMERIC_YMD = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/;
const WORDY = /^(\d{1,2})\s*[ .-]\s*([a-z]+)\.?\s*[ .,-]\s*(\d{4}|\d{2})$/;
// An English-locale Excel writes the month first: "Nov 12, 2024", "November 12, 2024".
const MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;
const WEEKDAY = /^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\s*,?\s*/;
// What Excel adds to a date cell formatted with a time: 00:00:00, 0:00, 12:30 PM, T00:00:00.000Z.
const TIME = /(?:\s+|t)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:am|pm)?\s*(?:z|[+-]\d{2}:?\d{2})?$/;
// A date cell formatted as General shows days since 1900 (Excel's 1900 system); only five-digit
// counts from 1927 to 2099 are read so, never a year or a small number.
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 73_050;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today as the checks see it: KIM_TODAY when a run pins it, else the machine's date. */
function defaultToday(): string {
  const pinned = process.env.KIM_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  const d = new Date();
  return toIso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

let today: string | undefined;

/**
 * The year of a two-digit year: the century that keeps the date from lying in the future
 * (12-Nov-24 is 2024; a birth date 05/03/98 is 1998).
 */
function fullYear(yy: number, month: number, day: number): number {
  today ??= defaultToday();
  const year = Math.floor(Number(today.slice(0, 4)) / 100) * 100 + yy;
  return toIso(year, month, day) > today ? year - 100 : year;
}

// A roster repeats the same dates (a birthday, an SK date on every row of its KIM), and there are
// only some 40,000 days in a century of birthdays: remembering answers spares most of the parsing.
const parsed = new Map<string, string | null>();
const PARSED_MAX = 50_000;

/** The ISO date (YYYY-MM-DD) a clerk meant, or null when the text is not a date. */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const known = parsed.get(text);
  if (known !== undefined) return known;
  if (parsed.size >= PARSED_MAX) parsed.clear();
  const iso = parseDateText(text);
  // The key outlives its row: a copy, so it does not pin the file chunk it came from.
  parsed.set(own(text), iso);
  return iso;
}

/**
 * What a text is written as: a day, month and year (whether or not that day exists), an Excel
 * serial number, or no date at all.
 */
function dateParts(text: string): { ymd: [y: number, m: number, d: number] } | { serial: number } | null {
  let s = text.trim().toLowerCase();
  // Excel's text marker, a weekday and a time are rare: most dates skip their regular expressions.
  if (s.charCodeAt(0) === 39) s = s.slice(1);
  if (s.charCodeAt(0) > 57) s = s.replace(WEEKDAY, '');
  if (s.length > 11) s = s.replace(TIME, '');
  s = s.replace(/\s+/g, ' ').trim();
  let m: number, d: number;
  let year: string;
  let match = NUMERIC_DMY.exec(s);
  if (match) [d, m, year] = [Number(match[1]), Number(match[2]), match[3]!];
  else if ((match = NUMERIC_YMD.exec(s))) [year, m, d] = [match[1]!, Number(match[2]), Number(match[3])];
  else if ((match = WORDY.exec(s))) {
    const month = MONTHS[match[2]!];
    if (!month) return null;
    [d, m, year] = [Number(match[1]), month, match[3]!];
  } else if ((match = MONTH_FIRST.exec(s))) {
    const month = MONTHS[match[1]!];
    if (!month) return null;
    [d, m, year] = [Number(match[2]), month, match[3]!];
  } else if ((match = SERIAL.exec(s))) return { serial: Number(match[1]) };
  else return null;
  return { ymd: [year.length === 2 ? fullYear(Number(year), m, d) : Number(year), m, d] };
}

function parseDateText(text: string): string | null {
  const parts = dateParts(text);
  if (parts === null) return null;
  if ('serial' in parts) return fromSerial(parts.serial);
  return isValidDate(...parts.ymd) ? toIso(...parts.ymd) : null;
}

/** Written as a date, but no such day: 31/02/2025, 2025-13-01. Said so, rather than "not recognised". */
export function isImpossibleDate(text: string): boolean {
  const parts = dateParts(text);
  return parts !== null && 'ymd' in parts && !isValidDate(...parts.ymd);
}

function fromSerial(serial: number): string | null {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  return new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date a clerk gave for something that has happened (a birth, a decree, an end): blank means
 * today; text that is not a date, or a day after today, is refused (exit 2) with `futureKey`'s
 * sentence for the latter.
 */
export function parsePastDate(text: string | undefined, today: string, futureKey: 'edit.futureDate' | 'end.futureDate'): string {
  if (text === undefined || text.trim() === '') return today;
  const iso = parseDate(text);
  if (iso === null) throw usageError(isImpossibleDate(text) ? 'error.impossibleDate' : 'error.badDate', { value: text });
  if (iso > today) throw usageError(futureKey, { value: text, date: iso, today });
  return iso;
}

/** The 4-digit years written inside a text, e.g. an SK number `400/89/425.106/2025`. */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
}
