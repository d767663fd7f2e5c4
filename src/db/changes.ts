import { prepared, type Db } from './connection.js';

export type Entity = 'community' | 'officer';

export interface ChangeRef {
  batchId?: number | null;
  auditId?: number | null;
}

/**
 * Keeps the before-image of an update so that `undo` can restore it and can see that a record was
 * touched again later. Call inside the transaction that makes the update.
 */
export function recordChange(
  db: Db,
  ref: ChangeRef,
  entity: Entity,
  entityId: number,
  action: 'update' | 'end',
  before: Record<string, unknown>,
  after: Record<string, unknown> | null = null,
): number {
  const info = prepared(db, `INSERT INTO changes (batch_id, audit_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    ref.batchId ?? null, ref.auditId ?? null, entity, entityId, action, JSON.stringify(before), after && JSON.stringify(after),
  );
  return Number(info.lastInsertRowid);
}

/**
 * The columns an import writes and the office may change after it. When the office changes one,
 * the value the import wrote is kept in the record's `base`, for the next import to compare the
 * file with (three-way, see docs/import.md).
 */
export const IMPORTED: Record<Entity, ReadonlySet<string>> = {
  officer: new Set([
    'name', 'name_key', 'nik', 'nik_key', 'role', 'birth_place', 'birth_date', 'birth_date_iso', 'gender', 'sex', 'occupation',
    'nip', 'party', 'ngo', 'phone', 'address', 'employment_status', 'notes', 'ended_at', 'end_reason',
  ]),
  community: new Set([
    'district_text', 'village_text', 'district_code', 'village_code', 'village_key', 'region_note', 'address', 'sk_number', 'sk_date',
    'sk_date_iso', 'sk_issuer', 'acknowledged', 'founded_date', 'founded_date_iso',
  ]),
};

/** A record's base after the office changes `after` from `before`: a value set back to the import's is no edit. */
export function baseAfterEdit(entity: Entity, base: string | null, before: Record<string, unknown>, after: Record<string, unknown>): string | null {
  const kept = base ? (JSON.parse(base) as Record<string, unknown>) : {};
  for (const [column, value] of Object.entries(after)) {
    if (!IMPORTED[entity].has(column)) continue;
    if (!(column in kept)) kept[column] = before[column] ?? null;
    if (kept[column] === value) delete kept[column];
  }
  return Object.keys(kept).length ? JSON.stringify(kept) : null;
}

/**
 * Updates the named columns of one community or officer for the office (an edit, an end, a
 * number), keeps their previous and new values, and remembers what the last import had written.
 * Columns are checked against a fixed list because their names go into SQL text.
 */
export function updateWithHistory(
  db: Db,
  ref: ChangeRef,
  entity: Entity,
  entityId: number,
  values: Record<string, unknown>,
  action: 'update' | 'end' = 'update',
): Record<string, unknown> {
  // Sorted as setColumns sorts them: one prepared statement per set of columns, whatever the order.
  const columns = allowedColumns(entity, Object.keys(values).sort());
  const row = prepared(db, `SELECT ${columns.join(', ')}, base AS __base FROM ${TABLE[entity]} WHERE id = ?`).get(entityId) as Record<string, unknown> | undefined;
  if (!row) throw new Error(`${entity} ${entityId} not found`);
  const { __base: base, ...before } = row;
  const changed = { ...values, base: baseAfterEdit(entity, base as string | null, before, values) };
  recordChange(db, ref, entity, entityId, action, { ...before, base }, changed);
  setColumns(db, entity, entityId, changed);
  return before;
}

const TABLE: Record<Entity, string> = { community: 'communities', officer: 'officers' };

/** Column names go into SQL text, so they are checked against a fixed list. */
function allowedColumns(entity: Entity, columns: string[]): string[] {
  const allowed = entity === 'community' ? COMMUNITY_COLUMNS : OFFICER_COLUMNS;
  for (const c of columns) if (!allowed.has(c)) throw new Error(`column ${c} cannot be updated on ${TABLE[entity]}`);
  return columns;
}

/** Sets the given columns of one community or officer (no history: the caller keeps it, or restores it). */
export function setColumns(db: Db, entity: Entity, entityId: number, values: Record<string, unknown>): void {
  const columns = allowedColumns(entity, Object.keys(values).sort());
  prepared(db, `UPDATE ${TABLE[entity]} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({ ...values, __id: entityId });
}

/** What a roster row gives a community: the columns an import writes when it creates one. */
export const COMMUNITY_VALUE_COLUMNS = [
  'name', 'name_key', 'village_key', 'regency_text', 'district_text', 'village_text', 'district_code',
  'village_code', 'address', 'sk_number', 'sk_date', 'sk_date_iso', 'sk_issuer', 'acknowledged',
  'founded_date', 'founded_date_iso', 'blind', 'region_note',
] as const;

export const COMMUNITY_COLUMNS = new Set<string>([
  ...COMMUNITY_VALUE_COLUMNS, 'number', 'ended_at', 'end_reason', 'updated_at', 'last_batch', 'validated_at', 'base',
]);

export const OFFICER_COLUMNS = new Set([
  'name', 'name_key', 'nik', 'nik_key', 'role', 'birth_place', 'birth_date', 'birth_date_iso', 'gender',
  'sex', 'occupation', 'nip', 'party', 'ngo', 'phone', 'address', 'employment_status', 'notes', 'ended_at',
  'end_reason', 'updated_at', 'last_batch', 'base',
]);
