import fs from 'node:fs';
import path from 'node:path';
import { usageError } from './errors.js';

/**
 * Everything kim writes names people (officers, birth dates, phones, in a rejects file or a
 * backup whole NIKs), so like the database it is readable by its owner only, whatever the umask.
 */
export const PRIVATE_MODE = 0o600;

/** Where a file is written before it is renamed into place: beside it, hidden, this process's own. */
function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Creates an empty file readable by its owner only (it must not exist yet). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_MODE));
  fs.chmodSync(file, PRIVATE_MODE);
}

/**
 * The temporary path for `file`, made a new empty private file: one left by an earlier process with
 * the same pid is removed first, so its mode is never reused.
 */
export function privateTemporary(file: string): string {
  const tmp = temporaryPath(file);
  fs.rmSync(tmp, { force: true });
  createPrivateFile(tmp);
  return tmp;
}

/**
 * The clerk's sentence for a file kim could not write (exit 2), naming the file asked for: the
 * system's own message names the hidden temporary file, which the clerk never asked for.
 */
export function outWriteError(file: string, cause: unknown): Error {
  const dir = path.dirname(file);
  const code = (cause as { code?: unknown }).code;
  if (isFolder(file)) return usageError('error.outIsFolder', { path: file }, cause);
  if ((code === 'ENOENT' || code === 'ENOTDIR') && !isFolder(dir)) return usageError('error.outNoFolder', { path: file, dir }, cause);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return usageError('error.outDenied', { path: file, dir }, cause);
  const reason = String((cause as Error).message ?? cause).split(temporaryPath(file)).join(file);
  return usageError('error.outWrite', { path: file, reason }, cause);
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Writes a whole file: a reader never sees half of it, and a failure leaves nothing behind. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = temporaryPath(file);
  try {
    fs.writeFileSync(privateTemporary(file), data);
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
    const result = await write(privateTemporary(file));
    fs.renameSync(tmp, file);
    return result;
  } catch (cause) {
    fs.rmSync(tmp, { force: true });
    throw outWriteError(file, cause);
  }
}
