import fs from 'node:fs';
import path from 'node:path';
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
  const reason = String((cause as Error).message ?? cause).split(temporaryName(file)).join(file);
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

/** The same file under two paths: the same text (any case on Windows), or a hard or symbolic link. */
export function sameFile(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);
  if (norm(a) === norm(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses (exit 2) a file kim is asked to write (--out, --rejects, a backup) that it could not or
 * must not write: the database itself or one of its companions, a folder that does not exist or
 * that this account may not write in, a folder named as the file. Checked before the command
 * changes anything, so that a bad target never leaves work done and then reported as failed.
 */
export function requireWritableTarget(target: string, dbPath: string): void {
  if ([dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`].some((f) => sameFile(target, f))) {
    throw usageError('target.ontoDatabase', { path: target });
  }
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw usageError('target.noFolder', { path: folder });
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw usageError('target.isFolder', { path: target });
  }
  try {
    // The file is written beside the target and renamed: the folder must take a new file.
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw usageError('target.folderReadonly', { path: folder, file: path.basename(target) });
  }
}
