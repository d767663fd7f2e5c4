import { usageError } from '../../errors.js';
import { parsePastDate } from '../ids/date.js';
import { maskNik } from '../ids/mask.js';
import { personKey } from '../ids/names.js';
import { nikKey, parseNik } from '../ids/nik.js';
import { parseAcknowledged, parseSex } from '../ids/values.js';

/**
 * The fields a clerk fixes, as `kim edit` and the desk name them. Each has a main column (what
 * is shown as its old and new value) and may derive more columns, recomputed exactly as the import
 * computes them, so that a later import of the same roster sees the same identity keys.
 */
export const OFFICER_FIELDS = ['name', 'role', 'occupation', 'employmentStatus', 'party', 'ngo', 'nip', 'nik', 'sex', 'birthDate', 'phone', 'notes'] as const;
export type OfficerField = (typeof OFFICER_FIELDS)[number];

export const COMMUNITY_FIELDS = ['skNumber', 'skDate', 'skIssuer', 'acknowledged', 'district', 'village'] as const;
export type CommunityField = (typeof COMMUNITY_FIELDS)[number];

export type EditField = OfficerField | CommunityField;

/** Which field a finding points at (findings name the table column), in the names `kim edit` uses. */
export const FINDING_OFFICER_FIELD: Record<string, OfficerField> = {
  occupation: 'occupation', nip: 'nip', party: 'party', ngo: 'ngo', nik: 'nik', birth_date: 'birthDate', gender: 'sex', phone: 'phone', role: 'role',
  employment_status: 'employmentStatus', notes: 'notes',
};
export const FINDING_COMMUNITY_FIELD: Record<string, CommunityField> = {
  sk_number: 'skNumber', sk_date: 'skDate', sk_issuer: 'skIssuer', acknowledged: 'acknowledged', village: 'village', district: 'district',
};

/** The column that holds each field as written. */
export const FIELD_COLUMN: Record<EditField, string> = {
  name: 'name', role: 'role', occupation: 'occupation', employmentStatus: 'employment_status', notes: 'notes', party: 'party', ngo: 'ngo', nip: 'nip', nik: 'nik', sex: 'gender',
  birthDate: 'birth_date', phone: 'phone', skNumber: 'sk_number', skDate: 'sk_date', skIssuer: 'sk_issuer',
  acknowledged: 'acknowledged', district: 'district_text', village: 'village_text',
};

/** The columns each field derives, recomputed whenever the field is written. */
export const DERIVED: Partial<Record<EditField, string[]>> = {
  name: ['name_key'], nik: ['nik_key'], sex: ['sex'], birthDate: ['birth_date_iso'], skDate: ['sk_date_iso'],
};

/** Fields that cannot be emptied: an officer without them cannot be identified or checked. */
const REQUIRED = ['name', 'nik', 'sex', 'birthDate', 'village'] as const;
const isRequired = (f: EditField): f is (typeof REQUIRED)[number] => (REQUIRED as readonly string[]).includes(f);

type Columns = Record<string, string | null>;

/** A date a clerk typed: understood, and not after today (neither a birth nor a decree can be). */
const pastDate = (text: string, today: string) => parsePastDate(text, today, 'edit.futureDate');

/**
 * Turns one typed value into the columns it writes. Throws a usage error (exit 2, nothing
 * written) naming what is wrong with the value.
 */
export function fieldColumns(field: EditField, raw: string, today: string): Columns {
  const text = raw.trim();
  if (text === '') {
    if (isRequired(field)) throw usageError(`edit.required.${field}`);
    return emptyColumns(field);
  }
  switch (field) {
    case 'name':
      return { name: text, name_key: personKey(text) };
    case 'nik': {
      const parsed = parseNik(text);
      // Masked like any NIK: a mistyped one (a digit too many) holds the whole of the real one.
      if (!parsed.ok) throw usageError(`edit.badNik.${parsed.problem}`, { value: maskNik(text), digits: parsed.digits });
      // Stored as its digits: the spaces a clerk types for reading are not part of the number.
      return { nik: parsed.nik.digits, nik_key: nikKey(parsed.nik.digits) };
    }
    case 'sex': {
      const sex = parseSex(text);
      if (sex === null) throw usageError('edit.badSex', { value: text });
      return { gender: text, sex };
    }
    case 'birthDate':
      return { birth_date: text, birth_date_iso: pastDate(text, today) };
    case 'skDate':
      return { sk_date: text, sk_date_iso: pastDate(text, today) };
    case 'acknowledged':
      if (parseAcknowledged(text) === null) throw usageError('edit.badAcknowledged', { value: text });
      return { acknowledged: text };
    default:
      return { [FIELD_COLUMN[field]]: text };
  }
}

function emptyColumns(field: EditField): Columns {
  if (field === 'skDate') return { sk_date: null, sk_date_iso: null };
  return { [FIELD_COLUMN[field]]: null };
}

/** Checks a typed value without writing anything: the desk's input prompts use it on each Enter. */
export function checkFieldValue(field: EditField, raw: string, today: string): void {
  fieldColumns(field, raw, today);
}

