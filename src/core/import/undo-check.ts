/**
 * Whether undoing an import would throw away something done after it, and if so what and how to
 * put it back first. Judged by values, not by the mere fact of a later change: a field changed
 * later and then set back (a revoked number, an edit typed back) loses nothing.
 */
import type { Db } from '../../db/connection.js';
import type { Entity } from '../../db/changes.js';
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
  // Records the batch created go: what was done to them since must have been put back.
  for (const r of later) {
    if (!created[r.entity].has(r.entity_id)) continue;
    const after = parse(r.after);
    if (!after) blocked(db, batch, r, null);
    for (const c of Object.keys(after!)) {
      if (STAMPS.has(c)) continue;
      const first = later.find((x) => x.entity === r.entity && x.entity_id === r.entity_id && (parse(x.after)?.[c] !== undefined));
      const original = parse(first!.before)?.[c] ?? null;
      const now = current(db, r.entity, r.entity_id, [c]);
      if (now && (now[c] ?? null) !== original) blocked(db, batch, laterWriter(later, r.entity, r.entity_id, c)!, c);
    }
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
