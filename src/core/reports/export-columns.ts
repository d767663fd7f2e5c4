import { KIM_DISTRICT, KIM_PLACE_JOINS, MERGED_FROM } from '../../db/regions.js';

/**
 * What `kim export` writes: every stored field of a community or an officer (the internal
 * identity keys name_key, village_key and nik_key excepted: the last would leak the NIK), the
 * contract's fields first and in its order, then the rest as stored. `sql` is a fixed expression
 * over the aliases of EXPORT_FROM, never built from input.
 */
export type ExportKind = 'communities' | 'officers';

export interface ExportColumn {
  /** JSON key, and the name of the heading in the message catalog (export.col.<key>). */
  key: string;
  sql: string;
  /**
   * int: a number; bool: 1/0 stored, true/false written; nik: masked unless asked; note: free text
   * a clerk typed (a reason), whose NIK-shaped numbers are masked unless asked.
   */
  kind: 'text' | 'int' | 'bool' | 'nik' | 'note';
  /** The heading's catalog name when it differs from the key (export.col.<heading>). */
  heading?: string;
}

const DISTRICT = 'coalesce(d.name, c.district_text)';
const VILLAGE = 'coalesce(v.name, c.village_text)';

export const COMMUNITY_COLUMNS: ExportColumn[] = [
  { key: 'id', sql: 'c.id', kind: 'int' },
  { key: 'name', sql: 'c.name', kind: 'text', heading: 'kimName' },
  { key: 'district', sql: DISTRICT, kind: 'text' },
  { key: 'village', sql: VILLAGE, kind: 'text' },
  { key: 'villageCode', sql: 'c.village_code', kind: 'text' },
  { key: 'number', sql: 'c.number', kind: 'text' },
  { key: 'skNumber', sql: 'c.sk_number', kind: 'text' },
  { key: 'skDate', sql: 'c.sk_date', kind: 'text' },
  { key: 'compliant', sql: 'c.compliant', kind: 'bool' },
  // The district the KIM counts in, as its name beside it: its village's, when the village was found.
  { key: 'districtCode', sql: KIM_DISTRICT, kind: 'text' },
  { key: 'regencyText', sql: 'c.regency_text', kind: 'text' },
  { key: 'districtText', sql: 'c.district_text', kind: 'text' },
  { key: 'villageText', sql: 'c.village_text', kind: 'text' },
  { key: 'address', sql: 'c.address', kind: 'text' },
  { key: 'skDateIso', sql: 'c.sk_date_iso', kind: 'text' },
  { key: 'skIssuer', sql: 'c.sk_issuer', kind: 'text' },
  { key: 'acknowledged', sql: 'c.acknowledged', kind: 'text' },
  { key: 'foundedDate', sql: 'c.founded_date', kind: 'text' },
  { key: 'foundedDateIso', sql: 'c.founded_date_iso', kind: 'text' },
  { key: 'rosterLacks', sql: 'c.blind', kind: 'text' },
  { key: 'endedAt', sql: 'c.ended_at', kind: 'text' },
  { key: 'endReason', sql: 'c.end_reason', kind: 'note' },
  { key: 'validatedAt', sql: 'c.validated_at', kind: 'text' },
  { key: 'createdAt', sql: 'c.created_at', kind: 'text' },
  { key: 'updatedAt', sql: 'c.updated_at', kind: 'text' },
  { key: 'createdBatch', sql: 'c.created_batch', kind: 'int' },
  { key: 'lastBatch', sql: 'c.last_batch', kind: 'int' },
];

export const OFFICER_COLUMNS: ExportColumn[] = [
  { key: 'id', sql: 'o.id', kind: 'int' },
  { key: 'name', sql: 'o.name', kind: 'text' },
  { key: 'role', sql: 'o.role', kind: 'text' },
  { key: 'nik', sql: 'o.nik', kind: 'nik' },
  { key: 'sex', sql: 'o.sex', kind: 'text' },
  { key: 'birthDate', sql: 'o.birth_date', kind: 'text' },
  { key: 'occupation', sql: 'o.occupation', kind: 'text' },
  { key: 'community', sql: 'c.name', kind: 'text' },
  { key: 'district', sql: DISTRICT, kind: 'text' },
  { key: 'village', sql: VILLAGE, kind: 'text' },
  { key: 'communityId', sql: 'o.community_id', kind: 'int' },
  { key: 'communityNumber', sql: 'c.number', kind: 'text' },
  { key: 'villageCode', sql: 'c.village_code', kind: 'text' },
  { key: 'birthPlace', sql: 'o.birth_place', kind: 'text' },
  { key: 'birthDateIso', sql: 'o.birth_date_iso', kind: 'text' },
  { key: 'gender', sql: 'o.gender', kind: 'text' },
  { key: 'nip', sql: 'o.nip', kind: 'text' },
  { key: 'party', sql: 'o.party', kind: 'text' },
  { key: 'ngo', sql: 'o.ngo', kind: 'text' },
  { key: 'phone', sql: 'o.phone', kind: 'text' },
  { key: 'address', sql: 'o.address', kind: 'text' },
  { key: 'employmentStatus', sql: 'o.employment_status', kind: 'text' },
  { key: 'notes', sql: 'o.notes', kind: 'text' },
  { key: 'endedAt', sql: 'o.ended_at', kind: 'text' },
  { key: 'endReason', sql: 'o.end_reason', kind: 'note' },
  { key: 'createdAt', sql: 'o.created_at', kind: 'text' },
  { key: 'updatedAt', sql: 'o.updated_at', kind: 'text' },
  { key: 'createdBatch', sql: 'o.created_batch', kind: 'int' },
  { key: 'lastBatch', sql: 'o.last_batch', kind: 'int' },
];

/** The FROM clause each export's expressions refer to (a KIM's district as everywhere else); rows come in id order. */
export const EXPORT_FROM: Record<ExportKind, string> = {
  communities: `FROM communities c ${KIM_PLACE_JOINS}`,
  officers: `FROM officers o JOIN communities c ON c.id = o.community_id ${KIM_PLACE_JOINS}`,
};

export const EXPORT_ORDER: Record<ExportKind, string> = { communities: 'ORDER BY c.id', officers: 'ORDER BY o.id' };
export const EXPORT_ID: Record<ExportKind, string> = { communities: 'c.id', officers: 'o.id' };

/** Where KIMs of several offices lie together (a provincial database): each record's office, after the contract's fields. */
const REGENCY_COLUMNS: ExportColumn[] = [
  { key: 'regency', sql: MERGED_FROM, kind: 'text' },
  { key: 'regencyCode', sql: 'c.office', kind: 'text' },
];

/** The contract's fields end with `compliant` for a community, `village` for an officer. */
const CONTRACT_FIELDS: Record<ExportKind, number> = { communities: 9, officers: 10 };

export function exportColumns(kind: ExportKind, options: { provincial?: boolean } = {}): ExportColumn[] {
  const columns = kind === 'communities' ? COMMUNITY_COLUMNS : OFFICER_COLUMNS;
  if (!options.provincial) return columns;
  const at = CONTRACT_FIELDS[kind];
  return [...columns.slice(0, at), ...REGENCY_COLUMNS, ...columns.slice(at)];
}
