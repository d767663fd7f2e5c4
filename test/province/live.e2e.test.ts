import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, kim, scratchDir } from '../helpers/cli.js';
import { generatedRoster } from '../helpers/roster.js';
import { waitFor } from '../admin/setup.js';
import { startKim } from '../hardening/processes.js';
import { ENV, onJson } from './offices.js';

describe('kim merge while the office writes to its file', () => {
  const dir = scratchDir('kim-province-live-');

  it('reads the last committed state, never half an import, and keeps the office waiting for nothing', async () => {
    const office = path.join(dir, 'probolinggo.sqlite');
    expect(kim(['--db', office, 'init', '--regency', '35.74'], { cwd: dir, env: ENV }).code).toBe(0);
    expect(kim(['--db', office, 'import', fixture(dir, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: dir, env: ENV }).code).toBeLessThan(2);
    expect(kim(['--db', 'jatim.sqlite', 'init', '--province', 'Jawa Timur'], { cwd: dir, env: ENV }).code).toBe(0);
    const before = onJson(dir, office, ['export', 'officers']).json.length;

    // A real second process: the office's own kim importing 300,000 officers into the very file.
    const roster = generatedRoster(dir, 300_000);
    const writer = startKim(['--db', office, 'import', roster], dir, ENV);
    let writerDone = false;
    void writer.done.then(() => (writerDone = true));
    // Merged once the import has written a good part of its transaction (into the WAL).
    await waitFor(() => fs.existsSync(`${office}-wal`) && fs.statSync(`${office}-wal`).size > 16 << 20, 60_000);
    const during = onJson(dir, 'jatim.sqlite', ['merge', office]);
    expect(writerDone).toBe(false);
    expect(during.code).toBe(0);
    expect(during.json.offices[0].officers).toEqual({ added: before, replaced: 0, removed: 0, unchanged: 0 });

    const done = await writer.done;
    expect([done.code, done.stderr]).toEqual([0, expect.any(String)]);
    const after = onJson(dir, 'jatim.sqlite', ['merge', office]);
    expect(after.code).toBe(0);
    expect(after.json.offices[0].officers).toMatchObject({ added: 300_000, removed: 0 });
    expect(kim(['--db', office, 'check'], { cwd: dir, env: ENV }).code).toBe(0);
  }, 180_000);
});
