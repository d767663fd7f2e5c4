import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { environmentError, KimError } from '../errors.js';
import { discardTemporary, outWriteError, privateTemporary, renameIntoPlace } from '../files.js';
import type { Db } from './connection.js';
import { firstProblem } from './soundness.js';

export interface BackupResult {
  file: string;
  bytes: number;
  schemaVersion: number;
}

/** Pages per backup step: everything at once, see copyDatabase. */
const ALL_PAGES = 0x7fffffff;

const companions = (file: string) => ['-journal', '-wal', '-shm'].map((suffix) => file + suffix);

function removeQuietly(files: string[]): void {
  for (const f of files) fs.rmSync(f, { force: true });
}

/** Makes the rename durable across a power cut; not every platform can fsync a folder. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; the file itself was synced by SQLite.
  }
}

/**
 * Copies the database behind `source` to `target` with SQLite's online backup API.
 *
 * - The copy is written under a temporary name beside the target (same disk, so the rename is
 *   atomic) and renamed into place only when complete and checked: a target never holds half a
 *   backup, and an older backup it replaces survives a failed attempt.
 * - The temporary file is created 0600 before SQLite writes a byte into it: rosters hold NIKs.
 * - All pages are copied in one step, inside one read transaction: the copy is the last committed
 *   state, however busy other desks are (in WAL they keep writing meanwhile). Copying in small
 *   steps would restart whenever another connection commits, and might never finish on a busy day.
 * - The copy is switched to a rollback journal so it is one self-contained file to carry away
 *   (kim switches it back to WAL when it is opened as a working database).
 *
 * The caller checks the target (not the database itself, overwrite confirmed).
 */
export async function copyDatabase(source: Db, target: string, schemaVersion: number): Promise<BackupResult> {
  let tmp: string;
  try {
    tmp = privateTemporary(target);
  } catch (cause) {
    // The folder the clerk chose cannot take the file: a choice to change, not a broken database.
    throw outWriteError(target, cause);
  }
  try {
    await source.backup(tmp, { progress: () => ALL_PAGES });
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const problem = firstProblem(copy, { thorough: true });
      if (problem !== null) throw environmentError('backup.copyDamaged', { path: target, reason: problem });
    } finally {
      copy.close();
    }
    // A stale WAL left beside an older backup would be replayed onto the new file: drop it first.
    removeQuietly(companions(target));
    renameIntoPlace(tmp, target);
    syncFolder(path.dirname(target));
  } catch (error) {
    discardTemporary(tmp);
    if (error instanceof KimError) throw error;
    throw environmentError('backup.failed', { path: target, reason: (error as Error).message }, error);
  }
  return { file: target, bytes: fs.statSync(target).size, schemaVersion };
}
