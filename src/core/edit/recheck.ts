import type { Db } from '../../db/connection.js';
import type { Translate } from '../../ui/messages/index.js';
import { describeFinding } from '../rules/describe.js';
import { runValidation, type Finding } from '../rules/validate.js';

/** A problem as a clerk reads it, before or after a fix. */
export interface ProblemLine {
  rule: string;
  severity: 'error' | 'warning';
  officer: { id: number; name: string } | null;
  field: string | null;
  message: string;
}

export interface Recheck {
  compliant: boolean;
  /** The community's problems now, in the order validation gives them. */
  findings: Finding[];
  /** Problems the last stored result had that are gone now: what the clerk's fix solved. */
  fixed: ProblemLine[];
}

interface StoredFinding {
  rule: string;
  severity: 'error' | 'warning';
  field: string | null;
  params: string | null;
  officer_id: number | null;
  officer: string | null;
}

const STORED_SQL = `SELECT f.rule, f.severity, f.field, f.params, f.officer_id, o.name AS officer
  FROM findings f LEFT JOIN officers o ON o.id = f.officer_id WHERE f.community_id = ? ORDER BY f.id`;

// A problem is the same problem while its rule, officer, field and reason are: its wording may
// change (a different occupation that is still ASN) without it being solved.
const identity = (rule: string, officer: number | null, field: string | null, params: unknown) =>
  `${rule}|${officer ?? ''}|${field ?? ''}|${(params as { reason?: string } | null)?.reason ?? ''}`;

function parse(params: string | null): Record<string, unknown> | null {
  try {
    return params ? (JSON.parse(params) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Validates one community now and stores the result, as `kim validate <community>` does, and says
 * which of the problems stored before are gone. Call it right after an edit.
 */
export function recheckCommunity(db: Db, communityId: number, who: { today: string; operator: string; t: Translate }): Recheck {
  const before = db.prepare(STORED_SQL).all(communityId) as StoredFinding[];
  const run = runValidation(db, { communityIds: [communityId], today: who.today, operator: who.operator, t: who.t });
  const now = new Set(run.findings.map((f) => identity(f.rule, f.officer?.id ?? null, f.field, f.params)));
  const fixed = before
    .filter((b) => !now.has(identity(b.rule, b.officer_id, b.field, parse(b.params))))
    .map((b) => ({
      rule: b.rule,
      severity: b.severity,
      officer: b.officer_id === null ? null : { id: b.officer_id, name: b.officer ?? '' },
      field: b.field,
      message: describeFinding(who.t, { rule: b.rule, params: b.params }),
    }));
  const result = run.communities[0];
  return { compliant: result?.compliant ?? true, findings: run.findings, fixed };
}
