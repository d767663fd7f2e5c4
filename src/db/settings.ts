import { prepared, type Db } from './connection.js';

/** Raw stored settings: JSON values by key. Meaning and defaults live in core/settings. */
export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = prepared(db, `SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value) as T);
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    key,
    JSON.stringify(value),
  );
}

export function deleteSetting(db: Db, key: string): void {
  db.prepare(`DELETE FROM settings WHERE key = ?`).run(key);
}
