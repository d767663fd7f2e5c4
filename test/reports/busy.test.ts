import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kimInBackground } from '../admin/setup.js';
import { fixture, kim, kimJson, tempDir } from '../helpers/cli.js';

/** A database whose results are out of date (imported, never validated), and a connection holding the write lock. */
function lockedWhileStale() {
  const dir = tempDir();
  kim(['init', '--regency', '35.74'], { cwd: dir });
  kimJson(['import', fixture(dir, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: dir });
  const writer = new Database(path.join(dir, 'kim.sqlite'));
  writer.exec('BEGIN IMMEDIATE');
  const release = () => {
    if (writer.inTransaction) writer.exec('ROLLBACK');
    writer.close();
  };
  return { dir, release };
}

describe('reports while another kim writes', () => {
  const READERS = [['list'], ['report', 'recap', '--year', '2025', '--quarter', '4'], ['report', 'findings'], ['show', '1']];

  it.each(READERS.map((a) => [a.join(' '), a]))('never show results older than the data as current: `kim %s` waits as validate does, then stops with exit 3 and one line', (_name, args) => {
    const { dir, release } = lockedWhileStale();
    try {
      const started = Date.now();
      const r = kim(args as string[], { cwd: dir, env: { KIM_BUSY_TIMEOUT: '1500' } });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Error: The check results of \d+ KIMs? are older than their data and could not be brought up to date: another kim kept writing/)]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    } finally {
      release();
    }
  });

  it('bring the results up to date once the other kim has finished, within KIM_BUSY_TIMEOUT', async () => {
    const { dir, release } = lockedWhileStale();
    const recap = kimInBackground(['report', 'recap', '--year', '2025', '--quarter', '4', '--format', 'json'], { cwd: dir, env: { KIM_BUSY_TIMEOUT: '30000' } });
    setTimeout(release, 1000);
    const r = await recap;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Checked 6 KIMs first/);
    // The figures of the current data: what the recap says after a validation of its own.
    expect(kim(['validate'], { cwd: dir }).code).toBe(1);
    const truth = kimJson(['report', 'recap', '--year', '2025', '--quarter', '4'], { cwd: dir }).json.total;
    expect(JSON.parse(r.stdout).total).toEqual(truth);
    expect(truth.kims).toBe(6);
  });
});
