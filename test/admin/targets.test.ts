import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, kim, tempDir } from '../helpers/cli.js';

const ROSTER = path.join(FIXTURES, 'rosters', 'probolinggo_susulan_utf8bom.csv');
const count = (dir: string, sql: string) => {
  const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe('files kim is asked to write', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('kim-targets-');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  });

  it('--rejects into a folder that does not exist: exit 2 naming the folder, and no batch saved', () => {
    const r = kim(['import', ROSTER, '--rejects', '/nonexistent/r.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The folder \/nonexistent does not exist\. Create it first or choose another destination\. Nothing was changed\./);
    expect(count(dir, `SELECT count(*) FROM batches`)).toBe(0);
    expect(count(dir, `SELECT count(*) FROM officers`)).toBe(0);
  });

  it('--out into a folder that does not exist, onto a folder or onto the database: exit 2 before anything is written', () => {
    expect(kim(['import', ROSTER], { cwd: dir }).code).toBe(0);
    const entries = count(dir, `SELECT count(*) FROM audit_log`);
    for (const [out, said] of [
      ['/nonexistent/p.csv', /The folder \/nonexistent does not exist/],
      [dir, /is a folder/],
      [path.join(dir, 'kim.sqlite'), /is kim’s database itself/],
    ] as const) {
      const r = kim(['export', 'officers', '--include-nik', '--out', out], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(said);
    }
    // Not even the audit entry of --include-nik, which comes before the first NIK is written.
    expect(count(dir, `SELECT count(*) FROM audit_log`)).toBe(entries);
  });

  it('export --out onto an existing file: asks, needs --yes without a terminal, as backup does', () => {
    const out = path.join(dir, 'pengurus.csv');
    fs.writeFileSync(out, 'kept');
    const refused = kim(['export', 'officers', '--out', out], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/pengurus\.csv already exists\. Add --yes to overwrite it/);
    expect(fs.readFileSync(out, 'utf8')).toBe('kept');
    const replaced = kim(['export', 'officers', '--out', out, '--yes'], { cwd: dir });
    expect(replaced.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^ID,Name,/);
    // A new file needs no --yes.
    expect(kim(['export', 'communities', '--out', path.join(dir, 'kim.csv')], { cwd: dir }).code).toBe(0);
  });

  it.each([
    [['report', 'findings'], 'notes.md'],
    [['report', 'recap', '--year', '2025', '--quarter', '4'], 'rekap.csv'],
    [['log'], 'log.csv'],
    [['list'], 'daftar.json'],
  ])('kim %j --out onto an existing file needs --yes too, and keeps the file without it', (args, name) => {
    const out = path.join(dir, name);
    fs.writeFileSync(out, 'kept');
    const refused = kim([...args, '--out', out], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')} already exists\\. Add --yes to overwrite it`));
    expect(fs.readFileSync(out, 'utf8')).toBe('kept');
    expect(kim([...args, '--out', out, '--yes'], { cwd: dir }).code).toBeLessThan(2);
    expect(fs.readFileSync(out, 'utf8')).not.toBe('kept');
  });

  it('import --rejects naming the roster being imported is refused before anything is written', () => {
    const roster = path.join(dir, 'r.csv');
    fs.writeFileSync(roster, 'Nama KIM;Kelurahan;Nama;Jabatan\nKIM Baru;Jati;Budi;Ketua\n;Jati;Tanpa KIM;Anggota\n');
    const before = count(dir, `SELECT count(*) FROM batches`);
    const r = kim(['import', 'r.csv', '--rejects', 'r.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--rejects r.csv is the roster being imported (${roster}): it would be overwritten.`);
    expect(fs.readFileSync(roster, 'utf8')).toMatch(/^Nama KIM;Kelurahan/);
    expect(count(dir, `SELECT count(*) FROM batches`)).toBe(before);
  });
});
