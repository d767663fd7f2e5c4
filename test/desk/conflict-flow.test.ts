import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, kim } from '../helpers/cli.js';
import { choose, esc, type, yes } from './fake-prompts.js';
import { world, type World } from './world.js';

/**
 * The three-way fixtures in a clerk's folder: roster.csv imported, then the office's own edits to
 * the two occupations that roster-later.csv changes too.
 */
function editedSinceImport(): World {
  const w = world();
  for (const f of ['roster.csv', 'roster-later.csv']) fs.copyFileSync(path.join(FIXTURES, 'rosters', 'three-way', f), path.join(w.dir, f));
  expect(kim(['import', 'roster.csv'], { cwd: w.dir }).code).toBe(0);
  for (const [name, occupation] of [['Hadi Wibowo', 'Pensiunan PNS'], ['Sri Lestari', 'Pedagang Sayur']]) {
    expect(kim(['edit', 'officer', name!, '--occupation', occupation!], { cwd: w.dir }).code).toBeLessThanOrEqual(1);
  }
  return w;
}

const occupations = (w: World) => w.query(`SELECT name, occupation FROM officers WHERE name IN ('Hadi Wibowo', 'Sri Lestari') ORDER BY name`);
const importLater = [choose('Import a roster'), choose('roster-later.csv')];
const HOW = "2 values of the file differ from the office's changes since the last import. Which should stand?";

describe("the desk's choice between the file and the office's own changes", () => {
  it("keeps the office's changes unless the clerk says otherwise, and lists both sides", async () => {
    const w = editedSinceImport();
    const { prompts } = await w.desk([...importLater, choose("The office's changes, all of them"), yes, choose('Exit')]);
    expect(prompts.offered.get(HOW)).toEqual(["The office's changes, all of them (recommended)", "The file's values, all of them", 'Choose one at a time', '← Back']);
    expect(w.stdout.text).toContain("The office's changes since the last import that stand, where the file brings another value");
    expect(w.stdout.text).toMatch(/Hadi Wibowo +│ occupation +│ Pensiunan PNS +│ Guru PNS SDN 3/);
    expect(occupations(w)).toEqual([{ name: 'Hadi Wibowo', occupation: 'Pensiunan PNS' }, { name: 'Sri Lestari', occupation: 'Pedagang Sayur' }]);
  });

  it("takes the file's values all at once", async () => {
    const w = editedSinceImport();
    await w.desk([...importLater, choose("The file's values, all of them"), yes, choose('Exit')]);
    expect(occupations(w)).toEqual([{ name: 'Hadi Wibowo', occupation: 'Guru PNS SDN 3' }, { name: 'Sri Lestari', occupation: 'Pedagang Ikan' }]);
    // The plan is made again with the choice: two officers now change.
    expect(w.stdout.text).toMatch(/Officers +│ +0 │ +2 │/);
  });

  it('takes them one at a time, and records the change in the batch', async () => {
    const w = editedSinceImport();
    const { prompts } = await w.desk([...importLater, choose('Choose one at a time'), choose("The file's: Guru PNS SDN 3"), choose("The office's: Pedagang Sayur"), yes, choose('Exit')]);
    expect(prompts.asked).toContain('1/2 · KIM Mayangan Bahari · Hadi Wibowo · occupation: which value stands?');
    expect(w.stdout.text).toContain("1 value of the file replaces the office's changes; the others stand.");
    expect(occupations(w)).toEqual([{ name: 'Hadi Wibowo', occupation: 'Guru PNS SDN 3' }, { name: 'Sri Lestari', occupation: 'Pedagang Sayur' }]);
    expect(w.query(`SELECT count(*) AS n FROM batches WHERE undone_at IS NULL`)).toEqual([{ n: 2 }]);
    // Undone, the office's value comes back.
    expect(kim(['undo', '2', '--yes'], { cwd: w.dir }).code).toBe(0);
    expect(occupations(w)[0]).toEqual({ name: 'Hadi Wibowo', occupation: 'Pensiunan PNS' });
  });

  it('goes back from one at a time to the choice, and from the choice out of the import without writing', async () => {
    const w = editedSinceImport();
    await w.desk([...importLater, choose('Choose one at a time'), esc, esc, choose('Exit')]);
    expect(w.stdout.text).toContain('Nothing was changed.');
    expect(w.query(`SELECT count(*) AS n FROM batches`)).toEqual([{ n: 1 }]);
    expect(occupations(w)).toEqual([{ name: 'Hadi Wibowo', occupation: 'Pensiunan PNS' }, { name: 'Sri Lestari', occupation: 'Pedagang Sayur' }]);
  });
});

describe('a new database', () => {
  it('asks for the regency before anything else, refusing one it does not know, and not again once set', async () => {
    const w = world({ database: false });
    const { prompts } = await w.desk([type('Kabupaten Antah Berantah', 'Kota Probolinggo'), choose('Exit')]);
    expect(prompts.asked[0]).toBe('Office regency (name or code, e.g. Kota Probolinggo or 35.74):');
    expect(prompts.refused).toHaveLength(1);
    expect(w.query(`SELECT value FROM settings WHERE key = 'regency'`)).toEqual([{ value: '"35.74"' }]);
    expect(w.stdout.text).toContain('Regency: Kota Probolinggo (35.74)');
    const again = await w.desk([choose('Exit')]);
    expect(again.prompts.asked).toEqual(['What would you like to do?']);
  });

  it('asks in a database created without a regency and still empty, but not in one with KIMs', async () => {
    const w = world({ database: false });
    expect(kim(['init'], { cwd: w.dir }).code).toBe(0);
    expect((await w.desk([esc, choose('Exit')])).prompts.asked[0]).toMatch(/^Office regency/);
    fs.copyFileSync(path.join(FIXTURES, 'rosters', 'three-way', 'roster.csv'), path.join(w.dir, 'roster.csv'));
    expect(kim(['import', 'roster.csv'], { cwd: w.dir }).code).toBe(0);
    expect((await w.desk([choose('Exit')])).prompts.asked).toEqual(['What would you like to do?']);
  });
});
