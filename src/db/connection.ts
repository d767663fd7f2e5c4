import fs from 'node:fs';
import path from 'node:path';
import Database, { type Statement } from 'better-sqlite3';
import { environmentError, usageError } from '../errors.js';
import { createPrivateFile } from '../files.js';
import { permissionError } from './access.js';
import { requireKimSchema } from './readonly.js';
import { confirmSound } from './soundness.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file (0600) when it does not exist; otherwise a missing file is a usage error. */
  create?: boolean;
  /** Operator recorded when the schema is created or upgraded. */
  operator?: string;
  /** Milliseconds to wait for another kim holding the write lock. */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/** The page size of a database kim creates. */
export const PAGE_SIZE = 8192;

export function busyTimeoutFromEnv(env: NodeJS.ProcessEnv): number {
  const n = Number(env.KIM_BUSY_TIMEOUT);
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_BUSY_TIMEOUT_MS;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (!fs.existsSync(file)) {
    if (!options.create) throw usageError('db.missing', { path: file });
    try {
      // Created before SQLite does, so that it is never readable by anyone but its owner.
      fs.mkdirSync(path.dirname(file), { recursive: true });
      createPrivateFile(file);
    } catch (cause) {
      throw environmentError('db.cantCreate', { path: file, reason: (cause as Error).message }, cause);
    }
  }
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true, timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  } catch (cause) {
    throw permissionError(file, { write: true }) ?? environmentError('db.cantOpen', { path: file, reason: (cause as Error).message }, cause);
  }
  try {
    const version = requireKimSchema(db, file);
    // Only a file without tables takes a page size (and not once it is in WAL mode). 8 KiB pages
    // make a million-officer import 8% faster than SQLite's 4 KiB (fewer pages to write, link and
    // checkpoint: medians of three alternated runs 8.9 s -> 8.3 s); an older file keeps its own.
    if (version === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
    // WAL lets readers (reports, backups) work while an import writes.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    // A legal registry: a committed batch must survive a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    // The default 2 MiB page cache thrashes once the officer indexes outgrow it (a NIK index takes
    // random inserts); 48 MiB keeps a million officers' NIK index in memory. Allocated only as used.
    db.pragma('cache_size = -49152');
    // Off while migrating (it cannot change inside the migration's transaction): a migration that
    // rebuilds a table drops it while other tables still refer to it (see db/rebuild.ts).
    db.pragma('foreign_keys = OFF');
    if (version < SCHEMA_VERSION) migrate(db, version, options.operator ?? 'kim');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: Db, from: number, operator: string): void {
  db.transaction(() => {
    // Re-read inside the write lock: another kim may have migrated meanwhile.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= SCHEMA_VERSION) return;
    confirmSound(db);
    let details: Record<string, unknown> = { from, to: SCHEMA_VERSION };
    for (let v = current; v < SCHEMA_VERSION; v++) {
      const m = MIGRATIONS[v]!;
      if (typeof m === 'string') db.exec(m);
      else details = { ...details, ...m(db) };
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.prepare(
      `INSERT INTO audit_log (at, operator, action, entity, details) VALUES (?, ?, 'schema.upgrade', 'database', ?)`,
    ).run(new Date().toISOString(), operator, JSON.stringify(details));
  }).immediate();
}

/**
 * Runs fn in a transaction that takes the write lock at once, so waiting happens up front, on a
 * file confirmed sound before anything is written.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(() => {
    confirmSound(db);
    return fn();
  }).immediate();
}

/**
 * BEGIN IMMEDIATE for a transaction the caller commits by hand (its work is asynchronous), on a
 * file confirmed sound; on a damaged file nothing is begun.
 */
export function beginWrite(db: Db): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    confirmSound(db);
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection. better-sqlite3 keeps no cache of its own, and some
 * statements run once per changed record or per KIM (before-images, audit entries, numbers): a
 * re-import that updates a million officers would otherwise compile the same SQL a million times.
 * The SQL text is the key, so a caller that sets a mode on it (pluck, raw) must own that text.
 */
export function prepared(db: Db, sql: string): Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  return statement;
}
