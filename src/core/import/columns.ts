import { parseDate } from '../ids/date.js';
import { personKey } from '../ids/names.js';
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

export const OFFICER_FIELDS = [
  ['officer_name', 'name'],
  ['nik', 'nik'],
  ['role', 'role'],
  ['birth_place', 'birth_place'],
  ['birth_date', 'birth_date'],
  ['gender', 'gender'],
  ['occupation', 'occupation'],
  ['nip', 'nip'],
  ['party', 'party'],
  ['ngo', 'ngo'],
  ['phone', 'phone'],
  ['officer_address', 'address'],
] as const;

/** Columns that identify a community: written once when it is created, never overwritten by a later spelling. */
export const COMMUNITY_IDENTITY_COLUMNS = new Set(['regency_text', 'district_text', 'village_text']);

type Values = Record<string, string | null>;

export function derivedCommunity(column: string, value: string): Values {
  if (column === 'sk_date') return { sk_date_iso: parseDate(value) };
  if (column === 'founded_date') return { founded_date_iso: parseDate(value) };
  return {};
}

/**
 * The digits of a NIK when it is only digits (spaces and a spreadsheet's leading apostrophe
 * ignored). A NIK mangled into 3.57403E+15 has no key: it cannot identify anyone.
 */
export function nikKey(nik: string | undefined | null): string | null {
  if (!nik) return null;
  const s = nik.trim().replace(/^'/, '').replace(/\s+/g, '');
  return /^\d+$/.test(s) ? s : null;
}

export function derivedOfficer(column: string, value: string): Values {
  switch (column) {
    case 'name':
      return { name_key: personKey(value) };
    case 'nik':
      return { nik_key: nikKey(value) };
    case 'birth_date':
      return { birth_date_iso: parseDate(value) };
    case 'gender':
      return { sex: parseSex(value) };
    default:
      return {};
  }
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
