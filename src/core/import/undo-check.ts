/**
 * Whether undoing an import would throw away something done after it, and if so what and how to
 * put it back first. Judged by values, not by the mere fact of a later change: a field changed
 * later and then set back (a revoked number, an edit typed back) loses nothing.
 */
import type { Db } from '../../db/connection.js';
import { IMPORTED, type Entity } from '../../db/changes.js';
import { usageError } from '../../errors.js';
import { maskNik } from '../ids/mask.js';
import type { BatchRow } from './undo.js';

interface ChangeRow {
  id: number;
  batch_id: number | null;
  audit_id: number | null;
  entity: Entity;
  entity_id: number;
  before: string;
  after: string | null;
}

interface LaterRow extends ChangeRow {
  action: string | null;
  at: string | null;
  operator: string | null;
}

/** Columns kim keeps for itself: never what a clerk would lose. */
const STAMPS = new Set(['updated_at', 'last_batch', 'validated_at', 'base']);

const TABLE: Record<Entity, string> = { community: 'communities', officer: 'officers' };

/** The option of `kim edit` that writes a column, for the command that puts a value back. */
const OPTION: Record<string, string> = {
  name: '--name', role: '--role', occupation: '--occupation', employment_status: '--employment-status', notes: '--notes', party: '--party',
  ngo: '--ngo', nip: '--nip', nik: '--nik', gender: '--sex', birth_date: '--birth-date', phone: '--phone', sk_number: '--sk-number',
  sk_date: '--sk-date', sk_issuer: '--sk-issuer', acknowledged: '--acknowledged', district_text: '--district', village_text: '--village',
};

const parse = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

function current(db: Db, entity: Entity, id: number, columns: string[]): Record<string, unknown> | undefined {
  const safe = columns.filter((c) => /^[a-z_]+$/.test(c));
  if (safe.length === 0) return {};
  return db.prepare(`SELECT ${safe.join(', ')} FROM ${TABLE[entity]} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/**
 * The later change that a column's value now comes from: the latest one after the batch that
 * wrote that column of that record (or any later one, for changes older kims recorded whole).
 */
function laterWriter(later: LaterRow[], entity: Entity, id: number, column: string): LaterRow | undefined {
  for (let i = later.length - 1; i >= 0; i--) {
    const r = later[i]!;
    if (r.entity !== entity || r.entity_id !== id) continue;
    const after = parse(r.after);
    if (!after || column in after) return r;
  }
  return undefined;
}

/** Refuses, with what blocks and the command that would unblock it, when undo would lose later work. */
export function refuseIfLaterWorkLost(db: Db, batch: BatchRow): void {
  const mine = db.prepare(`SELECT id, batch_id, audit_id, entity, entity_id, before, after FROM changes WHERE batch_id = ? ORDER BY id`).all(batch.id) as ChangeRow[];
  const later = db
    .prepare(
      `SELECT c.id, c.batch_id, c.audit_id, c.entity, c.entity_id, c.before, c.after, a.action, a.at, a.operator
       FROM changes c LEFT JOIN audit_log a ON a.id = c.audit_id WHERE c.id > ? ORDER BY c.id`,
    )
    .all(batch.last_change) as LaterRow[];
  const created = {
    community: new Set(db.prepare(`SELECT id FROM communities WHERE created_batch = ?`).pluck().all(batch.id) as number[]),
    officer: new Set(db.prepare(`SELECT id FROM officers WHERE created_batch = ?`).pluck().all(batch.id) as number[]),
  };
  // Records the batch changed: what it wrote must still be there, or undo would overwrite later work.
  for (const change of mine) {
    const after = parse(change.after);
    const touchedLater = later.filter((r) => r.entity === change.entity && r.entity_id === change.entity_id);
    if (touchedLater.length === 0) continue;
    if (!after) blocked(db, batch, touchedLater.at(-1)!, null);
    const columns = Object.keys(after!).filter((c) => !STAMPS.has(c));
    const now = current(db, change.entity, change.entity_id, columns);
    for (const c of columns) if (now && now[c] !== after![c]) blocked(db, batch, laterWriter(later, change.entity, change.entity_id, c)!, c);
  }
  // Records the batch created go: what the office did to them since must have been put back. A
  // field it changed away from what the import wrote is in the record's base; what an import never
  // writes (a number, a KIM's end or name) is judged by whether the last later change still stands.
  for (const entity of ['community', 'officer'] as const) {
    const ids = new Set(later.filter((r) => r.entity === entity && created[entity].has(r.entity_id)).map((r) => r.entity_id));
    // In the order they were changed, so the first refusal names the earliest.
    for (const id of ids) {
      const base = parse((current(db, entity, id, ['base']) ?? {}).base as string | null);
      const mineLater = later.filter((r) => r.entity === entity && r.entity_id === id);
      // A later batch that changed the record is undone first (its rows go when it is undone).
      const byBatch = mineLater.find((r) => r.batch_id !== null);
      if (byBatch) blocked(db, batch, byBatch, null);
      const last = mineLater.at(-1)!;
      // A column `kim edit` can put back is named first (the name before its key).
      const changed = Object.keys(base ?? {}).filter((c) => !STAMPS.has(c)).sort((a, b) => Number(!(a in OPTION)) - Number(!(b in OPTION)));
      for (const c of changed) blocked(db, batch, laterWriter(later, entity, id, c) ?? last, c);
      const others = new Set(later.filter((r) => r.entity === entity && r.entity_id === id).flatMap((r) => Object.keys(parse(r.after) ?? {})));
      for (const c of others) {
        if (STAMPS.has(c) || IMPORTED[entity].has(c)) continue;
        const by = laterWriter(later, entity, id, c)!;
        const now = current(db, entity, id, [c]);
        const value = now?.[c] ?? null;
        if (value !== null && value !== '' && value === parse(by.after)?.[c]) blocked(db, batch, by, c);
      }
    }
  }
  // A number given since to a KIM the batch changed (or changed officers of) was given on this
  // batch's data: undoing it would leave a numbered KIM the rules may no longer pass.
  const touched = new Set<number>(mine.filter((c) => c.entity === 'community').map((c) => c.entity_id));
  const officerIds = mine.filter((c) => c.entity === 'officer').map((c) => c.entity_id);
  for (const id of officerIds) {
    const row = db.prepare(`SELECT community_id FROM officers WHERE id = ?`).get(id) as { community_id: number } | undefined;
    if (row) touched.add(row.community_id);
  }
  for (const id of db.prepare(`SELECT DISTINCT community_id FROM officers WHERE created_batch = ?`).pluck().all(batch.id) as number[]) touched.add(id);
  for (const r of later) {
    if (r.entity !== 'community' || !touched.has(r.entity_id) || created.community.has(r.entity_id)) continue;
    const number = parse(r.after)?.number;
    if (typeof number === 'string' && number && current(db, 'community', r.entity_id, ['number'])?.number === number) blocked(db, batch, r, 'number');
  }
}

function recordName(db: Db, entity: Entity, id: number): string {
  const row = db.prepare(`SELECT name FROM ${TABLE[entity]} WHERE id = ?`).get(id) as { name: string } | undefined;
  return row?.name ?? `#${id}`;
}

/** Throws the refusal for one blocking change: a later batch to undo first, or an office change to put back. */
function blocked(db: Db, batch: BatchRow, by: LaterRow, column: string | null): never {
  if (by.batch_id) throw usageError('undo.laterBatch', { batch: batch.id, later: by.batch_id });
  const name = recordName(db, by.entity, by.entity_id);
  const base = { batch: batch.id, audit: by.audit_id ?? '?', who: by.operator ?? '?', when: (by.at ?? '').slice(0, 16).replace('T', ' '), name };
  if (column === 'number') {
    const number = (parse(by.after)?.number as string | null) ?? '';
    throw usageError('undo.laterNumber', { ...base, number, command: `kim number --revoke ${by.entity_id} --reason "…"` });
  }
  const before = column ? parse(by.before)?.[column] : undefined;
  const option = column ? OPTION[column] : undefined;
  if (option && before !== undefined) {
    const value = column === 'nik' ? maskNik(before === null ? '' : String(before)) : before === null ? '' : String(before);
    const command = `kim edit ${by.entity} ${by.entity_id} ${option} "${value}"`;
    throw usageError('undo.laterEditBack', { ...base, command });
  }
  throw usageError('undo.laterEdit', { ...base, action: by.action ?? '?' });
}
