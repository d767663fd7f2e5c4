import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/schema.js';
import { kim, kimJson } from '../helpers/cli.js';
import { initDb } from './setup.js';

describe('upgrading a database of schema 1', () => {
  it('gives NIKs grouped with dots or dashes the key of their digits, and says so in the log', () => {
    const { dir, file } = initDb();
    // What kim of schema 1 stored: no key for a NIK grouped with dots or dashes, nor for a mangled one.
    const db = new Database(file);
    const set = db.prepare(`UPDATE officers SET nik = ?, nik_key = NULL WHERE name = ?`);
    set.run('3574.0411.1273.0101', 'Imam Kusuma');
    set.run('3574-0455-0685-0102', 'Siti Mu’awanah');
    set.run('3.57405E+15', 'Wahyu Hariyanto');
    db.pragma('user_version = 1');
    db.close();

    expect(kim(['list'], { cwd: dir }).code).toBe(0);

    const after = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      // Officers written without an L/P column get the sex their NIK tells (schema 3).
      expect(after.prepare(`SELECT name, nik_key, sex FROM officers ORDER BY id`).all()).toEqual([
        { name: 'Imam Kusuma', nik_key: '3574041112730101', sex: 'M' },
        { name: 'Siti Mu’awanah', nik_key: '3574045506850102', sex: 'F' },
        { name: 'Wahyu Hariyanto', nik_key: null, sex: null },
      ]);
    } finally {
      after.close();
    }
    const log = kimJson(['log', '--action', 'schema.upgrade'], { cwd: dir });
    expect(log.code).toBe(0);
    // Newest first: this upgrade, then the one kim init made the file with.
    expect(log.json.map((e: { details: unknown }) => e.details)).toEqual([
      { from: 1, to: SCHEMA_VERSION, nikKeysFilled: 2, sexFromNik: 2 },
      { from: 0, to: SCHEMA_VERSION, nikKeysFilled: 0, sexFromNik: 0 },
    ]);
  });
});
