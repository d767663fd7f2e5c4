import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixture, kim, kimJson, tempDir } from '../helpers/cli.js';

describe('reports while another kim writes', () => {
  it('show the stored results after a short wait instead of failing, and say so', () => {
    const dir = tempDir();
    kim(['init', '--regency', '35.74'], { cwd: dir });
    kimJson(['import', fixture(dir, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: dir });
    // Results are stale (never validated) and another process holds the write lock.
    const writer = new Database(path.join(dir, 'kim.sqlite'));
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const r = kimJson(['list'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.json).toHaveLength(6);
      expect(r.stderr).toMatch(/could not be refreshed because another kim is writing/);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});
