import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { addCommunity, addOfficer, seedDb } from '../helpers/db.js';
import { fixture, kim, kimJson, tempDir } from '../helpers/cli.js';

/** The office's sample rosters, imported as a clerk would; no `kim validate` run yet. */
function importedSamples(): string {
  const dir = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  const files = ['rosters/probolinggo_excel_cp1252.csv'].map((f) => fixture(dir, f));
  expect(kim(['import', ...files], { cwd: dir }).code).toBeLessThanOrEqual(1);
  return dir;
}

describe('kim report findings on the sample rosters', () => {
  let dir: string;
  beforeAll(() => (dir = importedSamples()));

  it('lists each KIM with its known problem, by district and village, in the clerk’s words', () => {
    const r = kimJson(['report', 'findings'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Checked 6 KIMs first/);
    const rows = r.json.rows.map((row: any) => [row.district, row.village, row.community.name, row.problems.map((p: any) => p.rule), row.officers.map((o: any) => o.name)]);
    expect(rows).toEqual([
      ['Kademangan', 'Triwung Lor', 'KIM Triwung Cerdas', ['ADM-ROLES'], []],
      ['Kedopok', 'Jrebeng Kulon', 'KIM Kedopok Sehati', ['LEG-SK-MISSING'], []],
      ['Mayangan', 'Jati', 'KIM Mayangan Bahari', ['ADM-ASN'], ['Hadi Wibowo']],
      ['Mayangan', 'Sukabumi', 'KIM Jati Mandiri', ['DAT-NIK'], ['Sulastri Purnomo']],
      ['Wonoasih', 'Sumber Taman', 'KIM Sumber Informasi', ['ADM-PARTY'], ['Wahyu Prasetyo']],
    ]);
    expect(r.json.summary).toEqual({ communities: 5, errors: 5, warnings: 0 });
    expect(r.json.rows[2].problems[0].message).toBe('Hadi Wibowo: The occupation shows an ASN: "PNS".');
  });

  it('speaks Indonesian in the table and CSV, one KIM per row, and filters by district', () => {
    const csv = kim(['report', 'findings', '--format', 'csv', '--lang', 'id', '--district', 'mayangan'], { cwd: dir });
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Kecamatan,Desa/Kelurahan,KIM,Nomor induk,Masalah,Pengurus terkait');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['KIM Mayangan Bahari', 'KIM Jati Mandiri']);
    const table = kim(['report', 'findings', '--lang', 'id', '--no-color'], { cwd: dir });
    expect(table.stdout).toContain('KIM dengan masalah terbuka, Kota Probolinggo');
    expect(table.stdout).toContain('Tidak ada pengurus aktif dengan jabatan: sekretaris.');
  });

  it('refuses a district that is not in the regency, naming the choices', () => {
    const r = kim(['report', 'findings', '--district', 'Atlantis'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Kademangan, Wonoasih, Mayangan, Kanigaran, Kedopok');
  });
});

describe('kim list and kim show', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = importedSamples();
    file = path.join(dir, 'kim.sqlite');
    kim(['number'], { cwd: dir });
    const db = openDatabase(file);
    const id = db.prepare(`SELECT id FROM communities WHERE name = 'KIM Triwung Cerdas'`).pluck().get() as number;
    db.prepare(`UPDATE communities SET ended_at = '2025-09-30', end_reason = 'bubar' WHERE id = ?`).run(id);
    db.close();
  });

  const names = (args: string[]) => (kimJson(['list', ...args], { cwd: dir }).json as { name: string }[]).map((c) => c.name);

  it('lists active KIMs by district, village and name, and filters by status, district and search', () => {
    expect(names([])).toEqual(['KIM Kanigaran Bersinar', 'KIM Kedopok Sehati', 'KIM Mayangan Bahari', 'KIM Jati Mandiri', 'KIM Sumber Informasi']);
    expect(names(['--status', 'numbered'])).toEqual(['KIM Kanigaran Bersinar']);
    expect(names(['--status', 'compliant'])).toEqual(['KIM Kanigaran Bersinar']);
    expect(names(['--status', 'noncompliant'])).toEqual(['KIM Kedopok Sehati', 'KIM Mayangan Bahari', 'KIM Jati Mandiri', 'KIM Sumber Informasi']);
    expect(names(['--status', 'unnumbered', '--district', 'Mayangan'])).toEqual(['KIM Mayangan Bahari', 'KIM Jati Mandiri']);
    expect(names(['--status', 'ended'])).toEqual(['KIM Triwung Cerdas']);
    expect(names(['--search', 'jati'])).toEqual(['KIM Mayangan Bahari', 'KIM Jati Mandiri']);
    expect(names(['--search', '35.74.04'])).toEqual(['KIM Kanigaran Bersinar']);
    expect(names(['--search', '100%'])).toEqual([]);
  });

  it('gives scripts one JSON record per KIM, and tells people in a table what it left out', () => {
    const [first] = kimJson(['list'], { cwd: dir }).json as Record<string, unknown>[];
    expect(first).toEqual({
      id: 1, name: 'KIM Kanigaran Bersinar', number: '35.74.04.1001.01', district: 'Kanigaran', village: 'Tisnonegaran',
      villageCode: '35.74.04.1001', skNumber: '400/89/425.106/2025', skDate: '2 Agustus 2025', compliant: true, endedAt: null, officers: 6,
    });
    const table = kim(['list', '--no-color'], { cwd: dir });
    expect(table.stderr).toContain('1 ended KIM is not shown; see it with --status ended.');
    expect(kim(['list', '--search', 'nothing-like-this'], { cwd: dir }).stdout).toContain('No KIM matches.');
  });

  it('shows one KIM by id, number or name with officers masked, findings, numbers and the import that made it', () => {
    const byNumber = kimJson(['show', '35.74.04.1001.01'], { cwd: dir }).json;
    const byName = kimJson(['show', 'kanigaran bersinar'], { cwd: dir }).json;
    expect(byName).toEqual(byNumber);
    expect(byNumber.community).toMatchObject({ id: 1, name: 'KIM Kanigaran Bersinar', number: '35.74.04.1001.01', compliant: true });
    expect(byNumber.officers).toHaveLength(6);
    expect(byNumber.officers[0]).toMatchObject({ name: 'Imam Kusuma', role: 'Ketua', nik: '3574************', sex: 'M' });
    expect(byNumber.numbers).toEqual([expect.objectContaining({ number: '35.74.04.1001.01', source: 'assigned', revokedAt: null })]);
    expect(byNumber.batches).toEqual([expect.objectContaining({ id: 1, files: ['probolinggo_excel_cp1252.csv'], createdCommunity: true, created: 6 })]);
    expect(byNumber.changes).toEqual([expect.objectContaining({ entity: 'community', action: 'update', fields: [{ field: 'number', before: null, after: '35.74.04.1001.01' }] })]);

    const asn = kimJson(['show', 'KIM Mayangan Bahari'], { cwd: dir }).json;
    expect(asn.findings).toEqual([expect.objectContaining({ rule: 'ADM-ASN', severity: 'error', officer: expect.objectContaining({ name: 'Hadi Wibowo' }), message: 'Hadi Wibowo: The occupation shows an ASN: "PNS".' })]);

    const table = kim(['show', '2', '--no-color', '--lang', 'id'], { cwd: dir }).stdout;
    expect(table).toContain('KIM Mayangan Bahari');
    expect(table).toContain('Pengurus (6)');
    expect(table).not.toMatch(/3574\d{12}/);
  });

  it('asks to be more precise when a name matches several KIMs, and says so when none matches', () => {
    const several = kim(['show', 'bersinar'], { cwd: dir });
    const db = openDatabase(file);
    addCommunity(db, { name: 'KIM Bersinar Terang', district_code: '35.74.05', village_code: '35.74.05.1002' });
    db.close();
    expect(several.code).toBe(0);
    const ambiguous = kim(['show', 'bersinar'], { cwd: dir });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/matches several KIMs: 1 KIM Kanigaran Bersinar \(35\.74\.04\.1001\.01\); \d+ KIM Bersinar Terang/);
    expect(kim(['show', 'Atlantis'], { cwd: dir }).code).toBe(2);
  });
});

describe('the follow-up list from stored findings', () => {
  it('leaves out ended KIMs, puts errors first and names each officer once', () => {
    const { db, dir } = seedDb('35.74');
    const fresh = (id: number) => db.prepare(`UPDATE communities SET compliant = 0, validated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?`).run(id);
    const a = addCommunity(db, { name: 'KIM Satu', district_code: '35.74.05', village_code: '35.74.05.1001' });
    const b = addCommunity(db, { name: 'KIM Dua', district_code: '35.74.01', village_code: '35.74.01.1001', ended_at: '2025-01-01' });
    const ani = addOfficer(db, a, { name: 'Ani' });
    const finding = db.prepare(`INSERT INTO findings (community_id, officer_id, rule, severity, category, field, value, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    finding.run(a, ani, 'DAT-PHONE', 'warning', 'data', 'phone', '123', JSON.stringify({ reason: 'invalid', value: '123' }));
    finding.run(a, null, 'LEG-SK-MISSING', 'error', 'legality', 'sk_number', null, JSON.stringify({ reason: 'missing' }));
    finding.run(a, ani, 'ADM-ASN', 'error', 'administrative', 'occupation', 'PNS', JSON.stringify({ reason: 'occupation', term: 'PNS' }));
    finding.run(b, null, 'LEG-SK-MISSING', 'error', 'legality', 'sk_number', null, JSON.stringify({ reason: 'missing' }));
    [a, b].forEach(fresh);
    db.close();
    const r = kimJson(['report', 'findings'], { cwd: dir, env: { KIM_TODAY: '2025-06-30' } });
    expect(r.json.rows).toHaveLength(1);
    expect(r.json.rows[0].problems.map((p: any) => p.rule)).toEqual(['LEG-SK-MISSING', 'ADM-ASN', 'DAT-PHONE']);
    expect(r.json.rows[0].officers).toEqual([{ id: ani, name: 'Ani' }]);
    expect([r.json.rows[0].errors, r.json.rows[0].warnings]).toEqual([2, 1]);
  });
});
