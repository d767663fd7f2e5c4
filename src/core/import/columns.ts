import { parseDate } from '../ids/date.js';
import { nikKey, parseNik } from '../ids/nik.js';
import { foldText, personKey } from '../ids/names.js';
import { parseSex } from '../ids/values.js';
import type { RosterRecord } from '../roster/fields.js';

/**
 * How roster fields land in table columns. Values are stored as written; the derived columns
 * (ISO dates, sex, keys) are recomputed whenever their source is written.
 */
export const COMMUNITY_FIELDS = [
  ['regency', 'regency_text'],
  ['district', 'district_text'],
  ['village', 'village_text'],
  ['address', 'address'],
  ['sk_number', 'sk_number'],
  ['sk_date', 'sk_date'],
  ['sk_issuer', 'sk_issuer'],
  ['acknowledged', 'acknowledged'],
  ['founded_date', 'founded_date'],
] as const;

/** Columns that identify a community: written once when it is created, never overwritten by a later spelling. */
export const COMMUNITY_IDENTITY_COLUMNS = new Set(['regency_text', 'district_text', 'village_text']);

type Values = Record<string, string | null>;

export function derivedCommunity(column: string, value: string): Values {
  if (column === 'sk_date') return { sk_date_iso: parseDate(value) };
  if (column === 'founded_date') return { founded_date_iso: parseDate(value) };
  return {};
}

/** An officer's columns from one row: always the same shape (null = blank cell), for speed. */
export interface OfficerValues {
  name: string;
  name_key: string;
  nik: string | null;
  nik_key: string | null;
  role: string | null;
  birth_place: string | null;
  birth_date: string | null;
  birth_date_iso: string | null;
  gender: string | null;
  sex: 'M' | 'F' | null;
  occupation: string | null;
  nip: string | null;
  party: string | null;
  ngo: string | null;
  phone: string | null;
  address: string | null;
  employment_status: string | null;
  notes: string | null;
}

export const OFFICER_VALUE_COLUMNS = [
  'name', 'name_key', 'nik', 'nik_key', 'role', 'birth_place', 'birth_date', 'birth_date_iso', 'gender', 'sex',
  'occupation', 'nip', 'party', 'ngo', 'phone', 'address', 'employment_status', 'notes',
] as const satisfies readonly (keyof OfficerValues)[];

/**
 * The officer values laid out from `at` of a flat array in OFFICER_VALUE_COLUMNS order, as the
 * reading thread sends them. One literal, so every object has its shape from the start: a loop
 * over the column names cost 0.6 s of the import's thread at 1,000,000 rows.
 */
export function officerValuesAt(flat: readonly (string | null)[], at: number): OfficerValues {
  return {
    name: flat[at]!,
    name_key: flat[at + 1]!,
    nik: flat[at + 2]!,
    nik_key: flat[at + 3]!,
    role: flat[at + 4]!,
    birth_place: flat[at + 5]!,
    birth_date: flat[at + 6]!,
    birth_date_iso: flat[at + 7]!,
    gender: flat[at + 8]!,
    sex: flat[at + 9] as OfficerValues['sex'],
    occupation: flat[at + 10]!,
    nip: flat[at + 11]!,
    party: flat[at + 12]!,
    ngo: flat[at + 13]!,
    phone: flat[at + 14]!,
    address: flat[at + 15]!,
    employment_status: flat[at + 16]!,
    notes: flat[at + 17]!,
  };
}

/** A derived column is written only when the cell it comes from was filled, and changes only with it. */
const SOURCE_OF: Partial<Record<keyof OfficerValues, keyof OfficerValues>> = { nik_key: 'nik', birth_date_iso: 'birth_date', name_key: 'name' };

/**
 * The sex a NIK tells (40 added to the birth day for a woman), for a roster without an L/P
 * column: the recap's male and female columns must add up to its officers.
 */
export function sexFromNik(nik: string | null): 'M' | 'F' | null {
  const r = parseNik(nik);
  return r.ok ? r.nik.sex : null;
}

export function officerValues(r: RosterRecord): OfficerValues {
  const name = r.officer_name!;
  const nik = r.nik ?? null;
  const birthDate = r.birth_date ?? null;
  const gender = r.gender ?? null;
  return {
    name,
    name_key: personKey(name),
    nik,
    nik_key: nik === null ? null : nikKey(nik),
    role: r.role ?? null,
    birth_place: r.birth_place ?? null,
    birth_date: birthDate,
    birth_date_iso: birthDate === null ? null : parseDate(birthDate),
    gender,
    sex: gender === null ? sexFromNik(nik) : parseSex(gender),
    occupation: r.occupation ?? null,
    nip: r.nip ?? null,
    party: r.party ?? null,
    ngo: r.ngo ?? null,
    phone: r.phone ?? null,
    address: r.officer_address ?? null,
    employment_status: r.employment_status ?? null,
    notes: r.notes ?? null,
  };
}

/**
 * Whether an officer's column says the same as a row's value, by meaning: a NIK by its digits, a
 * date by its day, a sex by what it says, text without case, spacing or punctuation. A value
 * only spelled another way is no change (the stored spelling stays).
 */
function sameOfficerValue(column: keyof OfficerValues, stored: unknown, v: OfficerValues): boolean {
  const value = v[column];
  if (stored === value) return true;
  if (typeof stored !== 'string' || value === null) return false;
  switch (column) {
    case 'nik':
      return v.nik_key !== null && nikKey(stored) === v.nik_key;
    case 'birth_date':
      return v.birth_date_iso !== null && parseDate(stored) === v.birth_date_iso;
    case 'gender':
      return v.sex !== null && parseSex(stored) === v.sex;
    case 'phone':
      return stored.replace(/\D/g, '') === value.replace(/\D/g, '') && stored.replace(/\D/g, '') !== '';
    default:
      return foldText(stored) === foldText(value);
  }
}

/**
 * What the office changed since the last import, and what to do when the file brings a value
 * too: `base` is what that import wrote for each field the office changed (the record's `base`
 * column, null when it changed none); `prefer` says the file wins a conflict (--prefer-file);
 * `conflicts` collects the fields where the office's value stands against the file's.
 */
export interface ThreeWay {
  base: Record<string, unknown> | null;
  prefer: (column: string) => boolean;
  conflicts: string[];
}

/**
 * What a row changes on a stored officer: filled cells that differ in meaning (a blank never
 * overwrites), three-way: a field is compared with what the last import wrote, so a file that
 * repeats it leaves the office's edit alone, and a file that brings news over an edit is a
 * conflict. A sex read from the NIK only fills one no L/P column ever gave.
 */
export function officerChanges(stored: Record<string, unknown>, v: OfficerValues, three?: ThreeWay): Record<string, unknown> | null {
  let changes: Record<string, unknown> | null = null;
  const base = three?.base;
  for (const column of OFFICER_VALUE_COLUMNS) {
    const source = SOURCE_OF[column];
    if (source) {
      if (changes && source in changes) changes[column] = v[column];
      continue;
    }
    if (column === 'sex') {
      const fromNik = v.gender === null;
      if (stored.sex === v.sex || (fromNik && (stored.gender != null || v.sex === null))) continue;
      // The office's sex stands with its L/P, unless the file's L/P was taken over it (gender comes first).
      if (base && ('gender' in base || 'sex' in base) && !(changes && 'gender' in changes)) continue;
      (changes ??= {}).sex = v.sex;
      continue;
    }
    if (v[column] === null) continue;
    if (base && column in base) {
      // The office changed this field: the file's news is what differs from the import's value.
      if (sameOfficerValue(column, base[column], v) || sameOfficerValue(column, stored[column], v)) continue;
      if (!three.prefer(column)) {
        three.conflicts.push(column);
        continue;
      }
    } else if (sameOfficerValue(column, stored[column], v)) continue;
    (changes ??= {})[column] = v[column];
  }
  return changes;
}

/** The base left once an import has written `changes`: a field the file decided is the import's again. */
export function baseAfterImport(base: Record<string, unknown> | null, changes: Record<string, unknown>): string | null {
  if (!base) return null;
  const kept = { ...base };
  for (const column of Object.keys(changes)) delete kept[column];
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

/** The non-blank values a row gives for a table, with their derived columns. */
export function rowValues(record: RosterRecord, fields: readonly (readonly [string, string])[], derive: (c: string, v: string) => Values): Values {
  const out: Values = {};
  for (const [field, column] of fields) {
    const v = record[field as keyof RosterRecord];
    if (v === undefined || v === '') continue;
    out[column] = v;
    Object.assign(out, derive(column, v));
  }
  return out;
}
