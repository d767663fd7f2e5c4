import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/schema.js';
import { kim, kimJson } from '../helpers/cli.js';
import { addCommunity } from '../helpers/db.js';
import { dump, initDb, kimInBackground, modeOf, waitFor } from './setup.js';

describe('kim backup', () => {
  it('writes a 0600 copy that is a sound kim database with the same rows', () => {
    const { dir, file } = initDb();
    const r = kimJson(['backup', 'cadangan.sqlite'], { cwd: dir });
    const copy = path.join(dir, 'cadangan.sqlite');
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ file: copy, bytes: fs.statSync(copy).size, schemaVersion: SCHEMA_VERSION });
    expect(modeOf(copy)).toBe(0o600);
    // The copy is one self-contained file: nothing left beside it, no temporary file either.
    expect(fs.readdirSync(dir).sort()).toEqual(['cadangan.sqlite', 'kim.sqlite']);
    expect(kim(['--db', copy, 'check'], { cwd: dir }).code).toBe(0);
    const original = dump(file);
    const copied = dump(copy);
    // The backup's own audit entry is written after the copy, so it is the only difference.
    expect(original.audit_log!.at(-1)).toMatchObject({ action: 'backup', operator: 'tester' });
    expect({ ...copied }).toEqual({ ...original, audit_log: original.audit_log!.slice(0, -1) });
    expect(copied.officers).toHaveLength(3);
  });

  it('records the backup in the audit log with the target path', () => {
    const { dir } = initDb();
    expect(kim(['backup', 'b.sqlite', '--operator', 'rina'], { cwd: dir }).code).toBe(0);
    const log = kimJson(['log', '--action', 'backup'], { cwd: dir });
    expect(log.json).toHaveLength(1);
    expect(log.json[0]).toMatchObject({ action: 'backup', operator: 'rina', entity: 'database', details: { file: path.join(dir, 'b.sqlite') } });
  });

  it('copies the last committed state while another desk holds an open write transaction', async () => {
    const { dir, file } = initDb();
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    addCommunity(writer, { name: 'KIM Belum Disimpan', district_text: 'Mayangan', village_text: 'Mangunharjo' });
    const copy = path.join(dir, 'siang.sqlite');
    const running = kimInBackground(['backup', copy], { cwd: dir });
    try {
      // The copy lands while the writer still holds the lock; kim then waits to write its log entry.
      await waitFor(() => fs.existsSync(copy));
      const snapshot = new Database(copy, { readonly: true });
      const names = snapshot.prepare('SELECT name FROM communities ORDER BY id').pluck().all();
      snapshot.close();
      expect(names).toEqual(['KIM Kanigaran Bersinar', 'KIM Kedopok Sehati']);
    } finally {
      writer.exec('COMMIT');
      writer.close();
    }
    const r = await running;
    expect(r.code).toBe(0);
    // The one sentence saying where the copy went, and no warning.
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^Backup written: .*siang\.sqlite \(.*, schema \d+\)\. Keep a copy off this computer too\.$/)]);
    expect(r.stdout).toBe('');
    expect(modeOf(copy)).toBe(0o600);
    expect(kimJson(['log', '--action', 'backup'], { cwd: dir }).json).toHaveLength(1);
  });

  it('still succeeds, with a warning, when the log entry cannot get the write lock in time', () => {
    const { dir, file } = initDb();
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const r = kim(['backup', 'b.sqlite'], { cwd: dir, env: { KIM_BUSY_TIMEOUT: '200' } });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/not recorded in the audit log/);
      expect(dump(path.join(dir, 'b.sqlite')).communities).toHaveLength(2);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('refuses to overwrite an existing file unless --yes', () => {
    const { dir, file } = initDb();
    const target = path.join(dir, 'old.sqlite');
    fs.writeFileSync(target, 'an older backup');
    const r = kim(['backup', 'old.sqlite'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists.*--yes/);
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');

    const yes = kim(['backup', 'old.sqlite', '--yes'], { cwd: dir });
    expect(yes.code).toBe(0);
    expect(dump(target).communities).toEqual(dump(file).communities);
    expect(modeOf(target)).toBe(0o600);
  });

  it.each([
    ['the database itself', (dir: string) => path.join(dir, 'kim.sqlite'), /is kim’s database itself/],
    ['the database through another path', (dir: string) => path.join(dir, '.', 'sub', '..', 'kim.sqlite'), /is kim’s database itself/],
    ['a folder that does not exist', (dir: string) => path.join(dir, 'nowhere', 'b.sqlite'), /does not exist/],
    ['a folder', (dir: string) => dir, /is a folder/],
  ])('refuses to back up onto %s, with exit 2 and nothing changed', (_name, target, message) => {
    const { dir, file } = initDb();
    fs.mkdirSync(path.join(dir, 'sub'));
    const before = fs.readFileSync(file);
    const r = kim(['backup', target(dir), '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['kim.sqlite', 'sub']);
  });

  it('refuses a database written by a newer kim, and a missing one, without writing anything', () => {
    const { dir, file } = initDb();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = fs.readFileSync(file);
    const newer = kim(['backup', 'b.sqlite'], { cwd: dir });
    expect(newer.code).toBe(3);
    expect(newer.stderr).toMatch(/newer kim/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const missing = kim(['--db', 'absent.sqlite', 'backup', 'c.sqlite'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/There is no database/);
    // No backup, no temporary file, and no database created where there was none.
    expect(fs.readdirSync(dir).filter((f) => !/^kim\.sqlite(-wal|-shm)?$/.test(f))).toEqual([]);
  });
});
