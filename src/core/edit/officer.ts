import { audit } from '../../db/audit.js';
import { updateWithHistory } from '../../db/changes.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import { usageError } from '../../errors.js';
import { parsePastDate } from '../ids/date.js';
import { maskNiksInText } from '../ids/mask.js';
import { communitiesWithNiks, markOutdated } from '../reports/freshness.js';
import { auditedChanges, diff, parseEdit, type EditValues, type FieldChange } from './change.js';
import type { OfficerField } from './fields.js';

export interface OfficerEditRequest {
  officerId: number;
  values: Partial<Record<OfficerField, string>>;
  /** End the officer's term: the date as typed (blank = today) and why. */
  end?: { date?: string; reason: string };
  operator: string;
  today: string;
}

export interface EditOutcome {
  entity: 'officer' | 'community';
  id: number;
  /** The officer's or community's name after the edit. */
  name: string;
  community: { id: number; name: string; number: string | null };
  changes: FieldChange[];
  /** The audit entry of the edit; null when every value was already as asked. */
  audit: number | null;
}

const STORED = `SELECT o.*, c.name AS community_name, c.number AS community_number
  FROM officers o JOIN communities c ON c.id = o.community_id WHERE o.id = ?`;

/** The end of a term, checked: a date not after today and a reason. */
export function parseEnd(end: NonNullable<OfficerEditRequest['end']>, today: string): { date: string; reason: string } {
  // Stored and logged as free text: a NIK typed into it is masked first.
  const reason = maskNiksInText(end.reason.trim());
  if (!reason) throw usageError('edit.endNeedsReason');
  return { date: parsePastDate(end.date, today, 'edit.futureDate'), reason };
}

/**
 * Changes one officer in one write transaction: the audit entry first, then the update with its
 * before-image tied to that entry, so `kim undo` of an earlier import sees that the officer was
 * edited since and refuses. Every value is checked before the transaction starts.
 */
export function editOfficer(db: Db, request: OfficerEditRequest): EditOutcome {
  const parsed = parseEdit(request.values as EditValues, request.today);
  const end = request.end ? parseEnd(request.end, request.today) : undefined;
  if (parsed.fields.length === 0 && !end) throw usageError('edit.nothingAsked.officer');
  return writeTransaction(db, () => {
    const stored = db.prepare(STORED).get(request.officerId) as Record<string, unknown> | undefined;
    if (!stored) throw usageError('edit.officerNotFound', { value: String(request.officerId) });
    const community = { id: stored.community_id as number, name: stored.community_name as string, number: stored.community_number as string | null };
    if (end && stored.ended_at) throw usageError('edit.alreadyEnded', { name: stored.name as string, date: stored.ended_at as string });
    const { columns, changes } = diff(stored, parsed);
    if (columns.nik_key) refuseTakenNik(db, community.id, request.officerId, columns.nik_key);
    if (end) {
      Object.assign(columns, { ended_at: end.date, end_reason: end.reason });
      changes.push({ field: 'endedAt', from: null, to: end.date }, { field: 'endReason', from: null, to: end.reason });
    }
    const name = (columns.name ?? stored.name) as string;
    if (changes.length === 0) return { entity: 'officer', id: request.officerId, name, community, changes, audit: null };
    const auditId = audit(db, {
      operator: request.operator,
      action: end ? 'officer.end' : 'officer.edit',
      entity: 'officer',
      entityId: request.officerId,
      details: { community: community.id, name, changes: auditedChanges(changes) },
    });
    updateWithHistory(db, { auditId }, 'officer', request.officerId, { ...columns, updated_at: new Date().toISOString() }, end ? 'end' : 'update');
    // Other KIMs holding the NIK it had or has now: their ADM-DUP-NIK finding changes with it.
    if (columns.nik_key !== undefined || end) {
      const niks = [stored.nik_key, columns.nik_key].filter((k): k is string => typeof k === 'string');
      markOutdated(db, communitiesWithNiks(db, niks));
    }
    return { entity: 'officer', id: request.officerId, name, community, changes, audit: auditId };
  });
}

/** An officer is the community plus NIK: two active officers of one KIM never share one. */
function refuseTakenNik(db: Db, communityId: number, officerId: number, nikKey: string): void {
  const other = db
    .prepare(`SELECT id, name FROM officers WHERE community_id = ? AND nik_key = ? AND id <> ? AND ended_at IS NULL LIMIT 1`)
    .get(communityId, nikKey, officerId) as { id: number; name: string } | undefined;
  if (other) throw usageError('edit.nikTaken', { name: other.name, id: other.id });
}
