import { own } from '../ids/own.js';
import type { RosterRecord } from '../roster/fields.js';

/** The roster fields that belong to the community, in a fixed order. */
const COMMUNITY_CELLS = ['kim_name', 'regency', 'district', 'village', 'address', 'sk_number', 'sk_date', 'sk_issuer', 'acknowledged', 'founded_date', 'community_number'] as const;

// The record's values never hold NUL (buildRecord removes it), so it can join them losslessly.
const SEPARATOR = '\u0000';

/**
 * A row's community cells as one text: rows of one KIM repeat them, so equal signatures mean the
 * community is settled and only the officer needs work. Lossless (a blank cell is ''), so the
 * community's fields can be read back from it when they are needed.
 */
export function communitySignature(record: RosterRecord): string {
  let s = record[COMMUNITY_CELLS[0]] ?? '';
  for (let i = 1; i < COMMUNITY_CELLS.length; i++) s += SEPARATOR + (record[COMMUNITY_CELLS[i]!] ?? '');
  return s;
}

/** The community fields a signature holds, as the reader would have given them (blank = absent). */
export function communityFromSignature(signature: string): RosterRecord {
  const cells = signature.split(SEPARATOR);
  const record: RosterRecord = {};
  COMMUNITY_CELLS.forEach((f, i) => {
    if (cells[i]) record[f] = cells[i];
  });
  return record;
}

/** What a community state keeps of its stored values: only what change detection compares. */
const KEPT = ['village_key', 'name_key', 'number', 'regency_text', 'district_text', 'village_text', 'address', 'sk_number', 'sk_date', 'sk_date_iso', 'sk_issuer', 'acknowledged', 'founded_date', 'founded_date_iso', 'blind', 'base'];

export function pickKept(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEPT) if (k in values) out[k] = typeof values[k] === 'string' ? own(values[k] as string) : values[k];
  return out;
}

