import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/schema.js';
import { kim, kimJson } from '../helpers/cli.js';
import { initDb } from './setup.js';

const STACK = /\n\s+at /;

/** Overwrites the first b-tree page of a table with noise: a damaged disk sector, as SQLite sees one. */
function damageTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize - 16, 0xa5), 0, pageSize - 16, (root - 1) * pageSize + 8);
  fs.closeSync(fd);
}

describe('kim check', () => {
  it('passes a sound database with exit 0', () => {
    const { dir } = initDb();
    const r = kimJson(['check'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ ok: true, integrity: [], foreignKeys: 0, schemaVersion: SCHEMA_VERSION, expectedSchemaVersion: SCHEMA_VERSION });
    expect(r.stderr).toMatch(/is sound/);
  });

  it('finds garbage written into the middle of the file: exit 3, what to do, and the file left as it was', () => {
    const { dir, file } = initDb();
    const damaged = path.join(dir, 'rusak.sqlite');
    fs.copyFileSync(file, damaged);
    damageTable(damaged, 'officers');
    const before = fs.readFileSync(damaged);
    const r = kimJson(['--db', damaged, 'check'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.json.ok).toBe(false);
    expect(r.json.integrity.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/damaged.*restore the latest backup.*docs\/operations\.md/);
    expect(r.stderr).not.toMatch(STACK);
    expect(fs.readFileSync(damaged).equals(before)).toBe(true);
  });

  it.each([
    ['cut in half', (bytes: Buffer) => bytes.subarray(0, bytes.length / 2)],
    ['cut inside its header', (bytes: Buffer) => bytes.subarray(0, 10)],
    ['a text file', () => Buffer.from('Nama KIM;Kecamatan\nKIM Maju;Mayangan\n')],
    ['an xlsx renamed', () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(4096, 7)])],
  ])('refuses a file %s with exit 3 and a sentence, no stack trace', (_name, mangle) => {
    const { dir, file } = initDb();
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, mangle(fs.readFileSync(file)));
    const r = kim(['--db', bad, 'check'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/restore the latest backup/);
    expect(r.stderr).not.toMatch(STACK);
    const json = kimJson(['--db', bad, 'check'], { cwd: dir });
    expect(json.code).toBe(3);
    expect(json.json.ok).toBe(false);
  });

  it('reports rows that point at records that do not exist', () => {
    const { dir, file } = initDb();
    const db = new Database(file);
    // What an outside tool (DB Browser, a script) could do: better-sqlite3 enforces keys unless told not to.
    db.pragma('foreign_keys = OFF');
    db.prepare(`DELETE FROM communities WHERE name = 'KIM Kedopok Sehati'`).run();
    db.close();
    const r = kimJson(['check'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ ok: false, integrity: [], foreignKeys: 1 });
    expect(r.stderr).toMatch(/1 broken reference\)/);
  });

  it('refuses a database written by a newer kim with exit 3', () => {
    const { dir, file } = initDb();
    const db = new Database(file);
    db.pragma('user_version = 42');
    db.close();
    const r = kimJson(['check'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ ok: false, schemaVersion: 42, expectedSchemaVersion: SCHEMA_VERSION });
    expect(r.stderr).toMatch(/newer kim.*Update kim/);
  });

  it('refuses an SQLite file that is not kim’s', () => {
    const { dir } = initDb();
    const other = path.join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const r = kim(['--db', other, 'check'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/not a kim one/);
  });

  it('never creates a missing database', () => {
    const { dir } = initDb();
    const r = kim(['--db', 'baru.sqlite', 'check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/There is no database/);
    expect(fs.existsSync(path.join(dir, 'baru.sqlite'))).toBe(false);
  });

  it('speaks Indonesian', () => {
    const { dir } = initDb();
    const r = kim(['--lang', 'id', 'check'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Keutuhan berkas/);
    expect(r.stderr).toMatch(/utuh/);
  });
});
