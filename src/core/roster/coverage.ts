import type { ColumnTarget } from './fields.js';

/**
 * What the rules need a roster to say, and the columns that say it. A roster without any of a
 * need's columns leaves its rules blind: the import says so, and the findings that follow name
 * that cause rather than blaming the KIM.
 */
export const RULE_NEEDS = [
  { need: 'role', columns: ['role'], rules: ['ADM-ROLES'] },
  { need: 'nik', columns: ['nik'], rules: ['DAT-NIK', 'ADM-DUP-NIK'] },
  { need: 'occupation', columns: ['occupation', 'employment_status'], rules: ['ADM-ASN'] },
  { need: 'party', columns: ['party'], rules: ['ADM-PARTY'] },
  { need: 'ngo', columns: ['ngo'], rules: ['ADM-NGO'] },
  { need: 'acknowledged', columns: ['acknowledged'], rules: ['LEG-ACK'] },
  { need: 'sk_number', columns: ['sk_number', 'sk_number_date'], rules: ['LEG-SK-MISSING'] },
  { need: 'sk_date', columns: ['sk_date', 'sk_number_date'], rules: ['LEG-SK-DATE'] },
  { need: 'sk_issuer', columns: ['sk_issuer'], rules: ['LEG-SK-ISSUER'] },
] as const satisfies readonly { need: string; columns: readonly ColumnTarget[]; rules: readonly string[] }[];

export type RuleNeed = (typeof RULE_NEEDS)[number]['need'];

/** The needs no column of a file meets, in RULE_NEEDS order. */
export function blindSpots(targets: readonly (ColumnTarget | null)[]): RuleNeed[] {
  const have = new Set(targets);
  return RULE_NEEDS.filter((n) => !n.columns.some((c) => have.has(c))).map((n) => n.need);
}

/** A KIM's blind spots as stored: null when there are none. */
export function blindText(needs: readonly string[]): string | null {
  return needs.length ? needs.join(',') : null;
}

/** What both a KIM's earlier rosters and this one lack: one roster with the column is enough. */
export function stillBlind(stored: string | null, file: readonly string[]): string | null {
  if (stored === null) return null;
  const now = new Set(file);
  return blindText(stored.split(',').filter((n) => now.has(n)));
}

/** Whether no roster of a KIM had a column for `need`. */
export function isBlind(blind: string | null, need: RuleNeed): boolean {
  return blind !== null && blind.split(',').includes(need);
}
