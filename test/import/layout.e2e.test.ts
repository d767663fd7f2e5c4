import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kim, kimJson, tempDir } from '../helpers/cli.js';
import { queryDb as query } from '../helpers/query.js';

function freshDir(): string {
  const dir = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  return dir;
}

const write = (dir: string, name: string, lines: string[]) => {
  fs.writeFileSync(path.join(dir, name), lines.join('\r\n') + '\r\n');
  return name;
};

const HEAD = 'Nama KIM;Kecamatan;Kelurahan;No. SK;Tgl SK;Diketahui Lurah;Nama;Jabatan;NIK;L/P';
const row = (sk: string, name: string, role: string, nik: string, sex = 'L') => `KIM Maju;Kanigaran;Tisnonegaran;${sk};2 Agustus 2025;Ya;${name};${role};${nik};${sex}`;

describe('a file kim cannot take', () => {
  it('with one row per KIM and a group of columns per role is refused, saying how to lay it out', () => {
    const dir = freshDir();
    const file = write(dir, 'r.csv', [
      'Nama KIM;Kelurahan;Jumlah Anggota;Nama Ketua;NIK Ketua;Nama Sekretaris;NIK Sekretaris;Nama Bendahara;NIK Bendahara',
      'KIM Maju;Tisnonegaran;12 orang;Budi;3574041212900001;Sari;3574045212900002;Joko;3574041212900003',
    ]);
    const r = kim(['import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('r.csv has one row per KIM with columns for each role ("Nama Ketua", "NIK Ketua", "Nama Sekretaris", "NIK Sekretaris", "Nama Bendahara", "NIK Bendahara"); kim reads one officer per row.');
    expect(query(dir, 'SELECT count(*) AS n FROM officers')).toEqual([{ n: 0 }]);
  });

  it('is refused naming the heading that came closest to the missing column', () => {
    const dir = freshDir();
    const file = write(dir, 'r.csv', ['Nama KIM;Kelurahan;Nama Ketua;NIK', 'KIM Maju;Tisnonegaran;Budi;3574041212900001']);
    const r = kim(['import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no column for: officer_name\. The closest heading is "Nama Ketua"/);
    expect(query(dir, 'SELECT count(*) AS n FROM batches')).toEqual([{ n: 0 }]);
  });
});

describe('one KIM, one set of values per file', () => {
  it('reports two SK numbers for one KIM by row, keeps the first, and a second import changes nothing', () => {
    const dir = freshDir();
    const file = write(dir, 'r.csv', [
      HEAD,
      row('400/89/425.106/2025', 'Budi', 'Ketua', '3574041212900001'),
      // The same KIM typed again: the date, desa and acknowledgement spelled otherwise, the same in meaning.
      'KIM MAJU;Kanigaran;TISNONEGARAN;400/89/425.106/2025;02/08/2025;Sudah;Ani;Sekretaris;3574045212900002;P',
      row('400/98/425.106/2025', 'Cici', 'Bendahara', '3574045212900003', 'P'),
    ]);
    const first = kim(['import', file], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Values that disagree within one file \(the first one stands\)/);
    expect(first.stdout).toMatch(/│ +4 │ KIM Maju +│ +│ SK number │ 400\/89\/425\.106\/2025 │ 400\/98\/425\.106\/2025 │/);
    expect(first.stderr).toMatch(/1 value in the file differs from another row about the same KIM or officer/);
    expect(query(dir, 'SELECT sk_number, sk_date, acknowledged FROM communities')).toEqual([{ sk_number: '400/89/425.106/2025', sk_date: '2 Agustus 2025', acknowledged: 'Ya' }]);
    // Imported again, the file still disagrees with itself, and nothing changes.
    const again = kimJson(['import', file], { cwd: dir });
    expect(again.json.conflicts).toEqual([
      { community: { id: 1, name: 'KIM Maju' }, officer: null, field: 'sk_number', stored: '400/89/425.106/2025', file: '400/98/425.106/2025', row: 4, firstRow: 2, source: 'file' },
    ]);
    expect(again.json.communities).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.json.officers).toEqual({ created: 0, updated: 0, unchanged: 3, ended: 0 });
    expect(query(dir, 'SELECT count(*) AS n FROM changes')).toEqual([{ n: 0 }]);
  });

  it('sees a NIK only re-spaced, or with Excel\'s apostrophe, as the same, and leaves it as stored', () => {
    const dir = freshDir();
    kimJson(['import', write(dir, 'a.csv', [HEAD, row('1/SK/2025', 'Budi', 'Ketua', '3574041212900001'), row('1/SK/2025', 'Ani', 'Sekretaris', '3574045212900002', 'P')])], { cwd: dir });
    const b = write(dir, 'b.csv', [HEAD, row('1/SK/2025', 'BUDI', 'KETUA', '3574 0412 1290 0001'), row('1/SK/2025', 'Ani', 'Sekretaris', "'3574045212900002", 'Perempuan')]);
    const r = kimJson(['import', b], { cwd: dir });
    expect(r.json.officers).toEqual({ created: 0, updated: 0, unchanged: 2, ended: 0 });
    expect(query(dir, 'SELECT name, role, nik, gender FROM officers ORDER BY id')).toEqual([
      { name: 'Budi', role: 'Ketua', nik: '3574041212900001', gender: 'L' },
      { name: 'Ani', role: 'Sekretaris', nik: '3574045212900002', gender: 'P' },
    ]);
  });
});

describe('what the rules cannot see', () => {
  it('is said in one line at import, and the finding names the cause', () => {
    const dir = freshDir();
    const file = write(dir, 'r.csv', ['Nama KIM;Kecamatan;Kelurahan;No. SK;Tgl SK;Diketahui Lurah;Nama;NIK;Pekerjaan;Partai;LSM', 'KIM Maju;Kanigaran;Tisnonegaran;1/SK/2025;2 Agustus 2025;Ya;Budi;3574041212900001;Petani;-;-']);
    const r = kim(['import', file], { cwd: dir });
    expect(r.stderr).toMatch(/r\.csv has no column for: role, SK issuer\. The rules ADM-ROLES, LEG-SK-ISSUER cannot check what this file does not say\./);
    const v = kimJson(['validate'], { cwd: dir });
    expect(v.json.findings.find((f: { rule: string }) => f.rule === 'ADM-ROLES').message).toMatch(/has no column for the role/);
    // The officer's sex comes from the NIK: the file has no L/P column.
    expect(query(dir, 'SELECT sex FROM officers')).toEqual([{ sex: 'M' }]);
  });
});

describe('a heading read as one field whose values say another', () => {
  it('is named in one line, with the --map that reads it the other way; nothing else changes', () => {
    const dir = freshDir();
    const file = write(dir, 'r.csv', [
      'Nama KIM;Kecamatan;Kelurahan;Nama;Jabatan;NIK;Jns Kelamin Desa',
      'KIM Maju;Kanigaran;Tisnonegaran;Budi;Ketua;3574041212900001;L',
      'KIM Maju;Kanigaran;Tisnonegaran;Sari;Sekretaris;3574045212900002;P',
      'KIM Maju;Kanigaran;Tisnonegaran;Joko;Bendahara;3574041212900003;L',
    ]);
    // A remembered or mapped heading is trusted over words: the values are the only witness left.
    const r = kimJson(['import', file, '--map', 'Jns Kelamin Desa=district', '--dry-run'], { cwd: dir });
    expect(r.json.files[0].suspectColumns).toEqual([{ heading: 'Jns Kelamin Desa', field: 'district', looksLike: 'gender' }]);
    const table = kim(['import', file, '--map', 'Jns Kelamin Desa=district'], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stderr).toContain('r.csv: the column "Jns Kelamin Desa" was read as district, but its values look like sex. Check that heading; if it is wrong, undo this import (kim undo) and import again with --map "Jns Kelamin Desa=gender".');
    const clean = kimJson(['import', file, '--dry-run'], { cwd: dir });
    expect(clean.json.files[0].suspectColumns).toEqual([]);
  });
});
