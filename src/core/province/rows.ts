import type { Db } from '../../db/connection.js';

/**
 * Whole rows of the tables a merge fills, as SQL: column lists read from the schema itself, so
 * that a column a later migration adds is copied, kept and put back like the others. Column names
 * come from SQLite's own table_info, never from input.
 */
export type MergedTable = 'communities' | 'officers' | 'findings';
export type MergedEntity = 'community' | 'officer' | 'finding';

export const TABLE_OF: Record<MergedEntity, MergedTable> = { community: 'communities', officer: 'officers', finding: 'findings' };

export const quote = (column: string) => `"${column.replace(/"/g, '""')}"`;

export function columnsOf(db: Db, table: MergedTable, schema = 'main'): string[] {
  return db.prepare(`SELECT name FROM pragma_table_info(?, ?) ORDER BY cid`).pluck().all(table, schema) as string[];
}

/** A row of `table` under `alias` as one JSON object, every column by its name. */
export function rowImageSql(db: Db, table: MergedTable, alias: string): string {
  return `json_object(${columnsOf(db, table).map((c) => `'${c}', ${alias}.${quote(c)}`).join(', ')})`;
}

/**
 * Puts back the rows a merge batch kept of one table: a row still there gets its old values
 * (upsert on its id), a row that was removed comes back with its old id. Findings come back
 * without theirs: nothing refers to a finding, and a later one may have taken the id.
 */
export function restoreRows(db: Db, batchId: number, entity: MergedEntity): number {
  const table = TABLE_OF[entity];
  const columns = columnsOf(db, table).filter((c) => entity !== 'finding' || c !== 'id');
  const values = columns.map((c) => `json_extract(h.row, '$.${c}')`).join(', ');
  const update = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ');
  const upsert = entity === 'finding' ? '' : `ON CONFLICT (id) DO UPDATE SET ${update}`;
  return db
    .prepare(`INSERT INTO ${table} (${columns.map(quote).join(', ')}) SELECT ${values} FROM merge_history h WHERE h.batch_id = ? AND h.entity = ? ORDER BY h.rowid ${upsert}`)
    .run(batchId, entity).changes;
}

/** What fills a province column from the office's table `alias`: its own column, or NULL in an older file without it. */
export function officeValues(columns: string[], officeColumns: Set<string>, alias: string): string[] {
  return columns.map((c) => (officeColumns.has(c) ? `${alias}.${quote(c)}` : 'NULL'));
}

/** `p.c IS s.c AND …` over the columns: the two rows say the same. */
export function sameRowSql(columns: string[], officeColumns: Set<string>, province: string, office: string): string {
  const values = officeValues(columns, officeColumns, office);
  return columns.map((c, i) => `${province}.${quote(c)} IS ${values[i]}`).join(' AND ') || '1';
}
