import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, kim, testEnv, tempDir, type RunResult } from '../helpers/cli.js';

/**
 * Permissions are what these tests are about, and root ignores them: as root, kim runs as the
 * unprivileged `nobody` (setpriv), which owns what a clerk would own.
 */
const ROOT_USER = process.getuid?.() === 0;
const CLERK = 65534;

function asClerk(args: string[], cwd: string, state: string): RunResult {
  const env = testEnv({ CI: 'true', KIM_STATE_DIR: state });
  const [command, prefix] = ROOT_USER ? ['setpriv', ['--reuid', String(CLERK), '--regid', String(CLERK), '--clear-groups', process.execPath]] : [process.execPath, []];
  const r = spawnSync(command, [...prefix, BIN, ...args], { cwd, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Gives a file or folder to the clerk (when the tests run as root; otherwise it is the clerk's already). */
const own = (p: string) => ROOT_USER && fs.chownSync(p, CLERK, CLERK);

const ROSTER = path.join(FIXTURES, 'rosters', 'probolinggo_susulan_utf8bom.csv');
const batches = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM batches`).pluck().get();
  } finally {
    db.close();
  }
};

describe('what this account may not do', () => {
  let base: string;
  let state: string;
  beforeAll(() => {
    base = tempDir('kim-perm-');
    fs.chmodSync(base, 0o755);
    state = path.join(base, 'state');
    fs.mkdirSync(state);
    own(state);
    expect(kim(['init', '--regency', '35.74'], { cwd: base }).code).toBe(0);
    expect(kim(['import', ROSTER], { cwd: base }).code).toBe(0);
    // Validated: a list then has nothing to bring up to date, and only reads.
    expect(kim(['validate'], { cwd: base }).code).toBeLessThan(2);
    // A clone under a folder only its owner may enter (mktemp -d) hides kim from the clerk account.
    const reach = asClerk(['--version'], base, state);
    expect(reach.code, `the clerk account cannot run ${BIN} (${process.execPath}): give every folder above them o+x\n${reach.stderr}`).toBe(0);
  });

  /** A folder of the clerk's with a copy of the database, or one the clerk may not write in. */
  function folder(options: { writable: boolean }): { dir: string; db: string } {
    const dir = fs.mkdtempSync(path.join(base, 'f-'));
    fs.chmodSync(dir, 0o755);
    const db = path.join(dir, 'kim.sqlite');
    fs.copyFileSync(path.join(base, 'kim.sqlite'), db);
    own(db);
    if (options.writable) own(dir);
    else if (!ROOT_USER) fs.chmodSync(dir, 0o555);
    return { dir, db };
  }

  it('a database in a folder it may not write: says so and names the folder, for readers, writers and `kim check`', () => {
    const { dir } = folder({ writable: false });
    for (const args of [['list'], ['config', 'set', 'rules.ADM-SIZE.max', '25'], ['import', ROSTER], ['check']]) {
      const r = asClerk(args, dir, state);
      expect(r.code, `kim ${args.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toContain(`may not write in the folder ${dir}`);
      expect(r.stderr).toMatch(/permission problem, not damage/);
      expect(r.stderr).not.toMatch(/damaged|restore|Internal error/);
    }
  });

  it('a database file it may not read: `kim check` says it is permissions, not damage', () => {
    const { dir, db } = folder({ writable: true });
    fs.chmodSync(db, 0o000);
    for (const args of [['check'], ['list']]) {
      const r = asClerk(args, dir, state);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`may not read the database ${db}`);
      expect(r.stderr).not.toMatch(/damaged|restore/);
    }
  });

  it('a database file it may read but not write: readers read, writers say which file', () => {
    const { dir, db } = folder({ writable: true });
    fs.chmodSync(db, 0o444);
    expect(asClerk(['list'], dir, state).code).toBe(0);
    const r = asClerk(['config', 'set', 'rules.ADM-SIZE.max', '25'], dir, state);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/may not write the database file .*kim\.sqlite(-shm)?\. That is a permission problem/);
  });

  it('a roster it may not read: exit 2 naming the file, nothing imported', () => {
    const { dir, db } = folder({ writable: true });
    const roster = path.join(dir, 'rahasia.csv');
    fs.copyFileSync(ROSTER, roster);
    fs.chmodSync(roster, 0o000);
    const r = asClerk(['import', roster], dir, state);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`may not read the file ${roster}`);
    expect(batches(db)).toBe(1);
  });

  it('--rejects or --out in a folder it may not write: exit 2 naming the folder, before anything is written', () => {
    const { dir, db } = folder({ writable: true });
    const locked = path.join(dir, 'terkunci');
    fs.mkdirSync(locked);
    if (!ROOT_USER) fs.chmodSync(locked, 0o555);
    const rejects = asClerk(['import', ROSTER, '--rejects', path.join(locked, 'r.csv')], dir, state);
    expect(rejects.code).toBe(2);
    expect(rejects.stderr).toContain(`may not write in the folder ${locked}`);
    expect(batches(db)).toBe(1);
    const out = asClerk(['export', 'officers', '--include-nik', '--out', path.join(locked, 'p.csv')], dir, state);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`may not write in the folder ${locked}`);
    expect(kim(['--db', db, 'log', '--action', 'export.nik', '--format', 'json'], { cwd: dir }).stdout.trim()).toBe('[]');
  });
});
