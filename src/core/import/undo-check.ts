/**
 * Whether undoing an import would throw away something done after it, and if so what and how to
 * put it back first. Judged by values, not by the mere fact of a later change: a field changed
 * later and then set back (a revoked number, an edit typed back) loses nothing.
 */
import { prepared, type Db } from '../../db/connection.js';
import { IMPORTED, type Entity } from '../../db/changes.js';
import { usageError } from '../../errors.js';
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
  return prepared(db, `SELECT ${safe.join(', ')} FROM ${TABLE[entity]} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}

/** The officers a batch created or changed, and the communities it touched directly or through them. */
export const TOUCHED_OFFICERS = `SELECT id FROM officers WHERE created_batch = @batch
  UNION SELECT entity_id FROM changes WHERE batch_id = @batch AND entity = 'officer'`;
export const TOUCHED_COMMUNITIES = `SELECT community_id FROM officers WHERE id IN (${TOUCHED_OFFICERS})
  UNION SELECT entity_id FROM changes WHERE batch_id = @batch AND entity = 'community'`;

/**
 * The later change that a column's value now comes from: the latest one after the batch that
 * wrote that column of that record (or any later one, for changes older kims recorded whole).
 */
function laterWriter(rows: LaterRow[], column: string): LaterRow | undefined {
  for (let i = rows.length - 1; i >= 0; i--) {
    const after = parse(rows[i]!.after);
    if (!after || column in after) return rows[i];
  }
  return undefined;
}

/** Refuses, with what blocks and the command that would unblock it, when undo would lose later work. */
export function refuseIfLaterWorkLost(db: Db, batch: BatchRow): void {
  const later = db
    .prepare(
      `SELECT c.id, c.batch_id, c.audit_id, c.entity, c.entity_id, c.before, c.after, a.action, a.at, a.operator
       FROM changes c LEFT JOIN audit_log a ON a.id = c.audit_id WHERE c.id > ? ORDER BY c.id`,
    )
    .all(batch.last_change) as LaterRow[];
  if (later.length === 0) return;
  // Each record's later changes, in order, once.
  const laterOf = new Map<string, LaterRow[]>();
  for (const r of later) {
    const key = `${r.entity}:${r.entity_id}`;
    const list = laterOf.get(key);
    if (list) list.push(r);
    else laterOf.set(key, [r]);
  }
  const changesOf = (entity: Entity, id: number) => laterOf.get(`${entity}:${id}`) ?? [];
  const mine = db.prepare(`SELECT id, batch_id, audit_id, entity, entity_id, before, after FROM changes WHERE batch_id = ? ORDER BY id`).all(batch.id) as ChangeRow[];
  const created = {
    community: new Set(db.prepare(`SELECT id FROM communities WHERE created_batch = ?`).pluck().all(batch.id) as number[]),
    officer: new Set(db.prepare(`SELECT id FROM officers WHERE created_batch = ?`).pluck().all(batch.id) as number[]),
  };
  // Records the batch changed: what it wrote must still be there, or undo would overwrite later work.
  for (const change of mine) {
    const touchedLater = changesOf(change.entity, change.entity_id);
    if (touchedLater.length === 0) continue;
    const after = parse(change.after);
    if (!after) blocked(db, batch, touchedLater.at(-1)!, null);
    const columns = Object.keys(after!).filter((c) => !STAMPS.has(c));
    const now = current(db, change.entity, change.entity_id, columns);
    for (const c of columns) if (now && now[c] !== after![c]) blocked(db, batch, laterWriter(touchedLater, c) ?? touchedLater.at(-1)!, c);
  }
  // Records the batch created go: what the office did to them since must have been put back. A
  // field it changed away from what the import wrote is in the record's base; what an import never
  // writes (a number, a KIM's end or name) is judged by whether the last later change still stands.
  // In the order they were changed, so the first refusal names the earliest.
  for (const rows of laterOf.values()) {
    const entity = rows[0]!.entity;
    const id = rows[0]!.entity_id;
    if (!created[entity].has(id)) continue;
    // A later batch that changed the record is undone first (its rows go when it is undone).
    const byBatch = rows.find((r) => r.batch_id !== null);
    if (byBatch) blocked(db, batch, byBatch, null);
    const last = rows.at(-1)!;
    const base = parse((current(db, entity, id, ['base']) ?? {}).base as string | null);
    // A column `kim edit` can put back is named first (the name before its key).
    const changed = Object.keys(base ?? {}).filter((c) => !STAMPS.has(c)).sort((a, b) => Number(!(a in OPTION)) - Number(!(b in OPTION)));
    for (const c of changed) blocked(db, batch, laterWriter(rows, c) ?? last, c);
    const others = new Set(rows.flatMap((r) => Object.keys(parse(r.after) ?? {})));
    for (const c of others) {
      if (STAMPS.has(c) || IMPORTED[entity].has(c)) continue;
      const by = laterWriter(rows, c) ?? last;
      const value = current(db, entity, id, [c])?.[c] ?? null;
      if (value !== null && value !== '' && value === parse(by.after)?.[c]) blocked(db, batch, by, c);
    }
  }
  // A number given since to a KIM the batch touched (its officers included) was given on this
  // batch's data: undoing it would leave a numbered KIM the rules may no longer pass.
  const numbered = later.filter((r) => r.entity === 'community' && !created.community.has(r.entity_id) && typeof parse(r.after)?.number === 'string');
  if (numbered.length === 0) return;
  const touched = new Set(prepared(db, TOUCHED_COMMUNITIES).pluck().all({ batch: batch.id }) as number[]);
  for (const r of numbered) {
    const number = parse(r.after)!.number as string;
    if (number && touched.has(r.entity_id) && current(db, 'community', r.entity_id, ['number'])?.number === number) blocked(db, batch, r, 'number');
  }
}

function recordName(db: Db, entity: Entity, id: number): string {
  const row = prepared(db, `SELECT name FROM ${TABLE[entity]} WHERE id = ?`).get(id) as { name: string } | undefined;
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
  // A NIK is never printed whole, so no command can put one back: the edit is named instead.
  const option = column && column !== 'nik' ? OPTION[column] : undefined;
  if (option && before !== undefined) {
    const command = `kim edit ${by.entity} ${by.entity_id} ${option} "${before === null ? '' : String(before)}"`;
    throw usageError('undo.laterEditBack', { ...base, command });
  }
  throw usageError('undo.laterEdit', { ...base, action: by.action ?? '?' });
}
