import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The temporary files kim writes before renaming them into place (exports, reports, backups,
 * rejects): `.<target name>.<pid>.tmp` beside their target. They may hold NIKs whole (a backup is
 * the whole database), so none may be left behind:
 *
 * - on every exit the command controls (done, failed, Ctrl-C, a kill by SIGTERM or SIGHUP), the
 *   command removes its own;
 * - a process killed outright (SIGKILL, a power cut) cannot, so each temporary is first written
 *   down in a register of this account's (a small file naming it), and every kim command starts
 *   by removing those whose process is gone. It only ever removes a file named in the register,
 *   and only when the name is kim's own pattern for that process id.
 */

/** The register: one file per temporary, named `<pid>-<n>`, holding the temporary's path. */
export function registerFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KIM_STATE_DIR) return path.join(env.KIM_STATE_DIR, 'temporaries');
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'kim', 'temporaries');
  return path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'kim', 'temporaries');
}

/** kim's name for a temporary of `file` written by process `pid`. */
export function temporaryName(file: string, pid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.tmp`);
}

/** What SQLite may leave beside a database file it was writing (the backup's copy). */
const COMPANIONS = ['', '-journal', '-wal', '-shm'];

const mine = new Map<string, string>();
let counter = 0;

function removeWithCompanions(file: string): void {
  for (const suffix of COMPANIONS) fs.rmSync(file + suffix, { force: true });
}

/** Removes this process's temporaries when it is stopped by a signal it can catch, then stops as it would have. */
function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of [...mine.keys()]) release(tmp, { remove: true });
  process.kill(process.pid, signal);
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function watchSignals(on: boolean): void {
  for (const signal of SIGNALS) {
    if (on) process.once(signal, onSignal);
    else process.off(signal, onSignal);
  }
}

/**
 * Notes that this process is about to create the temporary `tmp` (before creating it, so that no
 * moment exists where it is on disk and not in the register). A register that cannot be written
 * (no home folder) only loses the sweep after a SIGKILL.
 */
export function track(tmp: string): void {
  let entry = '';
  try {
    const folder = registerFolder();
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    entry = path.join(folder, `${process.pid}-${++counter}`);
    fs.writeFileSync(entry, tmp, { mode: 0o600 });
  } catch {
    entry = '';
  }
  if (mine.size === 0) watchSignals(true);
  mine.set(tmp, entry);
}

/** The temporary is renamed into place (or removed, with `remove`): it is no longer this process's to clean. */
export function release(tmp: string, options: { remove?: boolean } = {}): void {
  if (options.remove) removeWithCompanions(tmp);
  const entry = mine.get(tmp);
  if (entry === undefined) return;
  mine.delete(tmp);
  if (entry) fs.rmSync(entry, { force: true });
  if (mine.size === 0) watchSignals(false);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries of kim processes that are gone (killed before they could clean up).
 * Returns the files removed. Never throws: a sweep that cannot finish is tried again next time.
 */
export function sweepStale(env: NodeJS.ProcessEnv = process.env): string[] {
  const removed: string[] = [];
  const folder = registerFolder(env);
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of entries) {
    const pid = Number(/^(\d+)-\d+$/.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    const entry = path.join(folder, name);
    try {
      const tmp = fs.readFileSync(entry, 'utf8');
      // Only a name kim gives, for that very process: never anyone else's file.
      if (path.isAbsolute(tmp) && path.basename(tmp).endsWith(`.${pid}.tmp`) && path.basename(tmp).startsWith('.')) {
        if (fs.existsSync(tmp)) removed.push(tmp);
        removeWithCompanions(tmp);
      }
      fs.rmSync(entry, { force: true });
    } catch {
      // Tried again by the next command.
    }
  }
  return removed;
}
