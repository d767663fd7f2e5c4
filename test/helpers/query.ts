import path from 'node:path';
import Database from 'better-sqlite3';

/** Reads the kim.sqlite of a folder read-only, as a clerk's other window would. */
export function queryDb<T = any>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
