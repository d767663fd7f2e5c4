import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { addCommunity, addOfficer, seedDb } from '../helpers/db.js';
import { kim, kimJson } from '../helpers/cli.js';
import { EXPECTED_Q3_2025, KIMS_Q2_2025, seedRecapFixture } from './recap-fixture.js';

const RECAP = ['report', 'recap', '--year', '2025', '--quarter', '3'];
const KEYS = ['district', 'villages', 'villagesWithKim', 'coveragePct', 'kims', 'withSk', 'numbered', 'compliant', 'newInQuarter', 'endedInQuarter', 'officers', 'officersMale', 'officersFemale'];

describe('kim report recap on a register computed by hand', () => {
  let dir: string;
  beforeAll(() => {
    const seeded = seedRecapFixture();
    seeded.db.close();
    dir = seeded.dir;
  });

  it('gives every cell of the JSON recap, keys in the contract order, and warns about the KIM it cannot place', () => {
    const r = kimJson(RECAP, { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.json).toEqual(EXPECTED_Q3_2025);
    for (const row of r.json.rows) expect(Object.keys(row)).toEqual(KEYS);
    expect(Object.keys(r.json.total)).toEqual(KEYS.slice(1));
    expect(r.stderr).toMatch(/1 KIM is left out of the recap because its district is not recognised/);
  });

  it('writes the same cells as CSV, headings in the chosen language', () => {
    const r = kim([...RECAP, '--format', 'csv', '--lang', 'id'], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Kecamatan,Desa/Kel.,Desa/Kel. ber-KIM,Cakupan %,KIM,Ber-SK,Bernomor induk,Memenuhi syarat,Baru,Bubar,Pengurus,Laki-laki,Perempuan');
    const expected = [...EXPECTED_Q3_2025.rows, { district: 'Jumlah', ...EXPECTED_Q3_2025.total }].map((row) =>
      KEYS.map((k) => String(row[k as keyof typeof row])).join(','),
    );
    expect(lines.slice(1)).toEqual(expected);
  });

  it('shows in the table a title naming the regency and quarter, and each change against the previous quarter', () => {
    const r = kim([...RECAP, '--no-color'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KIM recap, Kota Probolinggo, Q3 2025 (as of 30 September 2025)');
    const line = (district: string) => r.stdout.split('\n').find((l) => l.includes(`│ ${district} `))!;
    const cells = (district: string) => line(district).split('│').slice(1, -1).map((c) => c.trim());
    const kimsAt = KEYS.indexOf('kims');
    const change = (now: number, before: number) => (now === before ? String(now) : `${now} (${now > before ? '+' : ''}${now - before})`);
    for (const row of EXPECTED_Q3_2025.rows) {
      expect(cells(row.district)[kimsAt]).toBe(change(row.kims, KIMS_Q2_2025[row.district as keyof typeof KIMS_Q2_2025]));
    }
    expect(cells('Total')[kimsAt]).toBe(change(7, KIMS_Q2_2025.total));
    // Villages never change within a quarter's comparison, and a figure that did not move stays bare.
    expect(cells('Kedopok')).toEqual(['Kedopok', '6', '0', '0.0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(r.stdout).toContain('Figures in brackets: change since Q2 2025.');
  });

  it('writes an xlsx whose cells, title, bold header and total and A4 landscape page are read back by exceljs', async () => {
    const out = path.join(dir, 'rekap.xlsx');
    const r = kim([...RECAP, '--format', 'xlsx', '--out', out, '--lang', 'id'], { cwd: dir });
    expect(r.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('Rekap KIM Kota Probolinggo Triwulan III Tahun 2025 (keadaan 30 September 2025)');
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Kecamatan', 'Desa/Kel.', 'Desa/Kel. ber-KIM', 'Cakupan %', 'KIM', 'Ber-SK', 'Bernomor induk', 'Memenuhi syarat', 'Baru', 'Bubar', 'Pengurus', 'Laki-laki', 'Perempuan',
    ]);
    const expected = [...EXPECTED_Q3_2025.rows, { district: 'Jumlah', ...EXPECTED_Q3_2025.total }];
    expected.forEach((row, i) => {
      expect((sheet.getRow(3 + i).values as unknown[]).slice(1)).toEqual(KEYS.map((k) => row[k as keyof typeof row]));
    });
    const total = sheet.getRow(2 + expected.length);
    total.eachCell((cell) => expect(cell.font?.bold).toBe(true));
    expect(total.getCell(1).border?.bottom?.style).toBe('double');
    expect(sheet.rowCount).toBe(2 + expected.length);
    expect(sheet.getCell('D3').numFmt).toBe('0.0');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });

  it('writes Markdown with the title and the total row emphasised', () => {
    const r = kim([...RECAP, '--format', 'md'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe('## KIM recap, Kota Probolinggo, Q3 2025 (as of 30 September 2025)');
    expect(r.stdout).toContain('| **Total** | **29** | **6** | **20.7** | **7** | **5** | **3** | **4** | **2** | **1** | **19** | **8** | **10** |');
  });

  it('counts a KIM ended inside a quarter as ended there and no longer counted, and a new one where its SK falls', () => {
    const q4 = kimJson(['report', 'recap', '--year', '2025', '--quarter', '4'], { cwd: dir }).json;
    const kanigaran = q4.rows.find((r: { district: string }) => r.district === 'Kanigaran');
    const mayangan = q4.rows.find((r: { district: string }) => r.district === 'Mayangan');
    // F ended on 2025-10-01; E's SK is dated 2025-10-05.
    expect([kanigaran.kims, kanigaran.endedInQuarter, kanigaran.newInQuarter]).toEqual([1, 1, 0]);
    expect([mayangan.kims, mayangan.newInQuarter]).toEqual([2, 1]);
  });

  it('refuses a year or quarter it cannot read, with exit 2', () => {
    expect(kim(['report', 'recap', '--year', '25', '--quarter', '3'], { cwd: dir })).toMatchObject({ code: 2 });
    const r = kim(['report', 'recap', '--year', '2025', '--quarter', '5'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Quarter "5" is not recognised/);
  });
});

describe('compliance in the recap is judged on the current data', () => {
  it('validates again a KIM whose stored result is older than its data before counting it', () => {
    const { db, dir, file } = seedDb('35.74');
    // Stored as compliant long ago, but it has no SK number: the rules say otherwise now.
    const id = addCommunity(db, { name: 'KIM Lama', district_code: '35.74.05', village_code: '35.74.05.1001', sk_date_iso: '2025-02-01', sk_date: '01/02/2025', acknowledged: 'ya' });
    for (const [name, role] of [['Ani', 'Ketua'], ['Budi', 'Sekretaris'], ['Citra', 'Bendahara']]) addOfficer(db, id, { name: name!, role });
    db.prepare(`UPDATE communities SET compliant = 1, validated_at = '2024-01-01T00:00:00.000Z' WHERE id = ?`).run(id);
    db.close();
    const r = kimJson(['report', 'recap', '--year', '2025', '--quarter', '1'], { cwd: dir });
    expect(r.json.total.kims).toBe(1);
    expect(r.json.total.compliant).toBe(0);
    expect(r.stderr).toMatch(/Checked 1 KIM first: its stored validation was missing or older than its data/);
    const check = openDatabase(file);
    expect(check.prepare(`SELECT compliant FROM communities WHERE id = ?`).pluck().get(id)).toBe(0);
    expect(check.prepare(`SELECT count(*) FROM findings WHERE community_id = ? AND rule = 'LEG-SK-MISSING'`).pluck().get(id)).toBe(1);
    check.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('a KIM whose village lies in another kecamatan than the one written', () => {
  it('is counted with its village, in one place: no row shows more villages with a KIM than KIMs', () => {
    const { db, dir } = seedDb();
    // Jati (35.74.03.1004) is a kelurahan of Mayangan; the roster wrote it under Kanigaran.
    const id = addCommunity(db, { name: 'KIM Salah Kecamatan', district_code: '35.74.04', district_text: 'Kanigaran', village_code: '35.74.03.1004', village_text: 'Jati', sk_number: '1/SK/2025', sk_date_iso: '2025-03-01' });
    addOfficer(db, id, { name: 'Budi', role: 'Ketua', sex: 'M' });
    db.close();
    const r = kimJson(['report', 'recap', '--year', '2025', '--quarter', '3'], { cwd: dir });
    const row = (district: string) => r.json.rows.find((x: { district: string }) => x.district === district);
    expect(row('Mayangan')).toMatchObject({ villagesWithKim: 1, kims: 1, officers: 1 });
    expect(row('Kanigaran')).toMatchObject({ villagesWithKim: 0, kims: 0 });
    for (const x of r.json.rows) expect(x.villagesWithKim).toBeLessThanOrEqual(x.kims);
  });
});
