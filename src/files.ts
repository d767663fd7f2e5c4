import fs from 'node:fs';
import { usageError } from './errors.js';
import { release, temporaryName, track } from './temporaries.js';

/**
 * Everything kim writes names people (officers, birth dates, phones, in a rejects file or a
 * backup whole NIKs), so like the database it is readable by its owner only, whatever the umask.
 */
export const PRIVATE_MODE = 0o600;


/** Creates an empty file readable by its owner only (it must not exist yet). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_MODE));
  fs.chmodSync(file, PRIVATE_MODE);
}

/**
 * The temporary path for `file` (beside it, hidden, this process's own), made a new empty private
 * file and tracked until it is renamed into place or removed (see temporaries.ts): one left by an
 * earlier process with the same pid is removed first, so its mode is never reused.
 */
export function privateTemporary(file: string): string {
  const tmp = temporaryName(file);
  track(tmp);
  try {
    fs.rmSync(tmp, { force: true });
    createPrivateFile(tmp);
  } catch (error) {
    release(tmp);
    throw error;
  }
  return tmp;
}

/** Renames a finished temporary onto its target. */
export function renameIntoPlace(tmp: string, file: string): void {
  fs.renameSync(tmp, file);
  release(tmp);
}

/** Gives up a temporary: removes it, and whatever SQLite left beside it. */
export function discardTemporary(tmp: string): void {
  release(tmp, { remove: true });
}

/** The clerk's sentence for a file kim could not write (exit 2). */
export function outWriteError(file: string, cause: unknown): Error {
  return usageError('error.outWrite', { path: file, reason: (cause as Error).message }, cause);
}

/** Writes a whole file: a reader never sees half of it, and a failure leaves nothing behind. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = temporaryName(file);
  try {
    fs.writeFileSync(privateTemporary(file), data);
    renameIntoPlace(tmp, file);
  } catch (cause) {
    discardTemporary(tmp);
    throw outWriteError(file, cause);
  }
}

/**
 * Lets `write` fill a private temporary file (created first, because exceljs keeps an existing
 * file's mode), then renames it into place; on failure the temporary is removed.
 */
export async function writeViaTemporary<T>(file: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = temporaryName(file);
  try {
    const result = await write(privateTemporary(file));
    renameIntoPlace(tmp, file);
    return result;
  } catch (cause) {
    discardTemporary(tmp);
    throw outWriteError(file, cause);
  }
}
