import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskNik } from '../../src/core/ids/mask.js';
import { modeOf, waitFor } from '../admin/setup.js';
import { BIN, kim, tempDir } from '../helpers/cli.js';
import { HEADER, officer, writeRoster } from '../helpers/roster.js';
import { SAMPLE_BYTES } from './mutate.js';
import { kimEnv, startKim } from './processes.js';

/** Every 16-digit NIK in the sample rosters. */
const SAMPLE_NIKS = [...new Set(SAMPLE_BYTES.flatMap((b) => b.toString('latin1').match(/(?<!\d)\d{16}(?!\d)/g) ?? []))];
/** A roster with rejected rows: a NIK given to two people, a row too long, a broken quote. */
const CONFLICT_NIK = '3574041212900001';
const rejectsRoster = () => [
  HEADER,
  officer(1, { NIK: CONFLICT_NIK }),
  officer(2, { NIK: CONFLICT_NIK, 'Nama Pengurus': 'Orang Lain' }),
  [...officer(3, { NIK: '3574041212900003' }), 'sisa', 'kolom'],
  officer(4, { NIK: '3574041212900004' }),
];
const ALL_NIKS = [...SAMPLE_NIKS, CONFLICT_NIK, '3574041212900003', '3574041212900004'];
const WHOLE_NIK = new RegExp(ALL_NIKS.join('|'), 'g');

describe('NIKs in output', () => {
  const dir = tempDir('kim-privacy-');
  const samples = SAMPLE_BYTES.map((b, i) => {
    const file = path.join(dir, `sample-${i}.csv`);
    fs.writeFileSync(file, b);
    return file;
  });

  beforeAll(() => {
    expect(SAMPLE_NIKS.length).toBeGreaterThan(40);
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    expect(kim(['import', ...samples], { cwd: dir }).code).toBe(0);
    expect(kim(['validate'], { cwd: dir }).code).toBe(1);
    expect(kim(['number'], { cwd: dir }).code).toBe(0);
  });

  /** Every command that prints data, in every format, with --debug too, and error paths. */
  const commands: string[][] = [
    ['import', 'sample-0.csv', 'sample-1.csv'],
    ['import', 'rejects.csv', '--rejects', 'fix.csv'],
    ['import', 'rejects.csv', '--dry-run', '--format', 'json'],
    ['import', 'rejects.csv', '--dry-run', '--format', 'csv'],
    ['import', 'rejects.csv', '--strict', '--debug'],
    ['validate', '--debug'],
    ['validate', '--format', 'json'],
    ['validate', '--format', 'csv'],
    ['number', '--dry-run', '--format', 'json'],
    ['list', '--format', 'json'],
    ['list', '--format', 'csv', '--status', 'noncompliant'],
    ...['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => ['show', id, '--format', 'json']),
    ['show', 'KIM Jati Mandiri', '--debug'],
    ['show', 'KIM Mayangan Bahari', '--format', 'md'],
    ['report', 'findings'],
    ['report', 'findings', '--format', 'json'],
    ['report', 'findings', '--format', 'csv'],
    ['report', 'recap', '--year', '2025', '--quarter', '4', '--format', 'md'],
    ['export', 'officers'],
    ['export', 'officers', '--format', 'json'],
    ['export', 'officers', '--excel'],
    ['export', 'communities', '--format', 'json'],
    ['export', 'officers', '--format', 'json', '--out', 'officers.json'],
    ['batches', '--format', 'json'],
    ['undo', '2', '--yes', '--debug'],
    ['end', 'KIM Triwung Cerdas', '--reason', 'bubar', '--date', '2025-10-01'],
    ['log', '--format', 'json', '--limit', '200'],
    ['log', '--debug'],
    ['backup', 'copy.sqlite', '--format', 'json'],
    ['check', '--debug'],
    // Error paths, with the stack trace a bug report would carry.
    ['show', '9999', '--debug'],
    ['import', 'missing.csv', '--debug'],
    ['export', 'people', '--debug'],
    ['list', '--status', 'whatever', '--debug'],
  ];

  it('never appear whole in stdout or stderr unless --include-nik was given', () => {
    writeRoster(dir, 'rejects.csv', rejectsRoster());
    const leaks: string[] = [];
    const output = new Map<string, string>();
    for (const args of commands) {
      const r = kim(args, { cwd: dir });
      output.set(args.join(' '), r.stdout + r.stderr);
      const found = (r.stdout + r.stderr).match(WHOLE_NIK);
      if (found) leaks.push(`kim ${args.join(' ')} (exit ${r.code}): ${[...new Set(found)].join(', ')}`);
      expect([0, 1, 2], `kim ${args.join(' ')}\n${r.stderr}`).toContain(r.code);
    }
    expect(leaks).toEqual([]);
    // The reason still tells the clerk which NIK, as every NIK is shown: masked.
    expect(output.get('import rejects.csv --dry-run --format json')).toContain(`NIK ${maskNik(CONFLICT_NIK)} was already given on row 2`);
    // The rejects file holds the rows themselves, whole NIKs included, to be fixed and imported again;
    // once it is written the clerk is not told to add --rejects any more.
    expect(output.get('import rejects.csv --rejects fix.csv')).toMatch(/2 rejected rows written to fix\.csv/);
    expect(output.get('import rejects.csv --rejects fix.csv')).not.toMatch(/Add --rejects/);
    expect(fs.readFileSync(path.join(dir, 'fix.csv'), 'utf8')).toContain(CONFLICT_NIK);
    // What a clerk saves with --out is checked too, and so is the log of who saw what.
    expect(fs.readFileSync(path.join(dir, 'officers.json'), 'utf8')).not.toMatch(WHOLE_NIK);
  });

  it('are whole with --include-nik (the check above would see them), and that is in the log', () => {
    const r = kim(['export', 'officers', '--include-nik', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    const stored = (db.prepare(`SELECT DISTINCT nik FROM officers`).pluck().all() as string[]).filter((nik) => ALL_NIKS.includes(nik));
    db.close();
    expect(stored.length).toBeGreaterThan(40);
    expect(new Set(r.stdout.match(WHOLE_NIK))).toEqual(new Set(stored));
    const log = kim(['log', '--action', 'export.nik', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(log.stdout).length).toBeGreaterThan(0);
    expect(log.stdout).not.toMatch(WHOLE_NIK);
  });
});

describe('files kim creates', () => {
  it('are readable by their owner only, even with a permissive umask: database, WAL, shared memory, backups, exports, rejects', async () => {
    const dir = tempDir('kim-modes-');
    // umask 000 would leave any file kim does not protect itself readable (and writable) by all.
    const run = (args: string[]) => {
      const r = spawnSync('/bin/sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, ...args], { cwd: dir, env: kimEnv(), encoding: 'utf8' });
      return { status: r.status, toString: () => `kim ${args.join(' ')}: exit ${r.status}\n${r.stderr}` };
    };
    const expectExit = (r: ReturnType<typeof run>, code: number) => expect(r.status, String(r)).toBe(code);
    expectExit(run(['init', '--regency', '35.74']), 0);
    const db = path.join(dir, 'kim.sqlite');
    expect(modeOf(db)).toBe(0o600);

    // The -wal and -shm exist while a kim process has the database open: look during a long import.
    const rows = [HEADER];
    for (let i = 0; i < 30_000; i++) rows.push(officer(1 + (i % 10), { 'Nama KIM': `KIM ${Math.floor(i / 10)}`, NIK: String(3574040000000000 + i), 'Nama Pengurus': `Orang ${i}` }));
    const big = writeRoster(dir, 'big.csv', rows);
    const importing = startKim(['import', big, '--quiet'], dir);
    // Their modes are read in the same look that finds them: the import may end, and remove them,
    // at any moment after.
    let seen: { wal: number; shm: number } | undefined;
    await waitFor(() => {
      try {
        seen = { wal: modeOf(`${db}-wal`), shm: modeOf(`${db}-shm`) };
        return true;
      } catch {
        return false;
      }
    });
    expect(seen).toEqual({ wal: 0o600, shm: 0o600 });
    const imported = await importing.done;
    expect(imported.code, imported.stderr).toBe(0);

    fs.writeFileSync(path.join(dir, 'bad.csv'), [HEADER, officer(1, { NIK: '3574041212900001' }), [...officer(2), 'x', 'y']].map((r) => r.join(',')).join('\n'));
    expectExit(run(['import', 'bad.csv', '--rejects', 'fix.csv']), 1);
    expectExit(run(['backup', 'copy.sqlite']), 0);
    expectExit(run(['export', 'officers', '--out', 'officers.csv']), 0);
    expectExit(run(['export', 'officers', '--include-nik', '--format', 'json', '--out', 'officers.json']), 0);
    expectExit(run(['validate', '--format', 'csv', '--out', 'findings.csv']), 1);
    expectExit(run(['report', 'findings', '--format', 'xlsx', '--out', 'findings.xlsx']), 0);
    const modes = Object.fromEntries(['kim.sqlite', 'copy.sqlite', 'fix.csv', 'officers.csv', 'officers.json', 'findings.csv', 'findings.xlsx'].map((f) => [f, modeOf(path.join(dir, f)).toString(8)]));
    expect(modes).toEqual(Object.fromEntries(Object.keys(modes).map((f) => [f, '600'])));
    // And the backup is a real copy.
    const copy = new Database(path.join(dir, 'copy.sqlite'));
    expect(copy.prepare(`SELECT count(*) FROM officers`).pluck().get()).toBe(30_001);
    copy.close();
  });
});
