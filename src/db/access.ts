import fs from 'node:fs';
import path from 'node:path';
import { environmentError, type KimError } from '../errors.js';
import type { MessageKey, MessageParams } from '../ui/messages/index.js';

const allowed = (file: string, mode: number) => {
  try {
    fs.accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
};

/**
 * Why this account cannot use the database, when permissions are the reason: a file it may not
 * read, a file (the database, its -wal or -shm) it may not write, or a folder it may not write,
 * where SQLite must create those working files to read or write the database. Undefined when the permissions
 * allow both, so that what SQLite said is something else (damage, a full disk).
 */
export function permissionProblem(file: string, options: { write: boolean }): { key: MessageKey; params: MessageParams } | undefined {
  const folder = path.dirname(file);
  if (fs.existsSync(file) && !allowed(file, fs.constants.R_OK)) return { key: 'db.noRead', params: { path: file } };
  if (!allowed(folder, fs.constants.W_OK | fs.constants.X_OK)) {
    // Reading a WAL database needs its -shm; with both companions already there, a reader manages.
    const companions = fs.existsSync(`${file}-wal`) && fs.existsSync(`${file}-shm`);
    if (options.write || !companions) return { key: 'db.folderReadonly', params: { path: file, folder } };
  }
  // The companions take the database's permissions when SQLite makes them, and keep them: a -shm
  // left by a read-only moment stops every later reader and writer. Readers write the -shm too.
  const written = options.write ? [file, `${file}-wal`, `${file}-shm`] : [`${file}-shm`];
  const stuck = written.find((f) => fs.existsSync(f) && !allowed(f, fs.constants.W_OK));
  return stuck ? { key: 'db.readonly', params: { path: stuck } } : undefined;
}

/** permissionProblem as the error a command stops with (exit 3). */
export function permissionError(file: string, options: { write: boolean }): KimError | undefined {
  const problem = permissionProblem(file, options);
  return problem && environmentError(problem.key, problem.params);
}
