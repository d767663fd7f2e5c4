import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { importRosters } from '../../src/core/import/run.js';
import { rejectsCsv } from '../../src/core/import/rejects.js';
import { translator } from '../../src/ui/messages/index.js';
import { kim, kimJson, scratchDir } from '../helpers/cli.js';
import { HEADER, csvText, officer } from '../helpers/roster.js';

const KIMS = 3000;

/** 30,000 officers (over 4 MiB, so `kim import` reads it in a second thread) and problems of every kind. */
function roster(): string[][] {
  const header = [...HEADER, 'Nomor Induk KIM'];
  const rows: string[][] = [header];
  for (let k = 0; k < KIMS; k++) {
    for (let n = 1; n <= 10; n++) {
      rows.push([
        ...officer(n, {
          'Nama KIM': `KIM Uji ${k}`,
          NIK: `3574${String(k).padStart(6, '0')}${String(n).padStart(2, '0')}0001`,
          'Nama Pengurus': `Pengurus ${k}-${n} ${'panjang '.repeat(6)}`,
        }),
        // Two KIMs give the same number: the first keeps it, and every row of the second is refused.
        k === 10 || k === 2000 ? 'KIM-0001' : '',
      ]);
    }
  }
  const at = (k: number, n: number) => rows[1 + k * 10 + (n - 1)]!;
  const nik = HEADER.indexOf('NIK');
  // Refused by the reader: a row with a cell past the header.
  at(3, 4).push('x');
  // Refused by the writer: a NIK given on an earlier row of the same KIM to someone else.
  at(1500, 7)[nik] = at(1500, 2)[nik]!;
  at(2999, 9)[nik] = at(2999, 1)[nik]!;
  return rows;
}

describe('a large roster read in a second thread', () => {
  const dir = scratchDir('kim-threaded-');
  it('imports and rejects exactly as a small one read in the import’s own thread', async () => {
    const file = path.join(dir, 'large.csv');
    fs.writeFileSync(file, csvText(roster()));
    expect(fs.statSync(file).size).toBeGreaterThan(4 << 20);

    const threaded = path.join(dir, 'threaded');
    const single = path.join(dir, 'single');
    for (const d of [threaded, single]) {
      fs.mkdirSync(d);
      expect(kim(['init', '--regency', '35.74'], { cwd: d }).code).toBe(0);
    }

    const cli = kimJson(['import', file, '--rejects', 'fix.csv'], { cwd: threaded });
    expect(cli.code, cli.stderr).toBe(1);

    // The same import in this process, from the sources: vitest has no compiled reader thread, so
    // it reads in the import's own thread.
    const db = openDatabase(path.join(single, 'kim.sqlite'), {});
    let result;
    try {
      result = await importRosters(db, {
        files: [file], dryRun: false, strict: false, replaceRosters: false, encoding: 'auto', delimiter: 'auto',
        maps: { map: new Map(), remembered: new Map() }, operator: 'tester', today: new Date().toISOString().slice(0, 10), endReason: () => '',
      });
    } finally {
      db.close();
    }
    expect(cli.json.communities).toEqual(result.communities);
    expect(cli.json.officers).toEqual(result.officers);
    expect(cli.json.rejected.map((r: { row: number; column: string | null }) => [r.row, r.column])).toEqual(result.rejected.map((r) => [r.row, r.column]));
    const codes = result.rejected.map((r) => r.code);
    expect(new Set(codes)).toEqual(new Set(['tooManyCells', 'nikConflict', 'numberTaken']));
    expect(codes.filter((c) => c === 'numberTaken')).toHaveLength(10);
    expect(fs.readFileSync(path.join(threaded, 'fix.csv'), 'utf8')).toBe(rejectsCsv(result.rejected, translator('en')));

    const officers = (d: string) => {
      const h = openDatabase(path.join(d, 'kim.sqlite'), {});
      try {
        return h.prepare(`SELECT o.id, o.name, o.nik, o.birth_date_iso, c.name AS kim, c.number FROM officers o JOIN communities c ON c.id = o.community_id ORDER BY o.id`).all();
      } finally {
        h.close();
      }
    };
    expect(officers(threaded)).toEqual(officers(single));
  }, 120_000);

  it('stops with exit 2 and writes nothing when more than 10,000 rows are refused', () => {
    const rows = roster();
    for (const r of rows.slice(1, 12_000)) r.push('x');
    const file = path.join(dir, 'wide.csv');
    fs.writeFileSync(file, csvText(rows));
    expect(fs.statSync(file).size).toBeGreaterThan(4 << 20);
    const d = path.join(dir, 'wide');
    fs.mkdirSync(d);
    expect(kim(['init', '--regency', '35.74'], { cwd: d }).code).toBe(0);
    const r = kim(['import', file], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/10,?000/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    const h = openDatabase(path.join(d, 'kim.sqlite'), {});
    try {
      expect(h.prepare(`SELECT (SELECT count(*) FROM officers) + (SELECT count(*) FROM batches)`).pluck().get()).toBe(0);
    } finally {
      h.close();
    }
  }, 60_000);
});
