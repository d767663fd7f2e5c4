import fs from 'node:fs';
import path from 'node:path';
import { usageError } from './errors.js';

/**
 * Everything kim writes names people (officers, birth dates, phones, in a rejects file or a
 * backup whole NIKs), so like the database it is readable by its owner only, whatever the umask.
 */
export const PRIVATE_MODE = 0o600;

/** Where a file is written before it is renamed into place: beside it, hidden, this process's own. */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Creates an empty file readable by its owner only (it must not exist yet). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_MODE));
  fs.chmodSync(file, PRIVATE_MODE);
}

function outWriteError(file: string, cause: unknown): Error {
  return usageError('error.outWrite', { path: file, reason: (cause as Error).message }, cause);
}

/** Writes a whole file: a reader never sees half of it, and a failure leaves nothing behind. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = temporaryPath(file);
  try {
    fs.writeFileSync(tmp, data, { mode: PRIVATE_MODE });
    fs.renameSync(tmp, file);
  } catch (cause) {
    fs.rmSync(tmp, { force: true });
    throw outWriteError(file, cause);
  }
}

/**
 * Lets `write` fill a private temporary file (created first, because exceljs keeps an existing
 * file's mode), then renames it into place; on failure the temporary is removed.
 */
export async function writeViaTemporary<T>(file: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const tmp = temporaryPath(file);
  try {
    fs.rmSync(tmp, { force: true });
    createPrivateFile(tmp);
    const result = await write(tmp);
    fs.renameSync(tmp, file);
    return result;
  } catch (cause) {
    fs.rmSync(tmp, { force: true });
    throw outWriteError(file, cause);
  }
}
