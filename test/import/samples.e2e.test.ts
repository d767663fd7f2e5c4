import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kim, kimJson, tempDir } from '../helpers/cli.js';
import { queryDb } from '../helpers/query.js';

describe('the sample rosters of Kota Probolinggo', () => {
  let dir: string;
  let first: any;
  let second: any;
  beforeAll(() => {
    dir = tempDir();
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    first = kimJson(['import', fixture(dir, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: dir });
    second = kimJson(['import', fixture(dir, 'rosters/probolinggo_susulan_utf8bom.csv')], { cwd: dir });
  });

  it('reads the Excel file as windows-1252 with ";" and imports every officer', () => {
    expect(first.code).toBe(0);
    expect(first.json.files).toMatchObject([{ encoding: 'windows-1252', delimiter: ';', rows: 36 }]);
    expect(first.json.communities).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(first.json.officers).toEqual({ created: 36, updated: 0, unchanged: 0, ended: 0 });
    expect(first.json.rejected).toEqual([]);
    expect(first.json.unknownColumns).toEqual([]);
  });

  it('keeps names outside ASCII, NIKs as written, and the combined place/date of birth split', () => {
    const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    const siti = db.prepare(`SELECT name, nik, birth_place, birth_date, birth_date_iso, sex FROM officers WHERE name LIKE 'Siti%'`).get();
    const mangled = db.prepare(`SELECT nik, nik_key FROM officers WHERE name = 'Sulastri Purnomo'`).get();
    const kims = db.prepare(`SELECT name, district_code, village_code FROM communities ORDER BY id`).all();
    db.close();
    expect(siti).toEqual({ name: 'Siti Mu’awanah', nik: '3574045602010105', birth_place: 'Probolinggo', birth_date: '16-02-2001', birth_date_iso: '2001-02-16', sex: 'F' });
    expect(mangled).toEqual({ nik: '3.57403E+15', nik_key: null });
    expect(kims).toContainEqual({ name: 'KIM Jati Mandiri', district_code: '35.74.03', village_code: '35.74.03.1007' });
    expect(kims).toContainEqual({ name: 'KIM Kedopok Sehati', district_code: '35.74.05', village_code: '35.74.05.1001' });
  });

  it('takes the follow-up file as UTF-8 with BOM and ",": the missing SK is filled, a new KIM added', () => {
    expect(second.code).toBe(0);
    expect(second.json.files).toMatchObject([{ encoding: 'utf8', delimiter: ',', rows: 12, bom: true }]);
    expect(second.json.communities).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(second.json.officers).toEqual({ created: 6, updated: 6, unchanged: 0, ended: 0 });
    const db = new Database(path.join(dir, 'kim.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT sk_number FROM communities WHERE name = 'KIM Kedopok Sehati'`).get()).toEqual({ sk_number: '400/17/425.105/2025' });
    expect(db.prepare(`SELECT address FROM officers WHERE name = 'Eko Wibowo'`).get()).toEqual({ address: 'Jl. Suroyo, RT 09, RW 02' });
    db.close();
  });

  it('changes nothing when a file is imported again', () => {
    for (const name of ['probolinggo_susulan_utf8bom.csv']) {
      const again = kimJson(['import', path.join(dir, name)], { cwd: dir });
      expect(again.code).toBe(0);
      expect(again.json.communities).toEqual({ created: 0, updated: 0, unchanged: 2 });
      expect(again.json.officers).toEqual({ created: 0, updated: 0, unchanged: 12, ended: 0 });
    }
    const d2 = tempDir();
    kim(['init', '--regency', '35.74'], { cwd: d2 });
    const file = fixture(d2, 'rosters/probolinggo_excel_cp1252.csv');
    kimJson(['import', file], { cwd: d2 });
    const again = kimJson(['import', file], { cwd: d2 });
    expect(again.json.communities).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(again.json.officers).toEqual({ created: 0, updated: 0, unchanged: 36, ended: 0 });
  });
});

describe("the README's sample rosters imported a second time", () => {
  const ROSTERS = ['rosters/probolinggo_excel_cp1252.csv', 'rosters/probolinggo_susulan_utf8bom.csv'];
  const changeRows = (dir: string, batch: number) => queryDb<{ n: number }>(dir, `SELECT count(*) AS n FROM changes WHERE batch_id = ?`, batch)[0]!.n;

  it.each([
    ['together', (files: string[]) => [files]],
    ['separately', (files: string[]) => files.map((f) => [f])],
  ])('%s: create and update nothing, and record no change', (_how, runs) => {
    const dir = tempDir();
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const files = ROSTERS.map((name) => fixture(dir, name));
    for (const run of runs(files)) expect(kimJson(['import', ...run], { cwd: dir }).code).toBe(0);
    for (const run of runs(files)) {
      const again = kimJson(['import', ...run], { cwd: dir });
      expect(again.code).toBe(0);
      expect(again.json.communities.created + again.json.communities.updated).toBe(0);
      expect(again.json.officers.created + again.json.officers.updated + again.json.officers.ended).toBe(0);
      expect(changeRows(dir, again.json.batch)).toBe(0);
    }
  });
});
