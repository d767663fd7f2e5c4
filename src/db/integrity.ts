import type { Db } from './connection.js';
import { schemaState, type SchemaState } from './readonly.js';
import { SCHEMA_VERSION } from './schema.js';

/** The JSON document of `kim check`. */
export interface CheckReport {
  ok: boolean;
  /** What PRAGMA integrity_check found wrong; empty when the file is sound. */
  integrity: string[];
  /** Rows that refer to a record that does not exist (PRAGMA foreign_key_check). */
  foreignKeys: number;
  /** PRAGMA user_version, or null when the file could not be read as a database at all. */
  schemaVersion: number | null;
  expectedSchemaVersion: number;
}

export interface CheckOutcome {
  report: CheckReport;
  schema: SchemaState | 'unreadable';
}

/** SQLite stops listing after this many problems; a damaged file is restored whole anyway. */
const MAX_PROBLEMS = 100;

/** A finding from SQLite's error; a busy database is not a damaged one, so that is rethrown. */
function finding(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) throw error;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the whole file through SQLite's own checks. It only reads: SQLite's errors on a damaged
 * or foreign file become findings of the report, never exceptions, so that `check` always answers.
 */
export function checkDatabase(db: Db): CheckOutcome {
  const report: CheckReport = { ok: false, integrity: [], foreignKeys: 0, schemaVersion: null, expectedSchemaVersion: SCHEMA_VERSION };
  let schema: CheckOutcome['schema'];
  try {
    const state = schemaState(db);
    report.schemaVersion = state.version;
    schema = state.state;
  } catch (error) {
    // Not a database at all (or its first page is gone): nothing more can be read.
    report.integrity.push(finding(error));
    return { report, schema: 'unreadable' };
  }
  try {
    const rows = db.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[];
    report.integrity.push(...rows.map((r) => r.integrity_check).filter((m) => m !== 'ok'));
  } catch (error) {
    report.integrity.push(finding(error));
  }
  try {
    report.foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  } catch (error) {
    report.integrity.push(finding(error));
  }
  report.ok = report.integrity.length === 0 && report.foreignKeys === 0 && (schema === 'current' || schema === 'older');
  return { report, schema };
}
