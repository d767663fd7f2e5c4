// Files and the disk, for the bench scripts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Removes a SQLite database with its companion files. */
export function removeDb(file) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Waits until the kernel has written out what earlier steps left in its cache (the sqlite3 run
 * leaves a 300 MB database to write back): otherwise the next command's writes and syncs queue
 * behind it, and whichever runs second is measured against a busy disk.
 */
export function settleDisk() {
  spawnSync('sync', [], { stdio: 'ignore' });
}
