import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../src/db/connection.js';
import { kim, kimJson, scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';

const pageSize = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe('the page size of the database file', () => {
  const root = scratchDir('kim-pages-');

  it.each([
    { made: 'by kim init', before: null, after: PAGE_SIZE },
    { made: 'by an earlier kim with SQLite’s 4 KiB pages', before: 4096, after: 4096 },
  ])('a file made $made has $after-byte pages, and imports and checks as sound', ({ made, before, after }) => {
    const dir = fs.mkdtempSync(path.join(root, 'db-'));
    const file = path.join(dir, 'kim.sqlite');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    if (before !== null) {
      // What an earlier kim left: the same schema on 4 KiB pages.
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.pragma(`page_size = ${before}`);
      db.exec('VACUUM');
      db.pragma('journal_mode = WAL');
      db.close();
      expect(pageSize(file), made).toBe(before);
    }
    const roster = generatedRoster(dir, 30);
    const imported = kimJson(['import', roster], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.json.officers.created).toBe(30);
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
    expect(pageSize(file)).toBe(after);
  });
});
