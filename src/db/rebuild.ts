import type { Database } from 'better-sqlite3';

/**
 * Rebuilds a table with an edited CREATE TABLE statement: SQLite cannot drop a table constraint in
 * place, so the table is created anew, filled with the same rows (same ids), and swapped in, its
 * indexes made again (SQLite's "other kinds of table schema changes" procedure). The statement is
 * edited as SQLite stores it, columns added by earlier migrations included, so a column another
 * migration adds is never lost whatever the order the two run in.
 *
 * Needs PRAGMA foreign_keys off (openDatabase turns it off while migrating): other tables refer to
 * this one while it is dropped, and a cascade would empty them.
 */
export function rebuildTable(db: Database, table: string, edit: (sql: string) => string): void {
  if (db.pragma('foreign_keys', { simple: true })) throw new Error(`rebuilding ${table} needs foreign keys off`);
  const stored = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table) as string | undefined;
  if (!stored) throw new Error(`no table ${table} to rebuild`);
  const edited = edit(stored);
  // Rebuilt already (a file stamped with an older version than it has).
  if (edited === stored) return;
  const indexes = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).pluck().all(table) as string[];
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`).join(', ');
  const rebuilt = `${table}_rebuilt`;
  const head = new RegExp(`^CREATE TABLE\\s+"?${table}"?\\s*\\(`);
  if (!head.test(edited)) throw new Error(`unexpected CREATE TABLE text for ${table}`);
  db.exec(edited.replace(head, `CREATE TABLE ${rebuilt} (`));
  db.exec(`INSERT INTO ${rebuilt} (${columns}) SELECT ${columns} FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${rebuilt} RENAME TO ${table}`);
  for (const sql of indexes) db.exec(sql);
}

/** Adds the columns a table lacks; those it has already are left as they are. */
export function addMissingColumns(db: Database, columns: readonly (readonly [table: string, column: string, type: string])[]): void {
  for (const [table, column, type] of columns) {
    const has = db.prepare(`SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`).pluck().get(table, column) as number;
    if (has === 0) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
