import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewRoster } from '../../src/core/roster/preview.js';
import { HEADER, officer, writeRoster } from '../helpers/roster.js';
import { choose, ctrlC, esc, no, type, yes } from './fake-prompts.js';
import { world, type World } from './world.js';

/** A roster whose occupation column has a heading kim does not know, plus a remarks column and a broken row. */
function oddRoster(w: World, name = 'odd.csv'): string {
  const header = [...HEADER.map((h) => (h === 'Pekerjaan' ? 'Kerja Utama' : h)), 'Keterangan'];
  const rows = [1, 2, 3, 4].map((n) => [...officer(n, { Pekerjaan: n === 4 ? 'Guru PNS' : 'Wiraswasta' }), n === 1 ? 'baru' : '']);
  const broken = [...officer(5), '', 'sel lebih'];
  return writeRoster(w.dir, name, [header, ...rows, broken]);
}

const importSteps = (file: string) => [choose('Import a roster'), choose(file), choose(/^occupation$/)];

describe('the guided import', () => {
  it('previews from the first rows only: encoding, delimiter, header row, fields and samples', async () => {
    const w = world();
    const preview = await previewRoster(oddRoster(w), { encoding: 'auto', delimiter: 'auto', maps: { map: new Map(), remembered: new Map() } });
    expect(preview).toMatchObject({ encoding: 'utf8', delimiter: ',', headerRow: 1, missing: [] });
    const byHeading = Object.fromEntries(preview.columns.map((c) => [c.heading, c]));
    expect(byHeading['Nama KIM']).toMatchObject({ target: 'kim_name', samples: ['KIM Maju Bersama'] });
    expect(byHeading['Kerja Utama']).toMatchObject({ target: null, samples: ['Wiraswasta', 'Guru PNS'] });
    expect(byHeading['Keterangan']).toMatchObject({ target: 'notes', samples: ['baru'] });
  });

  it('maps unknown headings, shows the plan, imports on yes, writes the rejects beside the file and remembers the mapping', async () => {
    const w = world();
    const file = oddRoster(w);
    const { code, prompts } = await w.desk([...importSteps('odd.csv'), yes, choose('Exit')]);
    expect(code).toBe(0);
    expect(prompts.asked).toContain('What does the column "Kerja Utama" hold (e.g. Wiraswasta · Guru PNS)?');
    // The likeliest fields come first, before "leave out": here what the rules still lack.
    const offered = prompts.offered.get('What does the column "Kerja Utama" hold (e.g. Wiraswasta · Guru PNS)?')!;
    expect(offered[0]).toBe('occupation');
    expect(offered.indexOf('Leave this column out (remembered for later files)')).toBeGreaterThan(0);
    expect(prompts.asked).toContain('Import odd.csv now?');
    const screen = w.stdout.text;
    expect(screen).toContain('Encoding utf8 · delimiter "," · headings on row 1');
    expect(screen).toMatch(/Kerja Utama +→ \? unknown/);
    expect(screen).toMatch(/Kerja Utama +→ occupation +Wiraswasta · Guru PNS/);
    expect(screen).toMatch(/NIK +→ NIK +3574\*{12}/);
    expect(screen).toContain('Import plan (dry run, nothing written)');
    expect(screen).toContain('Rejected rows: 1');
    expect(screen).toContain('Saved as batch 1.');
    expect(w.query(`SELECT name, occupation FROM officers ORDER BY id`)).toEqual([1, 2, 3, 4].map((n) => ({ name: `Pengurus ${n}`, occupation: n === 4 ? 'Guru PNS' : 'Wiraswasta' })));
    expect(w.query(`SELECT operator FROM batches`)).toEqual([{ operator: 'desk-clerk' }]);
    expect(w.query(`SELECT value FROM settings WHERE key = 'import.columns'`)).toEqual([{ value: JSON.stringify({ 'Kerja Utama': 'occupation' }) }]);
    expect(w.query(`SELECT operator, details FROM audit_log WHERE action = 'config.set'`)).toEqual([{ operator: 'desk-clerk', details: expect.stringContaining('import.columns') }]);
    const rejects = path.join(w.dir, 'odd-rejected.csv');
    expect(screen).toContain(`1 rejected row written to ${rejects}`);
    expect(fs.readFileSync(rejects, 'utf8')).toMatch(/Pengurus 5.*Row 6: 14 cells where the header has 13/);
    // The imported KIM is validated at once: Pengurus 4 is ASN.
    expect(screen).toContain('1 KIM has open problems');
    expect(fs.existsSync(file)).toBe(true);
  });

  it("says, before asking to import, when a column's values contradict what the clerk said it holds", async () => {
    const w = world();
    const header = [...HEADER.filter((h) => h !== 'Pekerjaan'), 'Kode'];
    const rows = [1, 2, 3, 4].map((n) => [...officer(n).slice(0, HEADER.length - 1), n % 2 ? 'L' : 'P']);
    writeRoster(w.dir, 'kode.csv', [header, ...rows]);
    const { code, prompts } = await w.desk([choose('Import a roster'), choose('kode.csv'), choose(/^occupation$/), no, choose('Exit')]);
    expect(code).toBe(0);
    expect(prompts.asked).toContain('Import kode.csv now?');
    expect(w.stdout.text.replace(/\s+/g, ' ')).toContain(
      'kode.csv: the column "Kode" was read as occupation, but its values look like sex. If that is wrong, answer "n", correct that heading in the file (say, "sex"), and import it again.',
    );
    expect(w.query(`SELECT count(*) AS n FROM officers`)).toEqual([{ n: 0 }]);
  });

  it('asks nothing about headings it has been told before', async () => {
    const w = world();
    oddRoster(w);
    await w.desk([...importSteps('odd.csv'), yes, choose('Exit')]);
    oddRoster(w, 'odd-too.csv');
    const { prompts } = await w.desk([choose('Import a roster'), choose('odd-too.csv'), yes, choose('Exit')]);
    expect(prompts.asked.some((q) => q.startsWith('What does the column'))).toBe(false);
    expect(w.query(`SELECT count(*) AS n FROM batches`)).toEqual([{ n: 2 }]);
  });

  it('writes nothing when the clerk says no, or presses Ctrl-C at the confirmation', async () => {
    for (const answer of [no, ctrlC]) {
      const w = world();
      oddRoster(w);
      const { code } = await w.desk(answer === no ? [...importSteps('odd.csv'), no, choose('Exit')] : [...importSteps('odd.csv'), ctrlC]);
      expect(code).toBe(0);
      expect(w.query(`SELECT (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM officers) AS officers, (SELECT count(*) FROM settings WHERE key = 'import.columns') AS mapped`)).toEqual([
        { batches: 0, officers: 0, mapped: 0 },
      ]);
      expect(fs.existsSync(path.join(w.dir, 'odd-rejected.csv'))).toBe(false);
    }
  });

  it('stops before writing when a roster still lacks a required column', async () => {
    const w = world();
    writeRoster(w.dir, 'tanpa-nama.csv', [HEADER.map((h) => (h === 'Nama Pengurus' ? 'Nama Ketua' : h)), officer(1)]);
    await w.desk([choose('Import a roster'), choose('tanpa-nama.csv'), choose('Skip it this time only'), choose('Exit')]);
    expect(w.stdout.text).toContain('This file still has no column for: officer name.');
    expect(w.query(`SELECT count(*) AS n FROM batches`)).toEqual([{ n: 0 }]);
  });

  it('takes a typed path, refusing one that does not exist, and creates the database on the first import', async () => {
    const w = world({ database: false });
    const elsewhere = fs.mkdtempSync(path.join(w.dir, 'unduhan-'));
    const file = writeRoster(elsewhere, 'rekap.txt', [HEADER, officer(1), officer(2), officer(3)]);
    writeRoster(w.dir, 'lain.csv', [HEADER, officer(1)]);
    const { prompts } = await w.desk([esc, choose('Import a roster'), choose('Type a path'), type('hilang.csv', path.relative(w.dir, file)), yes, choose('Exit')]);
    expect(prompts.refused).toEqual([expect.stringContaining('hilang.csv does not exist')]);
    expect(w.query(`SELECT count(*) AS n FROM officers`)).toEqual([{ n: 3 }]);
  });

  it('says what is wrong with a file that is not a roster, and changes nothing', async () => {
    const w = world();
    fs.writeFileSync(path.join(w.dir, 'catatan.txt'), 'daftar hadir rapat\nsenin pagi\n');
    const { code } = await w.desk([choose('Import a roster'), choose('catatan.txt'), choose('Exit')]);
    expect(code).toBe(0);
    expect(w.stderr.text).toContain('No roster header row found in catatan.txt');
    expect(w.query(`SELECT count(*) AS n FROM batches`)).toEqual([{ n: 0 }]);
  });
});
