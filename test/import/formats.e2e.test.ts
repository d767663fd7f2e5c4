import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kim, kimJson, tempDir } from '../helpers/cli.js';
import { HEADER, officer, writeRaw, writeRoster, type WriteOptions } from '../helpers/roster.js';

function freshDir(): string {
  const dir = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  return dir;
}

function query<T = any>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const ROWS = [HEADER, officer(1, { 'Nama Pengurus': 'Siti Mu’awanah' }), officer(2, { 'Nama Pengurus': 'Dédi Ñoman' }), officer(3)];

describe('encodings and delimiters', () => {
  it.each<[string, WriteOptions, string, string]>([
    ['UTF-8 without BOM, comma', { encoding: 'utf8' }, 'utf8', ','],
    ['UTF-8 with BOM, semicolon', { encoding: 'utf8', bom: true, delimiter: ';' }, 'utf8', ';'],
    ['UTF-16LE with BOM, tab', { encoding: 'utf16le', bom: true, delimiter: '\t' }, 'utf16le', '\t'],
    ['UTF-16LE without BOM, comma', { encoding: 'utf16le', delimiter: ',' }, 'utf16le', ','],
    ['windows-1252, semicolon, CRLF', { encoding: 'windows-1252', delimiter: ';', eol: '\r\n' }, 'windows-1252', ';'],
    ['pipe, every cell quoted', { encoding: 'utf8', delimiter: '|', quoteAll: true }, 'utf8', '|'],
  ])('%s', (_name, options, encoding, delimiter) => {
    const dir = freshDir();
    const file = writeRoster(dir, 'r.csv', ROWS, options);
    const r = kimJson(['import', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json.files[0]).toMatchObject({ encoding, delimiter, rows: 3 });
    expect(r.json.officers.created).toBe(3);
    expect(query(dir, `SELECT name FROM officers ORDER BY id`).map((o) => o.name)).toEqual(['Siti Mu’awanah', 'Dédi Ñoman', 'Pengurus 3']);
  });

  it('states the chosen encoding and delimiter in the table output too', () => {
    const dir = freshDir();
    const file = writeRoster(dir, 'r.csv', ROWS, { encoding: 'windows-1252', delimiter: ';' });
    const r = kim(['import', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('encoding windows-1252, delimiter ;');
  });

  it('honours --encoding and --delimiter when given', () => {
    const dir = freshDir();
    const file = writeRoster(dir, 'r.csv', ROWS, { encoding: 'windows-1252', delimiter: ';' });
    const r = kimJson(['import', file, '--encoding', 'latin1', '--delimiter', ';'], { cwd: dir });
    expect(r.json.files[0]).toMatchObject({ encoding: 'latin1', delimiter: ';' });
  });
});

describe('header quirks', () => {
  it('takes duplicate and blank header cells, trailing empty columns, odd case and spaces', () => {
    const dir = freshDir();
    const text =
      '  NAMA   kim ;Kecamatan;DESA/KELURAHAN;;Nama Pengurus;NIK;nik;Hobi;;\r\n' +
      'KIM Maju;Kanigaran;Tisnonegaran;x;Budi;3574041212900001;9999;catatan;;\r\n' +
      'KIM Maju;Kanigaran;Tisnonegaran;;Ani;3574045212900002;;;;\r\n';
    const file = writeRaw(dir, 'h.csv', text);
    const r = kimJson(['import', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json.unknownColumns).toEqual(['Hobi']);
    expect(query(dir, `SELECT name, nik FROM officers ORDER BY id`)).toEqual([
      { name: 'Budi', nik: '3574041212900001' },
      { name: 'Ani', nik: '3574045212900002' },
    ]);
  });

  // Files pasted one under another, or a sheet with its heading on every printed page.
  it.each([
    ['as it was', 'Nama KIM'],
    ['in capitals', 'NAMA KIM'],
    ['with spaces and a tab around', ' \tnama kim  '],
    ['after a no-break space', '\u00a0Nama KIM'],
  ])('skips the header row repeated further down, %s', (_, first) => {
    const dir = freshDir();
    const again = [first, ...HEADER.slice(1)];
    const file = writeRoster(dir, 'again.csv', [HEADER, officer(1), again, officer(2), officer(3)]);
    const r = kimJson(['import', file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json.rejected).toEqual([]);
    expect(query(dir, `SELECT c.name AS kim, o.name FROM officers o JOIN communities c ON c.id = o.community_id ORDER BY o.id`)).toEqual(
      [1, 2, 3].map((n) => ({ kim: 'KIM Maju Bersama', name: `Pengurus ${n}` })),
    );
  });

  it('finds the header under a title row, and maps an odd heading with --map', () => {
    const dir = freshDir();
    const text = 'DAFTAR PENGURUS KIM KOTA PROBOLINGGO\n\nNama KIM,Kecamatan,Kelurahan,Nama,Kerjaan Utama\nKIM A,Mayangan,Jati,Budi,Guru PNS\n';
    const file = writeRaw(dir, 't.csv', text);
    const r = kimJson(['import', file, '--map', 'Kerjaan Utama=occupation'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json.unknownColumns).toEqual([]);
    expect(query(dir, `SELECT occupation FROM officers`)).toEqual([{ occupation: 'Guru PNS' }]);
  });

  it('keeps a NIK mangled by Excel exactly as written, and leading zeros', () => {
    const dir = freshDir();
    const file = writeRoster(dir, 'n.csv', [HEADER, officer(1, { NIK: '1.60601E+15' }), officer(2, { NIK: '0012345678901234' })]);
    expect(kimJson(['import', file], { cwd: dir }).code).toBe(0);
    expect(query(dir, `SELECT nik FROM officers ORDER BY id`)).toEqual([{ nik: '1.60601E+15' }, { nik: '0012345678901234' }]);
  });

  it('understands every date form of the contract', () => {
    const dir = freshDir();
    const forms = ['14/06/2023', '14-06-2023', '2023-06-14', '14 Juni 2023', '14 Jun 2023'];
    const rows = forms.map((d, i) => officer(1, { 'Nama KIM': `KIM ${i}`, 'Tgl SK': d }));
    const file = writeRoster(dir, 'd.csv', [HEADER, ...rows]);
    expect(kimJson(['import', file], { cwd: dir }).code).toBe(0);
    expect(query(dir, `SELECT sk_date, sk_date_iso FROM communities ORDER BY id`)).toEqual(forms.map((d) => ({ sk_date: d, sk_date_iso: '2023-06-14' })));
  });
});

describe('files that are not rosters', () => {
  it.each<[string, string | Buffer, RegExp]>([
    ['an empty file', '', /empty/],
    ['only blank lines', '\n\n  \n', /empty/],
    ['an .xlsx renamed to .csv', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /Excel workbook/],
    ['a binary file', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 9]), /not a CSV/],
    ['no recognisable header', 'a,b,c\n1,2,3\n4,5,6\n', /No roster header/],
    ['a header without the officer name', 'Nama KIM,Kecamatan\nKIM A,Mayangan\n', /no column for: officer_name/],
  ])('refuses %s with exit 2 and writes nothing', (_name, content, message) => {
    const dir = freshDir();
    const before = query(dir, `SELECT count(*) AS n FROM batches`)[0].n;
    const file = writeRaw(dir, 'x.csv', content);
    const r = kim(['import', file], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(query(dir, `SELECT count(*) AS n FROM batches`)[0].n).toBe(before);
    expect(query(dir, `SELECT count(*) AS n FROM officers`)[0].n).toBe(0);
  });

  it('refuses a missing file with exit 2', () => {
    const dir = freshDir();
    const r = kim(['import', 'nope.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });
});
