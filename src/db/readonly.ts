import fs from 'node:fs';
import Database from 'better-sqlite3';
import { environmentError, usageError } from '../errors.js';
import { permissionError } from './access.js';
import type { Db } from './connection.js';
import { SCHEMA_VERSION } from './schema.js';

/**
 * Opens an existing database for reading only: no migration, no journal-mode switch, no write of
 * any kind, so that `check` and `backup` see the file exactly as it is (a backup taken before an
 * upgrade must hold the old schema). A missing file is never created.
 *
 * SQLite may leave empty `-wal`/`-shm` files beside a WAL database opened this way; the next kim
 * command that writes removes them when it closes.
 */
export function openReadOnly(file: string, busyTimeoutMs: number): Db {
  if (!fs.existsSync(file)) throw usageError('db.missing', { path: file });
  // Told apart from damage before SQLite says "unable to open": a file or folder this account may not use.
  const denied = permissionError(file, { write: false });
  if (denied) throw denied;
  try {
    return new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  } catch (cause) {
    throw environmentError('db.cantOpen', { path: file, reason: (cause as Error).message }, cause);
  }
}

export type SchemaState = 'current' | 'older' | 'newer' | 'foreign';

/** What the schema version says about a file; throws SQLite's own error when it is not a database. */
export function schemaState(db: Db): { version: number; state: SchemaState } {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) return { version, state: 'newer' };
  if (version === SCHEMA_VERSION) return { version, state: 'current' };
  if (version === 0) {
    // Version 0 with tables is somebody else's SQLite file; with none, a kim file cut off at birth.
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    if (tables.n > 0) return { version, state: 'foreign' };
  }
  return { version, state: 'older' };
}

/** The refusals every command shares: a newer kim's file, or not a kim file at all (exit 3). */
export function requireKimSchema(db: Db, file: string): number {
  const { version, state } = schemaState(db);
  if (state === 'newer') throw environmentError('db.newer', { path: file, version, supported: SCHEMA_VERSION });
  if (state === 'foreign') throw environmentError('db.notKim', { path: file });
  return version;
}
