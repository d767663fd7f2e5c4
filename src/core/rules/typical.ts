/**
 * The validation pass's short cut. Nearly every officer of a large office is unremarkable: reading
 * each one's twelve values into JavaScript and running nine checks on them took most of a
 * validation (about 8 s of CPU at a million officers). SQLite instead tells, inside its own scan,
 * which officers are *typical*: those that no officer rule can flag. Only the others are read
 * and checked one by one, with the very same rules.
 *
 * The test is one-sided. "Typical" must imply "no officer rule finds anything"; the reverse need
 * not hold, and an officer written in an unusual but correct way (a phone as 0812-3456-7890, no
 * birth date) is simply checked the long way. test/rules/typical.test.ts holds both ways of
 * checking equal over a table of awkward officers.
 */
import { asnInOccupation } from './affiliation/asn.js';
import { memoize } from './affiliation/match.js';
import { namesVillageBody, ngoInText } from './affiliation/ngo.js';
import { isNone } from './affiliation/none.js';
import { partyInText } from './affiliation/party.js';

const SIXTEEN_DIGITS = `o.nik_key = o.nik AND length(o.nik) = 16`;

/**
 * True for an officer whose NIK, birth date, sex, age and phone pass DAT-NIK, DAT-NIK-MISMATCH,
 * ADM-AGE and DAT-PHONE; NULL or false otherwise. `@cutoff` is ageCutoff(). The columns judged by
 * word lists (occupation, NIP, party, NGO) are judged per KIM, from their distinct values, and a
 * NIK held in two KIMs (ADM-DUP-NIK) is known from the duplicate query.
 */
export const TYPICAL_OFFICER = `(
  -- DAT-NIK: nik_key holds the NIK's digits (nikKey), so this says: sixteen digits as written,
  -- no grouping, no spreadsheet notation; the serial 0000 is a rounded NIK.
  ${SIXTEEN_DIGITS} AND substr(o.nik, 13) <> '0000'
  -- ADM-AGE: old enough on the day of the run (an ISO date compares as text).
  AND o.birth_date_iso <= @cutoff AND date(o.birth_date_iso) = o.birth_date_iso
  -- DAT-NIK-MISMATCH, and DAT-NIK's date: the NIK's DDMMYY is the birth date's, 40 added to the
  -- day for a woman. A real date agreeing with it makes the NIK's date possible too.
  AND substr(o.nik, 9, 2) = substr(o.birth_date_iso, 6, 2)
  AND substr(o.nik, 11, 2) = substr(o.birth_date_iso, 3, 2)
  AND CASE o.sex
    WHEN 'M' THEN substr(o.nik, 7, 2) = substr(o.birth_date_iso, 9, 2)
    WHEN 'F' THEN substr(o.nik, 7, 2) - 40 = substr(o.birth_date_iso, 9, 2) + 0
    ELSE o.sex IS NULL AND (substr(o.nik, 7, 2) = substr(o.birth_date_iso, 9, 2) OR substr(o.nik, 7, 2) - 40 = substr(o.birth_date_iso, 9, 2) + 0)
  END
  -- DAT-PHONE: none, or a mobile number written as 08 and 8 to 11 more digits.
  AND (o.phone IS NULL OR (substr(o.phone, 1, 2) = '08' AND length(o.phone) BETWEEN 10 AND 13 AND trim(o.phone, '0123456789') = ''))
)`;

/** The latest birth date (ISO) at which an officer is `ageMin` years old on `today`, as ageOn() counts. */
export function ageCutoff(today: string, ageMin: number): string {
  return String(Number(today.slice(0, 4)) - ageMin).padStart(4, '0') + today.slice(4);
}

/** The affiliation columns, each with the test that a value of it can make no rule fire. */
const CLEAN: Record<'occupation' | 'nip' | 'party' | 'ngo', (value: string | null) => boolean> = {
  // ADM-ASN, ADM-PARTY and ADM-NGO all read the occupation.
  occupation: (v) => v === null || (asnInOccupation(v) === null && partyInText(v) === null && ngoInText(v) === null),
  // Any NIP makes ADM-ASN look further.
  nip: (v) => isNone(v),
  party: (v) => isNone(v) || namesVillageBody(v!),
  ngo: (v) => isNone(v) || namesVillageBody(v!),
};

export const AFFILIATION_COLUMNS = Object.keys(CLEAN) as (keyof typeof CLEAN)[];

/** Whether every value of a KIM's column (a JSON array, as json_group_array gives it) is clean. */
export const allClean: Record<keyof typeof CLEAN, (json: string) => boolean> = Object.fromEntries(
  AFFILIATION_COLUMNS.map((column) => [column, memoize((json: string) => (JSON.parse(json) as (string | null)[]).every(CLEAN[column]))]),
) as Record<keyof typeof CLEAN, (json: string) => boolean>;
