/** The roster fields of the contract, in the order the import reports and the rejects file use. */
export const FIELDS = [
  'kim_name', 'regency', 'district', 'village', 'address', 'sk_number', 'sk_date', 'sk_issuer', 'acknowledged',
  'founded_date', 'community_number', 'officer_name', 'role', 'nik', 'birth_place', 'birth_date', 'gender',
  'occupation', 'employment_status', 'nip', 'party', 'ngo', 'phone', 'officer_address', 'notes',
] as const;

export type Field = (typeof FIELDS)[number];

/**
 * A column may also hold two fields at once (the combined "Tempat, Tgl Lahir" or "Nomor/Tanggal
 * SK"), or be a column kim knows and leaves out.
 */
export type ColumnTarget = Field | 'birth_place_date' | 'sk_number_date' | '_ignore';

/** The targets that fill two fields from one cell. */
export const COMBINED_TARGETS: readonly ColumnTarget[] = ['birth_place_date', 'sk_number_date'];

export const COLUMN_TARGETS: readonly ColumnTarget[] = [...FIELDS, ...COMBINED_TARGETS, '_ignore'];

export type RosterRecord = Partial<Record<Field, string>>;

/** The fields of a KIM itself, as opposed to those of one officer: merged cells carry these down. */
export const COMMUNITY_TARGETS: ReadonlySet<ColumnTarget> = new Set([
  'kim_name', 'regency', 'district', 'village', 'address', 'sk_number', 'sk_date', 'sk_number_date', 'sk_issuer',
  'acknowledged', 'founded_date', 'community_number',
]);
