import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dump } from '../admin/setup.js';
import { FIXTURES, kim, kimJson, scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';
import { sleep, startKim, type Running } from './processes.js';

const ROWS = 100_000;
const SAMPLES = ['probolinggo_excel_cp1252.csv', 'probolinggo_susulan_utf8bom.csv'].map((f) => path.join(FIXTURES, 'rosters', f));

interface Probe {
  /** Bytes the kim process has read so far (all its threads): how far it has got through the roster. */
  read: number;
  wal: number;
}

/**
 * An import reads the roster twice, in chunks: once for the checksum and the encoding (before any
 * row is written), once for the rows. So the bytes read, against the file's size, tell where it is;
 * the few MB of program files read at start-up shift these marks only a little. Linux only (/proc).
 */
function probe(pid: number, wal: string): Probe {
  let read = -1;
  try {
    read = Number(/rchar:\s*(\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))![1]);
  } catch {
    // The process is gone; the caller sees that from its exit.
  }
  let walBytes = 0;
  try {
    walBytes = fs.statSync(wal).size;
  } catch {
    // No WAL yet.
  }
  return { read, wal: walBytes };
}

/** Kills the import with SIGKILL at the first moment `when` holds; fails if the import ends first. */
async function killWhen(run: Running, wal: string, size: number, when: (p: Probe) => boolean): Promise<Probe> {
  const { child } = run;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the import ended (exit ${child.exitCode}) before the moment came: does it still read the roster twice? (see probe)`);
    }
    const p = probe(child.pid!, wal);
    if (when(p)) {
      child.kill('SIGKILL');
      return p;
    }
    // Near the commit, the WAL fills within a few milliseconds: look as often as possible then.
    await (p.read >= 1.9 * size ? new Promise((r) => setImmediate(r)) : sleep(5));
  }
}

const MIB = 1 << 20;

describe('imports killed with SIGKILL', () => {
  // A 20 MB roster and a 60 MB database: scratchDir removes them after the tests.
  const dir = scratchDir('kim-crash-');

  it('leave the database sound and unchanged at every moment, and the import then runs to completion', async () => {
    const db = path.join(dir, 'kim.sqlite');
    const wal = `${db}-wal`;
    // Earlier work that must survive: two imports, validation results and numbers.
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    expect(kim(['import', ...SAMPLES], { cwd: dir }).code).toBe(0);
    expect(kim(['validate'], { cwd: dir }).code).toBe(1);
    expect(kimJson(['number'], { cwd: dir }).json.assigned.length).toBeGreaterThan(0);
    const before = dump(db);

    const roster = generatedRoster(dir, ROWS);
    const size = fs.statSync(roster).size;

    const moments: [string, (p: Probe) => boolean][] = [
      // The batch's transaction is open and its lock taken, but no row has been read yet.
      ['during the checksum pass, before any row', (p) => p.read >= 0.5 * size],
      ['half-way through the rows', (p) => p.read >= 1.5 * size],
      ['with nearly every row applied, not yet committed', (p) => p.read >= 1.95 * size],
    ];
    for (const [moment, when] of moments) {
      const run = startKim(['import', roster, '--quiet'], dir);
      const at = await killWhen(run, wal, size, when);
      const end = await run.done;
      expect({ moment, signal: end.signal }).toEqual({ moment, signal: 'SIGKILL' });
      expect(at.read, moment).toBeGreaterThan(0);
      const check = kim(['check'], { cwd: dir });
      expect({ moment, code: check.code, stderr: check.stderr }).toMatchObject({ moment, code: 0 });
      // Nothing of the killed batch: every table, the batch list included, exactly as before.
      expect(dump(db), moment).toEqual(before);
    }

    // Killed while the commit writes the batch's pages into the WAL. A kill that lands after the
    // last frame is a finished import, so the batch is then there whole; otherwise not at all.
    const run = startKim(['import', roster, '--quiet'], dir);
    const at = await killWhen(run, wal, size, (p) => p.wal >= 4 * MIB);
    expect((await run.done).signal).toBe('SIGKILL');
    expect(at.wal).toBeGreaterThanOrEqual(4 * MIB);
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
    const after = dump(db);
    const committed = after.batches!.length > before.batches!.length;
    if (committed) expect(after.officers!.length - before.officers!.length).toBe(ROWS);
    else expect(after).toEqual(before);

    const again = kimJson(['import', roster], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.json.officers).toEqual({ created: committed ? 0 : ROWS, updated: 0, unchanged: committed ? ROWS : 0, ended: 0 });
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
    const final = dump(db);
    expect(final.officers!.length).toBe(before.officers!.length + ROWS);
    expect(final.batches!.length).toBe(before.batches!.length + (committed ? 2 : 1));
    // The earlier records are still there, unchanged; new rows only come after them.
    // The NIK index, dropped and rebuilt by an import this size, is back as it was.
    expect(final['(schema)']).toEqual(before['(schema)']);
    for (const table of ['communities', 'officers', 'numbers', 'batches', 'findings', 'changes', 'settings', 'regions']) {
      expect(final[table]!.slice(0, before[table]!.length), table).toEqual(before[table]);
    }
  }, 180_000);
});
