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
 * The check before a write is the most thorough of SQLite's that stays near 0.1 s at the file's
 * size, measured at a million officers (304 MiB):
 * - integrity_check, up to 8 MiB (some 25,000 officers, several times an office): every page,
 *   b-tree, link, the free list, every record, and every index against its table; about 10 ms a
 *   MiB (2 to 5 s at a million officers);
 * - quick_check, up to 64 MiB: the same but the comparison of indexes with their tables; about
 *   1.3 ms a MiB (0.35 to 0.45 s at a million officers: a fifth of validating them);
 * - above, a walk over every page of every table and index (SQLite's dbstat) with an account of
 *   the pages: each must be readable as the kind of page it is, and tables, indexes and the free
 *   list must together hold every page of the file, no more, no less; 0.14 to 0.19 s at a million
 *   officers. It finds what disks and copies do to a file (zeroed or garbage pages, lost or
 *   cut-off pages, broken links), not every few bytes gone wrong inside a record: SQLite notices
 *   many of those when a command reads or writes that page, and `kim check` runs integrity_check.
 */
export const INTEGRITY_CHECK_MAX_BYTES = 8 * 2 ** 20;
export const QUICK_CHECK_MAX_BYTES = 64 * 2 ** 20;

const pragmaNumber = (db: Db, name: string) => db.pragma(name, { simple: true }) as number;

/** SQLite's report of a check, its first real line ("*** in database main ***" comes before). */
function checkReport(db: Db, check: 'integrity_check' | 'quick_check'): string | null {
  const report = String(db.pragma(`${check}(1)`, { simple: true }) ?? 'ok');
  if (report === 'ok') return null;
  return (report.split('\n').find((line) => line.trim() !== '' && !line.startsWith('***')) ?? report).trim();
}

/** The walk over every page (see above). */
export function pageWalk(db: Db): string | null {
  const walked = db.prepare(`SELECT count(*) AS pages, coalesce(sum(pagetype = 'corrupted'), 0) AS bad FROM dbstat`).get() as { pages: number; bad: number };
  if (walked.bad > 0) {
    const first = db.prepare(`SELECT name, pageno FROM dbstat WHERE pagetype = 'corrupted' LIMIT 1`).get() as { name: string; pageno: number };
    return `page ${first.pageno} of ${first.name} cannot be read`;
  }
  const pages = pragmaNumber(db, 'page_count');
  // The page holding the file's byte 2^30, which SQLite never uses, once the file is that large.
  const lockPage = pages * pragmaNumber(db, 'page_size') > 2 ** 30 ? 1 : 0;
  const held = walked.pages + pragmaNumber(db, 'freelist_count') + lockPage;
  return held === pages ? null : `the tables, indexes and free list hold ${held} pages of the file's ${pages}`;
}

/**
 * The first thing the check finds wrong with the file, or null when it is sound. `thorough`
 * never settles for the page walk (a backup's copy is checked once, and whole). A page SQLite
 * cannot even read is a problem found, not an exception; a busy file is rethrown.
 */
export function firstProblem(db: Db, options: { thorough?: boolean } = {}): string | null {
  try {
    const bytes = pragmaNumber(db, 'page_count') * pragmaNumber(db, 'page_size');
    if (bytes <= INTEGRITY_CHECK_MAX_BYTES) return checkReport(db, 'integrity_check');
    if (bytes <= QUICK_CHECK_MAX_BYTES || options.thorough) return checkReport(db, 'quick_check');
    return pageWalk(db);
  } catch (error) {
    if (isBusy(error)) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Refuses to write to a damaged file, with `kim check`'s sentence and exit 3. Called by every
 * write transaction before its first statement: a write into a broken b-tree can spread the
 * damage, and a clerk who goes on working on a damaged file loses that work when the backup is
 * restored. Costs a read of the whole file once per connection (0.14 to 0.19 s at a million
 * officers).
 */
export function confirmSound(db: Db): void {
  if (!confirmed.has(db)) acceptCheck(db, firstProblem(db));
}

/** confirmSound with the answer of a check made elsewhere on the same file (a backup's copy). */
export function acceptCheck(db: Db, problem: string | null): void {
  if (problem !== null) throw environmentError('db.damaged', { path: db.name, problem });
  confirmed.add(db);
}
