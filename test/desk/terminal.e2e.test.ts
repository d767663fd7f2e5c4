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
