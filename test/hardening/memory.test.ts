import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kim, kimJson, scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';

const ROWS = 250_000;

// The import runs in a thread whose heap is capped (96 MB): anything that keeps a piece of every
// row, or pins the file's chunks, stops it with exit 3 long before the end of a 50 MB file. A memo
// of birth dates once did, and only the million-row benchmark noticed.
describe('a large roster', () => {
  const dir = scratchDir('kim-memory-');

  it('imports whole within the import thread’s capped heap, and rebuilds the NIK index it set aside', () => {
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const roster = generatedRoster(dir, ROWS);
    expect(fs.statSync(roster).size).toBeGreaterThan(45 * 2 ** 20);

    const r = kimJson(['import', roster], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.officers).toEqual({ created: ROWS, updated: 0, unchanged: 0, ended: 0 });

    const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) FROM officers`).pluck().get()).toBe(ROWS);
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT name FROM officers WHERE nik_key = '3574010101600001'`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX officers_nik');
    } finally {
      db.close();
    }
  }, 120_000);
});
