import { prepared, type Db } from '../../db/connection.js';
import type { RegionCodes } from './values.js';

/** What numbering needs to know of a community. */
export interface NumberingCandidate extends RegionCodes {
  id: number;
  name: string;
  number: string | null;
  ended_at: string | null;
  compliant: number | null;
  /** It had a number once and it was withdrawn. */
  revoked: boolean;
}

/** Codes for reasons that are not validation rules; documented in docs/numbering.md. */
export const SKIP = {
  ENDED: 'NUM-ENDED',
  REVOKED: 'NUM-REVOKED',
  OVERFLOW: 'NUM-OVERFLOW',
  NOT_VALIDATED: 'NUM-NOT-VALIDATED',
  /** A template token needs a region code the community lacks: the validation rule says why. */
  REGION: 'LEG-REGION',
} as const;

const SELECT = `
  SELECT c.id, c.name, c.number, c.ended_at, c.compliant, c.village_code, c.district_code,
         EXISTS (SELECT 1 FROM numbers n WHERE n.community_id = c.id AND n.revoked_at IS NOT NULL) AS revoked
    FROM communities c`;

type Row = Omit<NumberingCandidate, 'revoked'> & { revoked: number };
const toCandidate = (r: Row): NumberingCandidate => ({ ...r, revoked: r.revoked === 1 });

/** Every community that has no number and has not ended, oldest first. */
export function unnumberedCommunities(db: Db): NumberingCandidate[] {
  const rows = db.prepare(`${SELECT} WHERE c.number IS NULL AND c.ended_at IS NULL ORDER BY c.id`).all() as Row[];
  return rows.map(toCandidate);
}

/** The named communities, oldest first so that numbers follow registration order. */
export function communitiesById(db: Db, ids: number[]): NumberingCandidate[] {
  const one = prepared(db, `${SELECT} WHERE c.id = ?`);
  return ids
    .map((id) => one.get(id) as Row | undefined)
    .filter((r): r is Row => r !== undefined)
    .sort((a, b) => a.id - b.id)
    .map(toCandidate);
}

/** The rule codes of the community's error-severity findings from its latest validation. */
export function blockingRules(db: Db, communityId: number): string[] {
  return prepared(db, `SELECT DISTINCT rule FROM findings WHERE community_id = ? AND severity = 'error' ORDER BY rule`)
    .pluck()
    .all(communityId) as string[];
}

/** Whether the community may get a number now, and if not, the codes that stop it. */
export function whyNotEligible(db: Db, c: NumberingCandidate, named: boolean): string[] {
  if (c.ended_at) return [SKIP.ENDED];
  const rules = blockingRules(db, c.id);
  if (rules.length === 0 && c.compliant === null) rules.push(SKIP.NOT_VALIDATED);
  // A withdrawn number was withdrawn for a reason: a new one is given only when the clerk asks by name.
  if (c.revoked && !named) rules.push(SKIP.REVOKED);
  return rules;
}
