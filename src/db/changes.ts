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
): number {
  const info = prepared(db, `INSERT INTO changes (batch_id, audit_id, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?, ?)`).run(ref.batchId ?? null, ref.auditId ?? null, entity, entityId, action, JSON.stringify(before));
  return Number(info.lastInsertRowid);
}

/**
 * Updates the named columns of one community or officer and keeps their previous values.
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
  const before = prepared(db, `SELECT ${columns.join(', ')} FROM ${TABLE[entity]} WHERE id = ?`).get(entityId) as Record<string, unknown> | undefined;
  if (!before) throw new Error(`${entity} ${entityId} not found`);
  recordChange(db, ref, entity, entityId, action, before);
  setColumns(db, entity, entityId, values);
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
  ...COMMUNITY_VALUE_COLUMNS, 'number', 'ended_at', 'end_reason', 'updated_at', 'last_batch', 'validated_at',
]);

export const OFFICER_COLUMNS = new Set([
  'name', 'name_key', 'nik', 'nik_key', 'role', 'birth_place', 'birth_date', 'birth_date_iso', 'gender',
  'sex', 'occupation', 'nip', 'party', 'ngo', 'phone', 'address', 'employment_status', 'notes', 'ended_at',
  'end_reason', 'updated_at', 'last_batch',
]);
