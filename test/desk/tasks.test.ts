import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lastEndedQuarter } from '../../src/ui/menu/tasks.js';
import { choose, esc, no, type, yes } from './fake-prompts.js';
import { withSampleImported, world } from './world.js';

const exit = choose('Exit');

describe('numbers from the desk', () => {
  it('shows the numbers it would give, and gives them only after a yes', async () => {
    const w = world();
    await withSampleImported(w);
    await w.desk([choose('Assign numbers'), no, exit]);
    expect(w.query(`SELECT count(*) AS n FROM communities WHERE number IS NOT NULL`)).toEqual([{ n: 0 }]);
    const { prompts } = await w.desk([choose('Assign numbers'), yes, exit]);
    expect(prompts.asked).toContain('Give this number? A number given is never reused.');
    expect(w.stdout.text).toMatch(/ {2}KIM Kanigaran Bersinar → 35\.74\.\d\d\.\d{4}\.01/);
    expect(w.stdout.text).toContain('5 KIMs cannot get a number yet');
    expect(w.query(`SELECT name, number FROM communities WHERE number IS NOT NULL`)).toEqual([{ name: 'KIM Kanigaran Bersinar', number: expect.stringMatching(/^35\.74\.\d\d\.\d{4}\.01$/) }]);
    expect(w.query(`SELECT operator FROM numbers`)).toEqual([{ operator: 'desk-clerk' }]);
  });
});

describe('the quarterly recap from the desk', () => {
  it.each([
    ['2026-01-10', { year: 2025, quarter: 4 }],
    ['2025-04-01', { year: 2025, quarter: 1 }],
    ['2025-07-15', { year: 2025, quarter: 2 }],
    ['2025-12-31', { year: 2025, quarter: 3 }],
  ])('offers first the quarter that ended last before %s', (today, quarter) => {
    expect(lastEndedQuarter(today)).toEqual(quarter);
  });

  it('writes the recap of the chosen quarter into the file the clerk names', async () => {
    const w = world();
    await withSampleImported(w);
    const { prompts } = await w.desk([choose('Quarterly recap'), choose('Quarter III 2025'), choose('a CSV file'), type(''), exit]);
    expect(prompts.defaults).toContain('2025-4');
    const file = path.join(w.dir, 'kim-recap-2025-q3.csv');
    expect(w.stderr.text).toContain(`Written to ${file}.`);
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^District,Villages,With KIM,Coverage %,KIMs/);
    expect(csv).toMatch(/Mayangan/i);
  });

  it('asks before replacing a file, and prints on screen without one', async () => {
    const w = world();
    await withSampleImported(w);
    fs.writeFileSync(path.join(w.dir, 'kim-recap-2025-q4.md'), 'lama');
    // No to the question asks the name again; Esc there goes back to the formats.
    await w.desk([choose('Quarterly recap'), choose('Quarter IV 2025'), choose('a Markdown file'), type(''), no, esc, choose('a table on screen'), exit]);
    expect(fs.readFileSync(path.join(w.dir, 'kim-recap-2025-q4.md'), 'utf8')).toBe('lama');
    expect(w.stdout.text).toContain('Cancelled. Nothing was changed.');
    expect(w.stdout.text).toMatch(/Kanigaran/);
  });
});

describe('find, back up and settings from the desk', () => {
  it('finds a KIM by a word, shows it, and opens it for fixing', async () => {
    const w = world();
    await withSampleImported(w);
    const { prompts } = await w.desk([choose('Find a KIM'), type('jati'), choose('KIM Jati Mandiri'), yes, choose('← Back'), exit]);
    expect(prompts.asked).toContain('2 KIMs found. Open which one?');
    expect(w.stdout.text).toContain('Sulastri Purnomo');
    expect(w.stdout.text).toMatch(/✗ DAT-NIK +Sulastri Purnomo/);
  });

  it('backs up into a dated file beside the database, asking before replacing one', async () => {
    const w = world();
    await withSampleImported(w);
    await w.desk([choose('Back up'), type(''), exit]);
    const file = path.join(w.dir, 'kim-backup-2026-01-10.sqlite');
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare(`SELECT count(*) AS n FROM communities`).get()).toEqual({ n: 6 });
    copy.close();
    const { prompts } = await w.desk([choose('Back up'), type(''), no, esc, exit]);
    expect(prompts.asked).toContain(`Overwrite ${file}?`);
  });

  it('changes a setting through the registry, refusing a bad value as it is typed', async () => {
    const w = world();
    const { prompts } = await w.desk([choose('Settings'), choose('Maximum number of officers: 30'), type('banyak', '25'), choose('← Back'), exit]);
    expect(prompts.refused).toEqual(['Write a whole number from 1 to 1000, not "banyak".']);
    expect(w.stdout.text).toContain('Maximum number of officers: 25');
    expect(w.stdout.text + w.stderr.text).not.toMatch(/rules\.ADM-SIZE/);
    expect(w.query(`SELECT value FROM settings WHERE key = 'rules.ADM-SIZE.max'`)).toEqual([{ value: '25' }]);
    expect(w.query(`SELECT operator, action FROM audit_log WHERE action = 'config.set'`)).toEqual([{ operator: 'desk-clerk', action: 'config.set' }]);
  });

  it('sets the regency on a desk without a database, creating it', async () => {
    const w = world({ database: false });
    await w.desk([esc, choose('Settings'), choose(/^Office regency/), type('Kota Probolinggo'), choose('← Back'), exit]);
    expect(w.query(`SELECT value FROM settings WHERE key = 'regency'`)).toEqual([{ value: '"35.74"' }]);
    expect(w.stdout.text).toContain('Regency: Kota Probolinggo (35.74)');
  });
});
