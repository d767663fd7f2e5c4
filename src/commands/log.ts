import type { Context } from '../context.js';
import { localDate, requireFormat } from '../context.js';
import { listAudit, type AuditRow } from '../db/audit.js';
import { parseDetails, summariseDetails } from '../core/audit/details.js';
import { usageError } from '../errors.js';
import type { MessageKey } from '../ui/messages/index.js';
import { emit } from '../ui/output.js';
import type { Dataset } from '../ui/render/dataset.js';
import { withDb } from './open.js';

/** One entry of `kim log --format json`. */
export interface LogEntry {
  id: number;
  at: string;
  operator: string;
  action: string;
  entity: string | null;
  entityId: number | null;
  details: unknown;
}

function parseLimit(value: unknown): number {
  const text = String(value ?? '50').trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw usageError('log.badLimit', { value: text });
  return n;
}

function toEntry(row: AuditRow): LogEntry {
  return {
    id: row.id,
    at: row.at,
    operator: row.operator,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    details: parseDetails(row.details),
  };
}

/** The stored UTC time as the clock on the clerk's wall shows it. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const ENTITY_KEYS: Record<string, MessageKey> = {
  community: 'log.entity.community',
  officer: 'log.entity.officer',
  batch: 'log.entity.batch',
  setting: 'log.entity.setting',
  database: 'log.entity.database',
  export: 'log.entity.export',
};

function what(ctx: Context, entry: LogEntry): string {
  if (!entry.entity) return '';
  const noun = ENTITY_KEYS[entry.entity] ? ctx.t(ENTITY_KEYS[entry.entity]!) : entry.entity;
  return entry.entityId === null ? noun : `${noun} ${entry.entityId}`;
}

/** The table a clerk reads: local time, a word for what was touched, the details in one line. */
function tableDataset(ctx: Context, entries: LogEntry[]): Dataset {
  const { t } = ctx;
  return {
    columns: [
      { key: 'time', header: t('log.col.time') },
      { key: 'operator', header: t('log.col.operator') },
      { key: 'action', header: t('log.col.action') },
      { key: 'what', header: t('log.col.what') },
      { key: 'details', header: t('log.col.details') },
    ],
    rows: entries.map((e) => ({ time: localTime(e.at), operator: e.operator, action: e.action, what: what(ctx, e), details: summariseDetails(e.details) })),
  };
}

/** CSV is for scripts and spreadsheets: the JSON fields as columns, the details whole. */
function csvDataset(entries: LogEntry[]): Dataset {
  const keys = ['id', 'at', 'operator', 'action', 'entity', 'entityId', 'details'] as const;
  return {
    columns: keys.map((key) => ({ key, header: key })),
    rows: entries.map((e) => ({ ...e, details: e.details === null ? '' : typeof e.details === 'string' ? e.details : JSON.stringify(e.details) })),
  };
}

export async function run(ctx: Context, _args: string[], opts: { limit?: string; action?: string }): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv']);
  const limit = parseLimit(opts.limit);
  const action = opts.action?.trim() || undefined;
  const entries = await withDb(ctx, {}, (db) => listAudit(db, { limit, action }).map(toEntry));
  const data = ctx.format === 'csv' ? csvDataset(entries) : tableDataset(ctx, entries);
  await emit(ctx, data, entries, { emptyText: ctx.t('log.empty') });
  return 0;
}
