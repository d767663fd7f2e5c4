import { own } from '../ids/own.js';
import type { RosterRecord } from '../roster/fields.js';

/** The roster fields that belong to the community, in a fixed order. */
const COMMUNITY_CELLS = ['kim_name', 'regency', 'district', 'village', 'address', 'sk_number', 'sk_date', 'sk_issuer', 'acknowledged', 'founded_date', 'community_number'] as const;

export function communityCells(record: RosterRecord): string[] {
  return COMMUNITY_CELLS.map((f) => own(record[f] ?? ''));
}

export function sameCommunityCells(raw: string[], record: RosterRecord): boolean {
  for (let i = 0; i < COMMUNITY_CELLS.length; i++) if (raw[i] !== (record[COMMUNITY_CELLS[i]!] ?? '')) return false;
  return true;
}


/** What a community state keeps of its stored values: only what change detection compares. */
const KEPT = ['village_key', 'name_key', 'number', 'regency_text', 'district_text', 'village_text', 'address', 'sk_number', 'sk_date', 'sk_date_iso', 'sk_issuer', 'acknowledged', 'founded_date', 'founded_date_iso'];

export function pickKept(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEPT) if (k in values) out[k] = typeof values[k] === 'string' ? own(values[k] as string) : values[k];
  return out;
}

