import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, kim, kimJson, tempDir } from '../helpers/cli.js';
import { HEADER, officer, writeRaw, writeRoster } from '../helpers/roster.js';

function freshDir(): string {
  const dir = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  return dir;
}

/** Everything a clerk could see of the data, for before/after comparisons. */
function snapshot(dir: string) {
  const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
  try {
    return {
      communities: db.prepare(`SELECT * FROM communities ORDER BY id`).all(),
      officers: db.prepare(`SELECT * FROM officers ORDER BY id`).all(),
      numbers: db.prepare(`SELECT * FROM numbers ORDER BY number`).all(),
    };
  } finally {
    db.close();
  }
}

const count = (dir: string, table: string) => {
  const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
  const n = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  db.close();
  return n;
};

describe('rejected rows', () => {
  const bad = () => [
    HEADER,
    officer(1),
    [...officer(2), 'extra', 'cells'],
    officer(3, { 'Nama KIM': '', 'Desa/Kelurahan': 'Jati' }),
    officer(4, { 'Nama Pengurus': '' }),
    officer(5, { NIK: '3574041212900001', 'Nama Pengurus': 'Orang Lain' }),
    officer(6),
  ];

  it('rejects unusable rows with their spreadsheet row number and imports the rest (exit 1)', () => {
    const dir = freshDir();
    const file = writeRoster(dir, 'bad.csv', bad());
    const r = kimJson(['import', file, '--rejects', 'fix.csv'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.json.rejected.map((x: any) => [x.row, x.column])).toEqual([[3, null], [4, 'kim_name'], [5, 'officer_name'], [6, 'nik']]);
    expect(r.json.rejected[0].reason).toMatch(/14 cells where the header has 12/);
    expect(r.json.rejected[3].reason).toMatch(/already given on row 2 to another officer \(Pengurus 1\)/);
    expect(r.json.officers.created).toBe(2);
    const fix = fs.readFileSync(path.join(dir, 'fix.csv'), 'utf8');
    expect(fix.startsWith('\uFEFF' + HEADER.join(','))).toBe(true);
    expect(fix.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(fix).toContain('Row 6: NIK 3574041212900001 was already given');
  });

  it('rejects a row with broken quoting and reads on', () => {
    const dir = freshDir();
    const text = HEADER.join(',') + '\n' + officer(1).join(',') + '\n' + officer(2).join(',').replace('Pengurus 2', '"Pengurus 2') + '\n' + officer(3).join(',') + '\n';
    const r = kimJson(['import', writeRaw(dir, 'q.csv', text)], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.json.rejected).toMatchObject([{ row: 3, reason: expect.stringMatching(/quote/) }]);
    expect(r.json.officers.created).toBe(2);
  });

  it('a rejects file can be fixed and imported again', () => {
    const dir = freshDir();
    kimJson(['import', writeRoster(dir, 'bad.csv', bad()), '--rejects', 'fix.csv'], { cwd: dir });
    const fixed = fs.readFileSync(path.join(dir, 'fix.csv'), 'utf8').replace(',,Pengurus 4,', ',,Pengurus Empat,');
    fs.writeFileSync(path.join(dir, 'fix.csv'), fixed);
    const again = kimJson(['import', 'fix.csv'], { cwd: dir });
    expect(again.json.unknownColumns).toEqual([]);
    expect(again.json.rejected.length).toBe(3);
  });

  it('--strict rejects the whole file: nothing written, exit 2', () => {
    const dir = freshDir();
    const r = kim(['import', writeRoster(dir, 'bad.csv', bad()), '--strict'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--strict: 4 rows were rejected/);
    // What the clerk reads must not say that anything was imported.
    expect(r.stdout).toContain('Import plan (cancelled by --strict, nothing written)');
    expect(r.stdout).not.toContain('Import result');
    expect(r.stderr).not.toMatch(/were imported|Saved as batch/);
    expect(count(dir, 'officers')).toBe(0);
    expect(count(dir, 'batches')).toBe(0);
  });

  it('--strict with --rejects names the file the rows went to, not the option to write them', () => {
    const dir = freshDir();
    const r = kim(['import', writeRoster(dir, 'bad.csv', bad()), '--strict', '--rejects', 'ditolak.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--strict: 4 rows were rejected.*Fix the rows in ditolak\.csv/);
    expect(r.stderr).not.toContain('--rejects <file.csv>');
    expect(fs.existsSync(path.join(dir, 'ditolak.csv'))).toBe(true);
    expect(count(dir, 'officers')).toBe(0);
  });
});

describe('a rejected row changes nothing', () => {
  it('neither creates its community nor writes its community values', () => {
    const dir = freshDir();
    const header = [...HEADER, 'Nomor Induk'];
    const rows = [
      header,
      [...officer(1, { 'Nama KIM': 'KIM Satu' }), '35.74.04.1001.01'],
      // Another KIM claims the same number: rejected, and KIM Dua must not appear.
      [...officer(2, { 'Nama KIM': 'KIM Dua' }), '35.74.04.1001.01'],
      // The NIK of officer 1 given to someone else, with another SK number: rejected, SK kept.
      [...officer(3, { 'Nama KIM': 'KIM Satu', NIK: '3574041212900001', 'Nama Pengurus': 'Lain', 'No. SK': '999/2025' }), ''],
    ];
    const r = kimJson(['import', writeRoster(dir, 'n.csv', rows)], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.json.rejected.map((x: any) => [x.row, x.column])).toEqual([[3, 'community_number'], [4, 'nik']]);
    const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT name, number, sk_number FROM communities`).all()).toEqual([{ name: 'KIM Satu', number: '35.74.04.1001.01', sk_number: '400/12/425.106/2025' }]);
    db.close();
  });
});

describe('dry run', () => {
  it('prints the very plan the real run applies and writes nothing', () => {
    const dir = freshDir();
    const file = writeRoster(dir, 'r.csv', [HEADER, officer(1), officer(2), officer(3, { 'Nama KIM': 'KIM Lain' })]);
    const dry = kimJson(['import', file, '--dry-run'], { cwd: dir });
    expect(dry.json.batch).toBeNull();
    expect(dry.json.dryRun).toBe(true);
    expect(count(dir, 'communities')).toBe(0);
    expect(count(dir, 'batches')).toBe(0);
    const real = kimJson(['import', file], { cwd: dir });
    expect(real.json.batch).toBe(1);
    for (const key of ['communities', 'officers', 'rejected', 'files', 'unknownColumns']) expect(dry.json[key]).toEqual(real.json[key]);
  });
});

describe('updates, replacements and undo', () => {
  it('a blank cell never overwrites; a changed one updates; --replace-rosters ends the missing', () => {
    const dir = freshDir();
    kimJson(['import', writeRoster(dir, 'a.csv', [HEADER, officer(1), officer(2), officer(3), officer(4)])], { cwd: dir });
    const next = writeRoster(dir, 'b.csv', [HEADER, officer(1, { Pekerjaan: '' }), officer(2, { Pekerjaan: 'Petani' }), officer(3)]);
    const r = kimJson(['import', next, '--replace-rosters'], { cwd: dir });
    expect(r.json.officers).toEqual({ created: 0, updated: 1, unchanged: 2, ended: 1 });
    const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    const rows = db.prepare(`SELECT name, occupation, ended_at FROM officers ORDER BY id`).all();
    db.close();
    expect(rows).toEqual([
      { name: 'Pengurus 1', occupation: 'Wiraswasta', ended_at: null },
      { name: 'Pengurus 2', occupation: 'Petani', ended_at: null },
      { name: 'Pengurus 3', occupation: 'Wiraswasta', ended_at: null },
      { name: 'Pengurus 4', occupation: 'Wiraswasta', ended_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
  });

  it('undo restores exactly what was there, and refuses while a later batch touched the same records', () => {
    const dir = freshDir();
    kimJson(['import', writeRoster(dir, 'a.csv', [HEADER, officer(1), officer(2), officer(3, { 'L/P': 'P' })])], { cwd: dir });
    const before = snapshot(dir);
    const b2 = kimJson(['import', writeRoster(dir, 'b.csv', [HEADER, officer(1, { 'No. SK': '400/99/425.106/2025', Pekerjaan: 'Guru' }), officer(7, { 'Nama KIM': 'KIM Baru' }), officer(3)]), '--replace-rosters'], { cwd: dir });
    expect(b2.json.batch).toBe(2);
    const b3 = kimJson(['import', writeRoster(dir, 'c.csv', [HEADER, officer(1, { Pekerjaan: 'Dosen' })])], { cwd: dir });
    expect(b3.json.batch).toBe(3);
    const refused = kim(['undo', '2', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/later batch 3/);
    expect(kim(['undo', '3', '--yes'], { cwd: dir }).code).toBe(0);
    expect(kim(['undo', '2', '--yes'], { cwd: dir }).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    const batches = kimJson(['batches'], { cwd: dir }).json;
    expect(batches.map((b: any) => [b.id, b.undoneBy])).toEqual([[1, null], [2, 'tester'], [3, 'tester']]);
    const log = kim(['undo', '2', '--yes'], { cwd: dir });
    expect(log.code).toBe(2);
    expect(log.stderr).toMatch(/already undone/);
  });

  it('undo asks for confirmation: without a terminal and without --yes it stops with exit 2', () => {
    const dir = freshDir();
    kimJson(['import', writeRoster(dir, 'a.csv', [HEADER, officer(1)])], { cwd: dir });
    const r = kim(['undo', '1'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect(count(dir, 'officers')).toBe(1);
  });
});

describe('a batch killed half-way', () => {
  it('leaves no row of the batch behind, and the import then runs to the end', async () => {
    const dir = freshDir();
    kimJson(['import', writeRoster(dir, 'a.csv', [HEADER, officer(1)])], { cwd: dir });
    const rows = [HEADER];
    for (let i = 0; i < 60_000; i++) rows.push(officer(i % 10, { 'Nama KIM': `KIM ${Math.floor(i / 10)}`, NIK: String(3574040000000000 + i), 'Nama Pengurus': `Orang ${i}` }));
    const big = writeRoster(dir, 'big.csv', rows);
    const child = spawn(process.execPath, [BIN, 'import', big, '--quiet'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', (_code, signal) => r(signal)));
    // Kill half-way through the second read of the file (the first only checksums it), while rows
    // are being written; /proc tells how far the process has read. The WAL is no guide: the page
    // cache holds the batch until the commit.
    const size = fs.statSync(big).size;
    const readSoFar = () => {
      try {
        return Number(/rchar:\s*(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/io`, 'utf8'))![1]);
      } catch {
        return Infinity;
      }
    };
    for (let i = 0; i < 3000 && child.exitCode === null && readSoFar() < size * 1.5; i++) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
    expect(count(dir, 'officers')).toBe(1);
    expect(count(dir, 'communities')).toBe(1);
    expect(count(dir, 'batches')).toBe(1);
    const again = kimJson(['import', big], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.json.officers.created).toBe(60_000);
  });
});
