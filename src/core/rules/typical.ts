/**
 * The validation pass's short cut. Nearly every officer of a large office is unremarkable: reading
 * each one's twelve values into JavaScript and running nine checks on them took most of a
 * validation (about 8 s of CPU at a million officers). Instead SQLite, inside its own scan,
 * joins the few values that decide it into one text per officer, and JavaScript tells from that
 * text which officers are *typical*: those that no officer rule can flag. Only the others are
 * read whole and checked one by one, with the very same rules.
 *
 * The test is one-sided. "Typical" must imply "no officer rule finds anything"; the reverse need
 * not hold, and an officer written in an unusual but correct way (a phone as 0812-3456-7890, no
 * birth date) is simply checked the long way. test/rules/typical.test.ts holds both ways of
 * checking equal, over a table of awkward officers and over random rosters.
 */
import { asnInOccupation, asnInStatus } from './affiliation/asn.js';
import { memoize } from './affiliation/match.js';
import { namesVillageBody, ngoInText } from './affiliation/ngo.js';
import { isNone } from './affiliation/none.js';
import { partyInText } from './affiliation/party.js';

/**
 * Each active officer of a KIM as one text, in the order of the scan: the NIK (16 characters), the
 * ISO birth date (10), the sex (M, F or - when unknown) and the phone (as written, maybe none),
 * or an empty text when the NIK or the birth date has another length. SQLite only joins values
 * here; judging them in JavaScript costs half what judging them in SQL did.
 */
export const OFFICER_KEY = `CASE WHEN length(o.nik) = 16 AND length(o.birth_date_iso) = 10
  THEN o.nik || o.birth_date_iso || ifnull(o.sex, '-') || ifnull(o.phone, '') ELSE '' END`;

/** The separator of the officers' texts in a KIM's list. */
export const KEY_SEPARATOR = '\x1e';

const ZERO = 48;
const NINE = 57;
const DASH = 45;
const isDigit = (c: number) => c >= ZERO && c <= NINE;
const twoDigits = (s: string, at: number) => (s.charCodeAt(at) - ZERO) * 10 + s.charCodeAt(at + 1) - ZERO;

function digitsOnly(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Whether s[at, at + 10) is a real date written YYYY-MM-DD. */
function isoDateAt(s: string, at: number): boolean {
  if (s.charCodeAt(at + 4) !== DASH || s.charCodeAt(at + 7) !== DASH) return false;
  if (!digitsOnly(s, at, at + 4) || !digitsOnly(s, at + 5, at + 7) || !digitsOnly(s, at + 8, at + 10)) return false;
  const year = Number(s.slice(at, at + 4));
  const month = twoDigits(s, at + 5);
  const day = twoDigits(s, at + 8);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!);
}

/**
 * Whether the officer text s[from, to) (see OFFICER_KEY) passes DAT-NIK, DAT-NIK-MISMATCH, ADM-AGE
 * and DAT-PHONE for certain. False means "check this officer the long way", not "wrong".
 */
export function typicalAt(s: string, from: number, to: number, cutoff: string): boolean {
  if (to - from < 27) return false;
  const iso = from + 16;
  const sex = s.charCodeAt(iso + 10);
  // DAT-NIK: sixteen digits as written (no grouping, no spreadsheet notation), serial not 0000.
  if (!digitsOnly(s, from, iso) || s.startsWith('0000', from + 12)) return false;
  // ADM-AGE: a real date, old enough on the day of the run (ISO dates compare as text).
  if (!isoDateAt(s, iso) || s.slice(iso, iso + 10) > cutoff) return false;
  // DAT-NIK-MISMATCH, and DAT-NIK's date: the NIK's DDMMYY is the birth date's, with 40 added to the
  // day for a woman. A real date agreeing with it makes the NIK's date possible too.
  if (twoDigits(s, from + 8) !== twoDigits(s, iso + 5) || twoDigits(s, from + 10) !== twoDigits(s, iso + 2)) return false;
  const nikDay = twoDigits(s, from + 6);
  const day = twoDigits(s, iso + 8);
  if (sex === 77 /* M */ ? nikDay !== day : sex === 70 /* F */ ? nikDay !== day + 40 : sex !== DASH || (nikDay !== day && nikDay !== day + 40)) return false;
  // DAT-PHONE: none, or a mobile number written as 08 and 8 to 11 more digits.
  const phone = iso + 11;
  const length = to - phone;
  return length === 0 || (length >= 10 && length <= 13 && s.startsWith('08', phone) && digitsOnly(s, phone, to));
}

/** The latest birth date (ISO) at which an officer is `ageMin` years old on `today`, as ageOn() counts. */
export function ageCutoff(today: string, ageMin: number): string {
  return String(Number(today.slice(0, 4)) - ageMin).padStart(4, '0') + today.slice(4);
}

const freeText = (v: string | null) => v === null || (asnInOccupation(v) === null && partyInText(v) === null && ngoInText(v) === null);

/** The affiliation columns, each with the test that a value of it can make no rule fire. */
const CLEAN: Record<'occupation' | 'nip' | 'party' | 'ngo', (value: string | null) => boolean> = {
  // ADM-ASN, ADM-PARTY and ADM-NGO all read the occupation (and the free notes, below).
  occupation: freeText,
  // Any NIP makes ADM-ASN look further.
  nip: (v) => isNone(v),
  party: (v) => isNone(v) || namesVillageBody(v!),
  ngo: (v) => isNone(v) || namesVillageBody(v!),
};

const UNIT = '\x1f';

/**
 * The employment status and the notes, as one "status␟notes" text per officer that has either.
 * Few rosters have these columns: one aggregate that skips empty officers costs a quarter of
 * what a DISTINCT list per column did (about 0.1 s at a million officers).
 */
const STATUS_AND_NOTES = `json_group_array(DISTINCT ifnull(o.employment_status, '') || char(31) || ifnull(o.notes, ''))
  FILTER (WHERE o.employment_status IS NOT NULL OR o.notes IS NOT NULL)`;

function cleanStatusAndNotes(text: string): boolean {
  const cut = text.indexOf(UNIT);
  // A value holding the separator itself cannot be split for sure: checked the long way.
  if (text.indexOf(UNIT, cut + 1) >= 0) return false;
  const status = text.slice(0, cut);
  const notes = text.slice(cut + 1);
  // A status that says ASN (or TNI/Polri) makes ADM-ASN look further; notes are read like the occupation.
  return (status === '' || isNone(status) || asnInStatus(status) === null) && (notes === '' || freeText(notes));
}

const listClean = (clean: (value: string) => boolean) => memoize((json: string) => (JSON.parse(json) as (string | null)[]).every((v) => clean(v as string)));

/**
 * What a KIM's page row lists of its officers' affiliations (SQL aggregates over its officers
 * `o`), each with the test that no value in the list (a JSON array) can make a rule fire.
 */
export const AFFILIATIONS: { sql: string; clean: (json: string) => boolean }[] = [
  ...(Object.keys(CLEAN) as (keyof typeof CLEAN)[]).map((column) => ({ sql: `json_group_array(DISTINCT o.${column})`, clean: listClean(CLEAN[column]) })),
  { sql: STATUS_AND_NOTES, clean: listClean(cleanStatusAndNotes) },
];
