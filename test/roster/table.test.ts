import { describe, expect, it } from 'vitest';
import type { CsvEvent } from '../../src/core/roster/csv.js';
import type { RosterRecord } from '../../src/core/roster/fields.js';
import { isColumnNumberRow, isSignatureRow, isTitleRow, isTotalRow } from '../../src/core/roster/layout-rows.js';
import { TableReader } from '../../src/core/roster/table.js';

const none = { map: new Map(), remembered: new Map() };

/** Reads rows (one string per row, cells split on ";") through the table stage. */
function read(lines: string[]) {
  const rows: { row: number; record: RosterRecord }[] = [];
  const rejected: { row: number; code: string }[] = [];
  let header: number[] = [];
  const table = new TableReader('t.csv', none, {
    header: (h) => (header = h.rows),
    row: (row, record) => rows.push({ row, record }),
    reject: (r) => rejected.push({ row: r.row, code: r.code }),
  });
  lines.forEach((line, i) => table.push({ kind: 'record', row: i + 1, cells: line.split(';') } as CsvEvent));
  table.end();
  return { header, rows, rejected, skipped: table.skipped, carried: table.carried, rolesCarried: table.rolesCarried, excelErrors: table.excelErrors };
}

const HEAD = 'No;Nama KIM;Desa;No. SK;Nama;Jabatan;NIK';

describe('rows that are not officers', () => {
  it.each([
    ['1;2;3;4;5;6;7', true],
    ['(1);(2);(3);(4)', true],
    [';1;2;3;;5', true],
    ['1;2', false],
    ['1;3;2;4', false],
    ['1;KIM Maju;Jati;;Budi;Ketua;3574041212900001', false],
  ])('column numbers %j: %s', (line, expected) => expect(isColumnNumberRow(line.split(';'))).toBe(expected));

  it.each([
    ['JUMLAH;;;;;;25', true],
    [';Jumlah;;;;;;6 orang', true],
    ['TOTAL;;12 KIM;;84', true],
    ['Jumlah Pengurus;;;;;;7', true],
    ['Sub Total;;;;3', true],
    ['Jumlah;;;;Budi;Ketua', false],
    ['1;KIM Jumlah Maju;Jati', false],
    ['Totalitas;;;;3', false],
    // Typed wide, a letter and a space at a time
    ['J U M L A H;;;;;;;;;14 orang', true],
    ['T O T A L;;12', true],
    ['S i t i;Ketua;;;;3', false],
  ])('total %j: %s', (line, expected) => expect(isTotalRow(line.split(';'))).toBe(expected));

  it.each([
    [';;;;Mengetahui,', true],
    [';;;;Mengetahui,;;;Sekayu, 12 Januari 2025', true],
    [';;;;Kepala Desa Keban II', true],
    [';;;;Camat Sanga Desa', true],
    [';;;;NIP. 19720315 199803 1 006', true],
    [';;;;Probolinggo, 31 Desember 2025', true],
    [';;;;a.n. Kepala Desa', true],
    [';;;;Catatan: data per Desember', true],
    [';;;;Budi Santoso;Ketua', false],
    [';;;;An Nisa;Anggota', false],
    [';;;;Pembina;Anggota', false],
    [';;;;Ketua KIM Maju;Ketua;3574041212900001', false],
  ])('signature %j: %s', (line, expected) => expect(isSignatureRow(line.split(';'))).toBe(expected));

  it.each([
    ['Lanjutan;;;;;;', true, 'in a column that feeds no field'],
    [';KECAMATAN KEDOPOK;;;;;', true, 'a title word'],
    [';DATA SUSULAN PENGURUS KIM;;;;;', true, 'a title word'],
    [';KIM Maju;;;;;', false, "a KIM's own row"],
    [';;;;Budi;;', false, 'an officer'],
    ['7;;;;;;', false, 'a number'],
  ])('title %j: %s (%s)', (line, expected) => expect(isTitleRow(line.split(';'), (i) => i > 0)).toBe(expected));
});

describe('the table of a village form', () => {
  it('finds the header under titles, skips column numbers, JUMLAH and the signature block', () => {
    const r = read([
      'DAFTAR PENGURUS KIM;;;;;;',
      'KECAMATAN KANIGARAN;;;;;;',
      ';;;;;;',
      HEAD,
      '1;2;3;4;5;6;7',
      '1;KIM Maju;Tisnonegaran;400/1/2025;Budi;Ketua;3574041212900001',
      'JUMLAH;;;;1;;',
      ';;;;Mengetahui,;;',
      ';;;;Lurah Tisnonegaran;;',
      ';;;;;;',
      ';;;;SUPARMAN;;',
      ';;;;NIP. 19720315 199803 1 006;;',
    ]);
    expect(r.header).toEqual([4]);
    expect(r.rows.map((x) => x.record.officer_name)).toEqual(['Budi']);
    expect(r.rejected).toEqual([]);
    expect(r.skipped).toEqual({ title: 2, columnNumbers: 1, totals: 1, signature: 4, repeatedHeaders: 0 });
  });

  it('skips a label among one KIM\'s rows ("Seksi-seksi :"), and the KIM goes on under it', () => {
    const r = read([
      HEAD,
      '1;KIM Maju;Tisnonegaran;400/1/2025;Budi;Ketua;3574041212900001',
      ';;;;;Seksi-seksi :;',
      ';;;;Sari;Sie Humas;3574045212900002',
    ]);
    expect(r.rows.map((x) => [x.record.officer_name, x.record.kim_name])).toEqual([['Budi', 'KIM Maju'], ['Sari', 'KIM Maju']]);
    expect(r.rejected).toEqual([]);
    expect(r.skipped.title).toBe(1);
  });

  it('reads a cell holding an Excel error (#N/A, #REF!) as blank, and counts it', () => {
    const r = read([HEAD, '1;KIM Maju;Tisnonegaran;#REF!;Budi;Ketua;#N/A', ';;;;Sari;#n/a;3574045212900002']);
    expect(r.rows.map((x) => [x.record.officer_name, x.record.sk_number ?? null, x.record.nik ?? null, x.record.role ?? null])).toEqual([
      ['Budi', null, null, 'Ketua'],
      ['Sari', null, '3574045212900002', null],
    ]);
    expect(r.excelErrors).toBe(3);
  });

  it('carries a member\'s role merged over several rows down to them, never a core role, never into the next KIM', () => {
    const r = read([
      HEAD,
      '1;KIM Maju;Tisnonegaran;400/1/2025;Budi;Ketua;3574041212900001',
      ';;;;Sari;;3574045212900002',
      ';;;;Joko;Anggota;3574041212900003',
      ';;;;Rina;;3574045212900004',
      ';;;;Tono;;3574041212900005',
      '2;KIM Jaya;Jati;400/2/2025;Ani;;3574045212900006',
    ]);
    expect(r.rows.map((x) => [x.record.officer_name, x.record.role ?? null])).toEqual([
      ['Budi', 'Ketua'], ['Sari', null], ['Joko', 'Anggota'], ['Rina', 'Anggota'], ['Tono', 'Anggota'], ['Ani', null],
    ]);
    expect(r.rolesCarried).toBe(2);
  });

  it("carries a KIM's merged cells down to its officer rows, until a blank row", () => {
    const r = read([
      HEAD,
      '1;KIM Maju;Tisnonegaran;400/1/2025;Budi;Ketua;3574041212900001',
      ';;;;Ani;Sekretaris;3574045212900002',
      ';;;;Cici;Bendahara;3574045212900003',
      ';;;;;;',
      ';;;;Dodi;Anggota;3574041212900004',
    ]);
    expect(r.rows.map((x) => [x.record.kim_name, x.record.village, x.record.sk_number, x.record.officer_name])).toEqual([
      ['KIM Maju', 'Tisnonegaran', '400/1/2025', 'Budi'],
      ['KIM Maju', 'Tisnonegaran', '400/1/2025', 'Ani'],
      ['KIM Maju', 'Tisnonegaran', '400/1/2025', 'Cici'],
    ]);
    expect(r.carried).toBe(2);
    expect(r.rejected).toEqual([{ row: 6, code: 'noCommunityName' }]);
  });

  it("takes a KIM's own row, with no officer on it, as the merged cells of the rows under it", () => {
    const r = read([HEAD, '1;KIM Maju;Tisnonegaran;400/1/2025;;;', ';;;;Budi;Ketua;3574041212900001', '2;KIM Sepi;Jati;;;;']);
    expect(r.rows.map((x) => [x.record.kim_name, x.record.officer_name])).toEqual([['KIM Maju', 'Budi']]);
    // A KIM's row that no officer row takes up is a row without an officer.
    expect(r.rejected).toEqual([{ row: 4, code: 'noOfficerName' }]);
  });

  it('does not carry a KIM down to a row that names another village: its name was left out', () => {
    const r = read([HEAD, '1;KIM Maju;Tisnonegaran;400/1/2025;Budi;Ketua;3574041212900001', ';;Jati;;Ani;Ketua;3574045212900002', ';;TISNONEGARAN;;Cici;Bendahara;3574045212900003']);
    expect(r.rows.map((x) => x.record.officer_name)).toEqual(['Budi', 'Cici']);
    expect(r.rejected).toEqual([{ row: 3, code: 'noCommunityName' }]);
  });

  it('reads a two-row header and skips it, and the title before it, when repeated on the next page', () => {
    const r = read([
      'No;Nama KIM;SK Pembentukan;;Pengurus;;',
      ';;Nomor;Tanggal;Nama;Jabatan;NIK',
      '1;KIM Maju;400/1/2025;12-Nov-24;Budi;Ketua;3574041212900001',
      ';;;;;;',
      'Lanjutan;;;;;;',
      'No;Nama KIM;SK Pembentukan;;Pengurus;;',
      ';;Nomor;Tanggal;Nama;Jabatan;NIK',
      '2;KIM Maju;400/1/2025;12-Nov-24;Ani;Sekretaris;3574045212900002',
    ]);
    expect(r.header).toEqual([1, 2]);
    expect(r.rows.map((x) => [x.row, x.record.sk_number, x.record.sk_date, x.record.officer_name])).toEqual([
      [3, '400/1/2025', '12-Nov-24', 'Budi'],
      [8, '400/1/2025', '12-Nov-24', 'Ani'],
    ]);
    expect(r.skipped).toMatchObject({ title: 1, repeatedHeaders: 2 });
  });

  it('prefers the header that names most fields over a title row that names two', () => {
    const r = read(['Kecamatan :;Kanigaran;;;;;', 'Desa :;Tisnonegaran;;;;;', HEAD, '1;KIM Maju;Tisnonegaran;400/1/2025;Budi;Ketua;3574041212900001']);
    expect(r.header).toEqual([3]);
    expect(r.rows).toHaveLength(1);
  });

  it('reads a second table pasted under a signature block', () => {
    const r = read([HEAD, '1;KIM Maju;Tisnonegaran;;Budi;Ketua;3574041212900001', ';;;;Mengetahui,;;', ';;;;SUPARMAN;;', '1;KIM Jaya;Jati;;Ani;Ketua;3574045212900002']);
    expect(r.rows.map((x) => x.record.kim_name)).toEqual(['KIM Maju', 'KIM Jaya']);
    expect(r.skipped.signature).toBe(2);
  });
});
