import { maskDetails } from '../core/audit/details.js';
import { prepared, type Db } from './connection.js';

export interface AuditEntry {
  operator: string;
  action: string;
  entity?: 'community' | 'officer' | 'batch' | 'setting' | 'database' | 'export';
  entityId?: number | null;
  details?: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string | null;
  entity_id: number | null;
  details: string | null;
}

/**
 * Records who did what and when. Call it inside the transaction that makes the change. The
 * details carry what the clerk typed (reasons, file names): NIK-shaped numbers in them are masked
 * before they are stored, so the log never holds a NIK whole.
 */
export function audit(db: Db, entry: AuditEntry): number {
  const info = prepared(db, `INSERT INTO audit_log (at, operator, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(
      new Date().toISOString(),
      entry.operator,
      entry.action,
      entry.entity ?? null,
      entry.entityId ?? null,
      entry.details === undefined ? null : JSON.stringify(maskDetails(entry.details)),
    );
  return Number(info.lastInsertRowid);
}

export interface AuditQuery {
  limit?: number;
  action?: string;
  entity?: string;
  entityId?: number;
}

export function listAudit(db: Db, q: AuditQuery = {}): AuditRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: q.limit ?? 100 };
  if (q.action) {
    where.push(`(action = @action OR action LIKE @actionPrefix)`);
    params.action = q.action;
    params.actionPrefix = `${q.action}.%`;
  }
  if (q.entity) {
    where.push('entity = @entity');
    params.entity = q.entity;
  }
  if (q.entityId !== undefined) {
    where.push('entity_id = @entityId');
    params.entityId = q.entityId;
  }
  const sql = `SELECT * FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT @limit`;
  return db.prepare(sql).all(params) as AuditRow[];
}
