/** The roster fields of the contract, in the order the import reports and the rejects file use. */
export const FIELDS = [
  'kim_name', 'regency', 'district', 'village', 'address', 'sk_number', 'sk_date', 'sk_issuer', 'acknowledged',
  'founded_date', 'community_number', 'officer_name', 'role', 'nik', 'birth_place', 'birth_date', 'gender',
  'occupation', 'nip', 'party', 'ngo', 'phone', 'officer_address',
] as const;

export type Field = (typeof FIELDS)[number];

/** A column may also be the combined "Tempat, Tgl Lahir", or a column kim knows and leaves out. */
export type ColumnTarget = Field | 'birth_place_date' | '_ignore';

export const COLUMN_TARGETS: readonly ColumnTarget[] = [...FIELDS, 'birth_place_date', '_ignore'];

export type RosterRecord = Partial<Record<Field, string>>;
