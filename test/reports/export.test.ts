import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskNik } from '../../src/core/ids/mask.js';
import { maskNikSql } from '../../src/core/reports/export-sql.js';
import { openDatabase } from '../../src/db/connection.js';
import { addCommunity, addOfficer, seedDb } from '../helpers/db.js';
import { kim, kimJson } from '../helpers/cli.js';

const NIK = '3574041112730101';
const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '+62 812 3456', '-x', '@SUM(A1:A9)', '\tTab', '\rReturn'];

function seedHostile(): { dir: string; file: string } {
  const { db, dir, file } = seedDb('35.74');
  const id = addCommunity(db, { name: HOSTILE[0]!, district_code: '35.74.04', village_code: '35.74.04.1001', sk_number: '400/1/2025', sk_date: '2 Agustus 2025', sk_date_iso: '2025-08-02' });
  addOfficer(db, id, { name: 'Imam Kusuma', role: 'Ketua', nik: NIK, sex: 'M', birth_date: '11-12-1973', occupation: 'Nelayan' });
  HOSTILE.slice(1).forEach((name, i) => addOfficer(db, id, { name, role: 'Anggota', nik: `35740411127301${10 + i}`, occupation: '-5', phone: '-2,5' }));
  addOfficer(db, id, { name: 'Siti "Ani", Aminah', role: 'Anggota', nik: ' 1234 ', occupation: 'Petani\nTambak' });
  db.close();
  return { dir, file };
}

describe('kim export', () => {
  let dir: string;
  let file: string;
  beforeAll(() => ({ dir, file } = seedHostile()));

  it('neutralises formula-looking cells in CSV, keeps real negative numbers, masks NIKs by default', () => {
    const r = kim(['export', 'officers', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((o) => o.Name)).toEqual(['Imam Kusuma', "'+62 812 3456", "'-x", "'@SUM(A1:A9)", "'\tTab", "'\rReturn", 'Siti "Ani", Aminah']);
    expect(rows[0]!.KIM).toBe(`'${HOSTILE[0]}`);
    expect(rows[0]!.NIK).toBe('3574************');
    expect(rows[1]!.Occupation).toBe('-5');
    expect(rows[1]!.Phone).toBe('-2,5');
    expect(rows[6]!.NIK).toBe(maskNik(' 1234 '));
    expect(rows[6]!.Occupation).toBe('Petani\nTambak');
    expect(r.stdout).not.toContain(NIK);
  });

  it('carries at least the contract fields, and every stored one, in JSON', () => {
    const officers = kimJson(['export', 'officers'], { cwd: dir }).json as Record<string, unknown>[];
    expect(Object.keys(officers[0]!).slice(0, 10)).toEqual(['id', 'name', 'role', 'nik', 'sex', 'birthDate', 'occupation', 'community', 'district', 'village']);
    expect(officers[0]).toMatchObject({ name: 'Imam Kusuma', nik: '3574************', sex: 'M', birthDate: '11-12-1973', district: 'Kanigaran', village: 'Tisnonegaran', community: HOSTILE[0] });
    expect(Object.keys(officers[0]!)).toEqual(expect.arrayContaining(['phone', 'nip', 'party', 'ngo', 'address', 'birthPlace', 'endedAt', 'createdBatch']));
    // JSON is not a spreadsheet: values are as stored.
    expect(officers[1]!.name).toBe('+62 812 3456');
    const communities = kimJson(['export', 'communities'], { cwd: dir }).json as Record<string, unknown>[];
    expect(Object.keys(communities[0]!).slice(0, 9)).toEqual(['id', 'name', 'district', 'village', 'villageCode', 'number', 'skNumber', 'skDate', 'compliant']);
    expect(communities[0]).toMatchObject({ villageCode: '35.74.04.1001', skNumber: '400/1/2025', skDate: '2 Agustus 2025', compliant: false, number: null });
  });

  it('writes NIKs whole with --include-nik and records it in the audit log first', () => {
    const out = path.join(dir, 'pengurus.csv');
    const r = kim(['export', 'officers', '--include-nik', '--out', out, '--operator', 'siti'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/NIKs are written whole/);
    const rows = parse(fs.readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows[0]!.NIK).toBe(NIK);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const db = new Database(file, { readonly: true });
    const entry = db.prepare(`SELECT operator, entity, details FROM audit_log WHERE action = 'export.nik'`).get() as { operator: string; entity: string; details: string };
    db.close();
    expect(entry).toMatchObject({ operator: 'siti', entity: 'export' });
    expect(JSON.parse(entry.details)).toMatchObject({ what: 'officers', format: 'csv', out });
  });

  it('writes --excel CSV with a UTF-8 BOM, ";" and CRLF', () => {
    const out = path.join(dir, 'excel.csv');
    expect(kim(['export', 'officers', '--excel', '--out', out], { cwd: dir }).code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]!.split(';').slice(0, 4)).toEqual(['ID', 'Name', 'Role', 'NIK']);
    const rows = parse(text, { delimiter: ';', columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows.map((o) => o.Name)).toEqual(['Imam Kusuma', "'+62 812 3456", "'-x", "'@SUM(A1:A9)", "'\tTab", "'\rReturn", 'Siti "Ani", Aminah']);
    expect(rows[1]!.Phone).toBe('-2,5');
  });

  it('neutralises the same cells in xlsx, keeps numbers as numbers and NIKs masked', async () => {
    const out = path.join(dir, 'pengurus.xlsx');
    expect(kim(['export', 'officers', '--format', 'xlsx', '--out', out], { cwd: dir }).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    // Row 1 is the title, row 2 the heading.
    const header = (sheet.getRow(2).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(1).font?.bold).toBe(true);
    // XML keeps no bare carriage return: it reads back as a line feed.
    const names = [3, 4, 5, 6, 7, 8, 9].map((r) => String(sheet.getRow(r).getCell(col('Name')).value).replace(/\r\n?/g, '\n'));
    expect(names).toEqual(['Imam Kusuma', "'+62 812 3456", "'-x", "'@SUM(A1:A9)", "'\tTab", "'\nReturn", 'Siti "Ani", Aminah']);
    expect(sheet.getRow(3).getCell(col('KIM')).value).toBe(`'${HOSTILE[0]}`);
    expect(sheet.getRow(3).getCell(col('NIK')).value).toBe('3574************');
    expect(sheet.getRow(4).getCell(col('Occupation')).value).toBe('-5');
    expect(sheet.getRow(3).getCell(col('ID')).value).toBe(1);
    for (let r = 3; r <= 9; r++) expect(typeof sheet.getRow(r).getCell(col('Name')).value).toBe('string');
  });

  it('refuses --excel with another format, and xlsx without --out', () => {
    expect(kim(['export', 'officers', '--excel', '--format', 'json'], { cwd: dir }).code).toBe(2);
    expect(kim(['export', 'officers', '--format', 'xlsx'], { cwd: dir }).code).toBe(2);
  });
});

describe('large exports', () => {
  it('stream in chunks without losing order or count, the odd record among thousands quoted correctly', () => {
    const { db, dir } = seedDb('35.74');
    const id = addCommunity(db, { name: 'KIM Besar', district_code: '35.74.01', village_code: '35.74.01.1001' });
    db.transaction(() => {
      // 2100: quoted and neutralised; 3300: holds the separator SQLite joins values with, so its
      // chunk is read again value by value.
      const name = (i: number) => (i === 2100 ? `=Nama ${i}, "aneh"` : i === 3300 ? `Nama\u001f${i}` : `Nama ${i}`);
      for (let i = 1; i <= 4500; i++) addOfficer(db, id, { name: name(i), nik: String(3574010101900000 + i) });
    })();
    db.close();
    const csv = parse(kim(['export', 'officers'], { cwd: dir }).stdout, { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(4500);
    expect(csv.map((r) => Number(r.ID))).toEqual(Array.from({ length: 4500 }, (_, i) => i + 1));
    expect(csv[2099]!.Name).toBe(`'=Nama 2100, "aneh"`);
    expect(csv[3299]!.Name).toBe('Nama\u001f3300');
    expect(csv[3300]!.Name).toBe('Nama 3301');
    expect(csv[4499]!.Name).toBe('Nama 4500');
    const json = kimJson(['export', 'officers'], { cwd: dir }).json as { id: number; nik: string }[];
    expect(json).toHaveLength(4500);
    expect(json[4499]).toMatchObject({ id: 4500, nik: maskNik(String(3574010101904500)) });
  });
});

describe('NIK masking in SQL', () => {
  it.each([
    ['3574041112730101'], ['  3574041112730101 '], ['3.57403E+15'], ['357404111273010'], ['12345678901234567890'],
    ['1234'], ['12'], ['1'], [''], ['   '], ['\t3574041112730101\n'], [null],
  ])('masks %j exactly as maskNik does', (nik) => {
    const db = new Database(':memory:');
    const masked = db.prepare(`WITH v(nik) AS (SELECT ?) SELECT ${maskNikSql('nik')} FROM v`).pluck().get(nik);
    db.close();
    expect(masked).toBe(maskNik(nik));
  });
});

describe('an export of nothing', () => {
  it('is a header alone in CSV and an empty array in JSON', () => {
    const { db, dir, file } = seedDb('35.74');
    db.close();
    expect(kim(['export', 'communities'], { cwd: dir }).stdout.trim().split('\n')).toHaveLength(1);
    expect(kimJson(['export', 'communities'], { cwd: dir }).json).toEqual([]);
    openDatabase(file).close();
  });
});
