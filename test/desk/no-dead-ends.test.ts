import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER, officer, writeRoster } from '../helpers/roster.js';
import { choose, esc, no, type, yes } from './fake-prompts.js';
import { withSampleImported, world } from './world.js';

const exit = choose('Exit');
const back = choose('← Back');
const MENU = 'What would you like to do?';

describe('a desk with no dead ends', () => {
  it('goes back one step on Esc or an empty answer, and changes nothing', async () => {
    const w = world();
    const { prompts } = await w.desk([
      choose('Settings'), choose('Office name'), esc, choose('Office name'), type(''), esc,
      choose('Quarterly recap'), choose('Quarter IV 2025'), choose('a CSV file'), esc, esc, back,
      choose('Find a KIM'), type(''),
      exit,
    ]);
    expect(prompts.asked).toEqual([
      MENU, 'Which setting to change?', 'New value for Office name:', 'Which setting to change?', 'New value for Office name:', 'Which setting to change?',
      MENU, 'Which quarter?', 'Show it as?', 'File name:', 'Show it as?', 'Which quarter?',
      MENU, 'Search (KIM name, village or number):',
      MENU,
    ]);
    expect(w.query(`SELECT count(*) AS n FROM audit_log WHERE action LIKE 'config.%' OR action = 'init'`)).toEqual([{ n: 0 }]);
    expect(fs.readdirSync(w.dir).filter((f) => f.endsWith('.csv'))).toEqual([]);
  });

  it('offers "← Back" last in every list but the menu', async () => {
    const w = world();
    await withSampleImported(w);
    const { prompts } = await w.desk([
      choose('Review problems'), choose('KIM Mayangan Bahari'), choose('Fix: Hadi Wibowo'), back, back, back,
      choose('Quarterly recap'), choose('Quarter IV 2025'), back, back,
      choose('Find a KIM'), type('jati'), back, esc,
      choose('Undo an import'), back,
      choose('Settings'), back,
      exit,
    ]);
    const lists = [...prompts.offered].filter(([message]) => message !== MENU);
    expect(lists.map(([message]) => message)).toEqual([
      '5 KIMs with open problems. Open which one?', 'What do you want to fix?', 'Which of the data of Hadi Wibowo?',
      'Which quarter?', 'Show it as?', '2 KIMs found. Open which one?', 'Which import to undo?', 'Which setting to change?',
    ]);
    for (const [message, choices] of lists) expect(choices.at(-1), message).toBe('← Back');
  });

  it('lists the rosters of a folder typed where a file is wanted', async () => {
    const w = world();
    const folder = fs.mkdtempSync(path.join(w.dir, 'unduhan-'));
    writeRoster(folder, 'rekap-desa.csv', [HEADER, officer(1), officer(2), officer(3)]);
    const { prompts } = await w.desk([choose('Import a roster'), type(path.basename(folder)), choose('rekap-desa.csv'), yes, exit]);
    expect(prompts.asked).toContain(`Which file to import? (folder ${folder})`);
    expect(w.query(`SELECT count(*) AS n FROM officers`)).toEqual([{ n: 3 }]);
  });

  it('undoes an import from the menu, after a confirmation, and says what it did', async () => {
    const w = world();
    await withSampleImported(w);
    await w.desk([choose('Undo an import'), choose('Batch 1'), no, exit]);
    expect(w.query(`SELECT count(*) AS n FROM officers`)).toEqual([{ n: 36 }]);
    const { prompts } = await w.desk([choose('Undo an import'), choose(/^Batch 1: probolinggo_excel_cp1252\.csv/), yes, exit]);
    expect(prompts.asked).toContain('Undo batch 1 (probolinggo_excel_cp1252.csv)? The KIMs and officers it created are removed and the values it changed restored.');
    expect(w.stdout.text).toContain('Batch 1 undone: 6 KIMs and 36 officers removed, 0 records restored.');
    expect(w.query(`SELECT count(*) AS n FROM officers`)).toEqual([{ n: 0 }]);
    expect(w.query(`SELECT undone_by FROM batches`)).toEqual([{ undone_by: 'desk-clerk' }]);
    await w.desk([choose('Undo an import'), exit]);
    expect(w.stdout.text).toContain('No imports yet. Start with "Import a roster".');
  });

  it('never tells the clerk to type a command', async () => {
    const w = world({ database: false });
    await w.desk([esc, choose('Review problems'), choose('Assign numbers'), choose('Settings'), choose('Office name'), type('Diskominfo'), back, exit]);
    await withSampleImported(w);
    await w.desk([choose('Assign numbers'), yes, choose('Quarterly recap'), choose('Quarter IV 2025'), choose('a table on screen'), exit]);
    const said = w.stdout.text + w.stderr.text;
    expect(said).toContain('Skipped KIMs do not meet the requirements yet. Fix them under "Review problems"');
    expect(said).not.toMatch(/`kim /);
  });
});
