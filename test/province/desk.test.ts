import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kim } from '../helpers/cli.js';
import { choose, type } from '../desk/fake-prompts.js';
import { world } from '../desk/world.js';
import { officeFiles } from '../../src/ui/menu/province-flow.js';
import { ENV, makeOffice, send } from './offices.js';

describe('the desk of a provincial database', () => {
  it("offers merge and the province's recap instead of import, review and numbers; merges a folder of offices' files", async () => {
    const w = world({ database: false });
    expect(kim(['init', '--province', 'Sumatera Selatan'], { cwd: w.dir, env: ENV }).code).toBe(0);
    makeOffice(w.dir, 'muba');
    makeOffice(w.dir, 'banyuasin');
    send(w.dir, 'muba');
    send(w.dir, 'banyuasin');

    const { code, prompts } = await w.desk([
      choose("Merge the offices' files"),
      type('sent'),
      choose('Quarterly recap'),
      choose('Quarter IV 2025'),
      choose('Kabupaten Banyuasin (16.07)'),
      choose('a table on screen'),
      choose('Find a KIM'),
      type('Mariana'),
      choose('KIM Mariana Sejahtera'),
      choose('Exit'),
    ]);
    expect(code).toBe(0);
    expect(prompts.offered.get('What would you like to do?')).toEqual([
      "Merge the offices' files", 'Quarterly recap', 'Find a KIM', 'Undo an import', 'Back up', 'Settings', 'Exit',
    ]);
    expect(prompts.hints.get('What would you like to do?')?.[1]).toBe("recap per regency, or one regency's per district, on screen or into a file");
    expect(w.stdout.text).toContain('Province: Sumatera Selatan (16) · 0 of 17 regencies merged');
    // The merge table fits the desk's terminal, so an office's line may wrap inside its cells.
    expect(w.stdout.text).toMatch(/16\.06 Kabupaten Musi +│ \S+\/sent\/muba\.sql +│ +2\/0\/0 │ +6\/0\/0 │/);
    expect(w.stdout.text).toContain('Province: Sumatera Selatan (16) · 2 of 17 regencies merged');
    expect(prompts.offered.get('Whose recap?')).toEqual(['The whole province, a row per regency', 'Kabupaten Musi Banyuasin (16.06)', 'Kabupaten Banyuasin (16.07)', '← Back']);
    expect(w.stdout.text).toContain('KIM recap, Kabupaten Banyuasin, Q4 2025');
    // A merged KIM is shown with its office, and not offered for fixing.
    expect(w.stdout.text).toContain('Office        Kabupaten Banyuasin (16.07); merged from its file, changed only there');
    expect(prompts.asked).not.toContain("Fix this KIM's data?");
    // On a terminal, a bar counts the offices read and merged.
    expect(w.stderr.text).toMatch(/ Merging \|[█░]+\| 4\/4 · /);
    expect(w.stderr.text).toContain('Batch 1: 2 offices merged (0 unchanged). "Undo an import" in the menu reverts it.\n');
    expect(w.query(`SELECT count(DISTINCT office) AS n FROM communities`)).toEqual([{ n: 2 }]);
  }, 60_000);

  it('takes every .sqlite of a folder, in name order, or the one file named', () => {
    const w = world({ database: false });
    fs.mkdirSync(path.join(w.dir, 'usb'));
    for (const name of ['b.sqlite', 'a.SQLITE', 'notes.txt', 'c.sqlite-wal']) fs.writeFileSync(path.join(w.dir, 'usb', name), '');
    expect(officeFiles(w.dir, 'usb')).toEqual([path.join(w.dir, 'usb', 'a.SQLITE'), path.join(w.dir, 'usb', 'b.sqlite')]);
    expect(officeFiles(w.dir, ' usb/b.sqlite ')).toEqual(['usb/b.sqlite']);
    expect(officeFiles(w.dir, 'missing.sqlite')).toEqual(['missing.sqlite']);
  });
});
