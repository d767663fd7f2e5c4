import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixture, kim, tempDir } from '../helpers/cli.js';

describe('kim report recap, the change against the previous quarter', () => {
  it('re-validates a KIM counted only last quarter (ended this one) whose result is out of date', () => {
    const dir = tempDir();
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    expect(kim(['import', fixture(dir, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: dir }).code).toBe(0);
    kim(['validate'], { cwd: dir });
    // Its chair turns out to be a civil servant, and it is ended in Q4 before anyone validates again.
    const db = new Database(path.join(dir, 'kim.sqlite'));
    db.prepare(`UPDATE officers SET occupation = 'Guru PNS', updated_at = ? WHERE community_id = 1 AND role = 'Ketua'`).run(new Date().toISOString());
    db.close();
    expect(kim(['end', '1', '--reason', 'Bubar', '--date', '01/11/2025'], { cwd: dir }).code).toBe(0);

    const r = kim(['report', 'recap', '--year', '2025', '--quarter', '4'], { cwd: dir });
    expect(r.code).toBe(0);
    const cells = r.stdout.split('\n').find((l) => l.includes('│ Kanigaran '))!.split('│').slice(1, -1).map((c) => c.trim());
    // Compliant: 0 now, and 0 in Q3 too once the KIM is checked again (it said "0 (-1)").
    expect(cells[7]).toBe('0');
    expect(r.stderr).toMatch(/Checked 1 KIM first/);
  });
});
