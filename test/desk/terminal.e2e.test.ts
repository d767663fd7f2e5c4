import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, kim, tempDir } from '../helpers/cli.js';
import { KEY, kimInPty } from '../helpers/pty.js';
import { queryDb } from '../helpers/query.js';

const env = { KIM_TODAY: '2026-01-10', KIM_OPERATOR: 'loket-1' };

/** A clerk's folder: the office database set up, and one roster from a village waiting in it. */
function folder(): string {
  const dir = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: dir, env }).code).toBe(0);
  fixture(dir, 'rosters/probolinggo_excel_cp1252.csv');
  return dir;
}

const query = queryDb;

/** From the menu to the guided import's preview of the only roster in the folder. */
const toImport = [
  { expect: 'What would you like to do?', send: KEY.enter },
  { expect: 'Which file to import?', send: KEY.enter },
];

describe('kim alone in a real terminal', () => {
  it('imports the sample roster through the guided import, fixes the ASN officer in review, and leaves on Ctrl-C', () => {
    const dir = folder();
    const r = kimInPty([], {
      cwd: dir,
      env,
      steps: [
        ...toImport,
        { expect: 'Encoding windows-1252 · delimiter ";"' },
        { expect: 'Import plan (dry run, nothing written)' },
        { expect: 'Import probolinggo_excel_cp1252.csv now?', send: 'y' + KEY.enter },
        { expect: 'Saved as batch 1.' },
        { expect: 'with open problems: 5 (5 with errors)' },
        { expect: 'What would you like to do?', send: KEY.down + KEY.enter },
        // Typing the start of a name moves the cursor to it.
        { expect: '5 KIMs with open problems. Open which one?', send: 'KIM Mayangan' },
        { expect: '❯ KIM Mayangan Bahari (Jati)', send: KEY.enter },
        { expect: 'What do you want to fix?', send: KEY.enter },
        { expect: 'Which of the data of Hadi Wibowo?' },
        { expect: '❯ occupation: PNS Dinas Pendidikan', send: KEY.enter },
        { expect: 'New occupation (Enter keeps it): (PNS Dinas Pendidikan)', send: 'Guru Honorer' + KEY.enter },
        { expect: 'Problems solved:' },
        { expect: 'KIM Mayangan Bahari has no problems left' },
        { expect: 'What do you want to fix?', send: KEY.ctrlC },
        { expect: 'Goodbye.' },
      ],
    });
    expect(r.error, r.screen.slice(-3000)).toBeNull();
    expect(r.code).toBe(0);
    expect(query(dir, `SELECT name, occupation FROM officers WHERE name = 'Hadi Wibowo'`)).toEqual([{ name: 'Hadi Wibowo', occupation: 'Guru Honorer' }]);
    expect(query(dir, `SELECT count(*) AS officers FROM officers`)).toEqual([{ officers: 36 }]);
    expect(query(dir, `SELECT operator, files FROM batches`)).toEqual([{ operator: 'loket-1', files: expect.stringContaining('probolinggo_excel_cp1252.csv') }]);
    expect(query(dir, `SELECT operator, action FROM audit_log WHERE action IN ('import', 'officer.edit') ORDER BY id`)).toEqual([
      { operator: 'loket-1', action: 'import' },
      { operator: 'loket-1', action: 'officer.edit' },
    ]);
    expect(query(dir, `SELECT compliant FROM communities WHERE name = 'KIM Mayangan Bahari'`)).toEqual([{ compliant: 1 }]);
    // The fix made the import's undo refuse: an edit came after it.
    expect(kim(['undo', '1', '--yes'], { cwd: dir, env }).stderr).toContain('Hadi Wibowo was changed later');
  });

  it('writes nothing when Ctrl-C comes at the import confirmation', () => {
    const dir = folder();
    const r = kimInPty([], {
      cwd: dir,
      env,
      steps: [
        ...toImport,
        { expect: 'now?', send: KEY.ctrlC },
        { expect: 'Goodbye.' },
      ],
    });
    expect(r.error, r.screen.slice(-2000)).toBeNull();
    expect(r.code).toBe(0);
    expect(query(dir, `SELECT (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM communities) AS communities`)).toEqual([{ batches: 0, communities: 0 }]);
  });

  it('has no dead ends at 80 columns: Esc or an empty answer goes back, lists have ← Back, a folder lists its rosters, and undo, regency and show are in the menu', () => {
    const dir = tempDir();
    expect(kim(['init'], { cwd: dir, env }).code).toBe(0);
    fs.mkdirSync(path.join(dir, 'unduhan'));
    fixture(path.join(dir, 'unduhan'), 'rosters/probolinggo_excel_cp1252.csv');
    const ESC = '\x1b';
    const r = kimInPty([], {
      cwd: dir,
      env,
      cols: 80,
      steps: [
        // A new database asks for the regency first; Esc leaves it for later.
        { expect: 'Office regency (name or code, e.g. Kota Probolinggo or 35.74):', send: ESC },
        { expect: 'The regency is not set. Set it under Settings › Office regency before importing' },
        // The regency, from Settings; Esc at a value and at the list goes back one step each.
        { expect: 'The office regency is not set: choose Settings › Office regency.' },
        { expect: 'What would you like to do?', send: 'Settings' },
        { expect: '❯ Settings', send: KEY.enter },
        { expect: 'Which setting to change?', send: 'Office name' },
        { expect: '❯ Office name', send: KEY.enter },
        { expect: 'New value for Office name:', send: ESC },
        { expect: 'Which setting to change?', send: KEY.enter },
        { expect: 'New value for Office regency:', send: 'Kota Probolinggo' + KEY.enter },
        { expect: 'Office regency: 35.74 Kota Probolinggo' },
        { expect: 'Which setting to change?', send: ESC },
        { expect: 'Regency: Kota Probolinggo (35.74)' },
        // The quarter picker's ← Back.
        { expect: 'What would you like to do?', send: 'Quarterly' },
        { expect: '❯ Quarterly recap', send: KEY.enter },
        { expect: 'Which quarter?', send: '←' },
        { expect: '❯ ← Back', send: KEY.enter },
        // A folder typed where the roster is wanted: its rosters are listed.
        { expect: 'What would you like to do?', send: KEY.enter },
        { expect: 'Path of the CSV file, or a folder (empty to go back):', send: 'unduhan' + KEY.enter },
        { expect: `Which file to import? (folder ${path.join(dir, 'unduhan')})` },
        { expect: '❯ probolinggo_excel_cp1252.csv', send: KEY.enter },
        { expect: 'Import probolinggo_excel_cp1252.csv now?', send: 'y' + KEY.enter },
        { expect: 'Saved as batch 1. If it was a mistake, choose "Undo an import" in the menu.' },
        // Show a KIM.
        { expect: 'What would you like to do?', send: 'Find' },
        { expect: '❯ Find a KIM', send: KEY.enter },
        { expect: 'Search (KIM name, village or number):', send: 'Jati Mandiri' + KEY.enter },
        { expect: '1 KIM found. Open which one?', send: KEY.enter },
        { expect: 'Officers (6)' },
        { expect: "Fix this KIM's data?", send: KEY.enter },
        // Undo the import.
        { expect: 'What would you like to do?', send: 'Undo' },
        { expect: '❯ Undo an import', send: KEY.enter },
        { expect: 'Which import to undo?', send: KEY.enter },
        { expect: 'Undo batch 1 (probolinggo_excel_cp1252.csv)?', send: 'y' + KEY.enter },
        { expect: 'Batch 1 undone: 6 KIMs and 36 officers removed' },
        // An empty answer goes back too.
        { expect: 'What would you like to do?', send: 'Find' },
        { expect: '❯ Find a KIM', send: KEY.enter },
        { expect: 'Search (KIM name, village or number):', send: KEY.enter },
        { expect: 'What would you like to do?', send: KEY.ctrlC },
        { expect: 'Goodbye.' },
      ],
    });
    expect(r.error, r.screen.slice(-3000)).toBeNull();
    expect(r.code).toBe(0);
    // The desk's own lines (inquirer wraps its questions itself; their redraws, with the cursor
    // moves taken out, run together on this transcript).
    const own = r.screen.split('\n').filter((line) => !/[?✔❯]|Esc back/.test(line));
    expect(own.filter((line) => [...line].length > 80)).toEqual([]);
    expect(r.screen).not.toMatch(/`kim /);
    expect(query(dir, `SELECT value FROM settings WHERE key = 'regency'`)).toEqual([{ value: '"35.74"' }]);
    expect(query(dir, `SELECT count(*) AS n FROM settings WHERE key = 'office'`)).toEqual([{ n: 0 }]);
    expect(query(dir, `SELECT undone_by FROM batches`)).toEqual([{ undone_by: 'loket-1' }]);
    expect(query(dir, `SELECT count(*) AS n FROM officers`)).toEqual([{ n: 0 }]);
  });

  it('speaks Indonesian in the terminal too', () => {
    const dir = folder();
    const r = kimInPty(['--lang', 'id'], { cwd: dir, env, steps: [{ expect: 'Apa yang akan dikerjakan?' }, { expect: 'Impor daftar pengurus', send: KEY.ctrlC }, { expect: 'Sampai jumpa.' }] });
    expect(r.error, r.screen).toBeNull();
    expect(r.code).toBe(0);
  });
});

describe('without a terminal nothing waits for input', () => {
  it('prints the help for kim alone in CI and in a pipe', () => {
    const dir = folder();
    for (const extra of [{}, { CI: '' }]) {
      const r = kim([], { cwd: dir, env: { ...env, ...extra }, timeout: 10_000 });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: kim [options] [command]');
      expect(r.stdout).toContain('edit');
    }
  });

  it('refuses a confirmation without --yes, naming --yes', () => {
    const dir = folder();
    expect(kim(['import', 'probolinggo_excel_cp1252.csv'], { cwd: dir, env }).code).toBe(0);
    const r = kim(['undo', '1'], { cwd: dir, env, timeout: 10_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
  });
});
