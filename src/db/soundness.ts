import type Database from 'better-sqlite3';
import { environmentError } from '../errors.js';

type Db = Database.Database;

/** Connections whose file passed the check: one check per command, however many writes follow. */
const confirmed = new WeakSet<Db>();

const isBusy = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
};

/**
 * Up to this size the check before a write is SQLite's full integrity_check; above it, its
 * quick_check. Both read every page and check each b-tree's structure, the links between pages,
 * the free list and the format of every record: the damage a write could spread. integrity_check
 * also checks that every index agrees with its table, at about 10 ms a MiB against quick_check's
 * 1.3 (a million officers, 304 MiB: 2 to 5 s against 0.35 to 0.45 s). Up to 8 MiB (some 25,000
 * officers, several times an office) integrity_check takes under 0.1 s.
 */
export const FULL_CHECK_MAX_BYTES = 8 * 2 ** 20;

const fileBytes = (db: Db) => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

/**
 * The first thing SQLite's check finds wrong with the file, or null when it is sound. A page
 * SQLite cannot even read is a problem found, not an exception; a busy file is rethrown.
 */
export function firstProblem(db: Db): string | null {
  try {
    const check = fileBytes(db) <= FULL_CHECK_MAX_BYTES ? 'integrity_check' : 'quick_check';
    const report = String(db.pragma(`${check}(1)`, { simple: true }) ?? 'ok');
    if (report === 'ok') return null;
    // SQLite's report may open with a heading line ("*** in database main ***").
    return (report.split('\n').find((line) => line.trim() !== '' && !line.startsWith('***')) ?? report).trim();
  } catch (error) {
    if (isBusy(error)) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Refuses to write to a damaged file, with `kim check`'s sentence and exit 3. Called by every
 * write transaction before its first statement: a write into a broken b-tree can spread the
 * damage, and a clerk who goes on working on a damaged file loses that work when the backup is
 * restored. Costs a read of the whole file once per connection (0.35 to 0.45 s at a million officers).
 */
export function confirmSound(db: Db): void {
  if (!confirmed.has(db)) acceptCheck(db, firstProblem(db));
}

/** confirmSound with the answer of a check made elsewhere on the same file (a backup's copy). */
export function acceptCheck(db: Db, problem: string | null): void {
  if (problem !== null) throw environmentError('db.damaged', { path: db.name, problem });
  confirmed.add(db);
}
