import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kim, kimJson, tempDir } from '../helpers/cli.js';
import { queryDb } from '../helpers/query.js';

const env = { KIM_TODAY: '2026-01-10' };

/** A database with the Excel sample roster imported (batch 1) and validated. */
let seeded: string;
beforeAll(() => {
  seeded = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: seeded, env }).code).toBe(0);
  expect(kim(['import', fixture(seeded, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: seeded, env }).code).toBe(0);
  expect(kim(['validate'], { cwd: seeded, env }).code).toBe(1);
});

function copy(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(seeded, 'kim.sqlite'), path.join(dir, 'kim.sqlite'));
  return dir;
}

const query = queryDb;

const officerId = (dir: string, name: string) => query<{ id: number }>(dir, `SELECT id FROM officers WHERE name = ?`, name)[0]!.id;

describe('kim edit officer', () => {
  it('fixes the ASN occupation: audited with the operator, re-validated at once, the problem gone', () => {
    const dir = copy();
    const r = kimJson(['edit', 'officer', 'Hadi Wibowo', '--kim', 'KIM Mayangan Bahari', '--occupation', 'Guru Honorer'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      entity: 'officer',
      name: 'Hadi Wibowo',
      community: { name: 'KIM Mayangan Bahari' },
      changes: [{ field: 'occupation', from: 'PNS Dinas Pendidikan', to: 'Guru Honorer' }],
      validation: { compliant: true, errors: 0, findings: [] },
    });
    expect(r.json.validation.fixed).toEqual([expect.objectContaining({ rule: 'ADM-ASN', officer: { id: officerId(dir, 'Hadi Wibowo'), name: 'Hadi Wibowo' } })]);
    expect(query(dir, `SELECT occupation FROM officers WHERE name = 'Hadi Wibowo'`)).toEqual([{ occupation: 'Guru Honorer' }]);
    expect(query(dir, `SELECT c.compliant, (SELECT count(*) FROM findings f WHERE f.community_id = c.id) AS findings FROM communities c WHERE name = 'KIM Mayangan Bahari'`)).toEqual([{ compliant: 1, findings: 0 }]);
    const entry = query(dir, `SELECT id, operator, action, entity, entity_id FROM audit_log WHERE id = ?`, r.json.audit)[0];
    expect(entry).toEqual({ id: r.json.audit, operator: 'tester', action: 'officer.edit', entity: 'officer', entity_id: officerId(dir, 'Hadi Wibowo') });
    expect(query(dir, `SELECT entity, action, before FROM changes WHERE audit_id = ?`, r.json.audit)).toEqual([
      { entity: 'officer', action: 'update', before: expect.stringContaining('"occupation":"PNS Dinas Pendidikan"') },
    ]);
  });

  it('makes `kim undo` of the earlier import refuse, naming the edit', () => {
    const dir = copy();
    expect(kim(['edit', 'officer', 'Hadi Wibowo', '--occupation', 'Wiraswasta'], { cwd: dir, env }).code).toBe(0);
    const undo = kim(['undo', '1', '--yes'], { cwd: dir, env });
    expect(undo.code).toBe(2);
    // It names the edit, who made it, and the command that would put the value back.
    expect(undo.stderr).toMatch(/Batch 1 cannot be undone: Hadi Wibowo was changed later \(by tester on .*, audit log #\d+\).*`kim edit officer \d+ --occupation "PNS Dinas Pendidikan"`/);
    expect(query(dir, `SELECT count(*) AS n FROM officers`)).toEqual([{ n: 36 }]);
  });

  it('repairs a NIK mangled by Excel, storing the digits and their key as the import would', () => {
    const dir = copy();
    const r = kimJson(['edit', 'officer', 'Sulastri Purnomo', '--nik', '3574 0348 0982 0133'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json.changes).toEqual([{ field: 'nik', from: '***********', to: '3574************' }]);
    expect(r.json.validation.fixed.map((f: any) => f.rule)).toEqual(['DAT-NIK']);
    expect(query(dir, `SELECT nik, nik_key FROM officers WHERE name = 'Sulastri Purnomo'`)).toEqual([{ nik: '3574034809820133', nik_key: '3574034809820133' }]);
    // The audit log never holds the NIK whole.
    const details = query<{ details: string }>(dir, `SELECT details FROM audit_log WHERE id = ?`, r.json.audit)[0]!.details;
    expect(details).not.toContain('3574034809820133');
  });

  it('keeps a warning as a warning: a NIK that disagrees with the sex column leaves the KIM compliant (exit 0)', () => {
    const dir = copy();
    const r = kimJson(['edit', 'officer', 'Sulastri Purnomo', '--nik', '3574030809820133'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json.validation).toMatchObject({ compliant: true, errors: 0, warnings: 1, findings: [{ rule: 'DAT-NIK-MISMATCH', field: 'gender' }] });
  });

  it('names a missing role, ends a term, and refuses to end it twice', () => {
    const dir = copy();
    const role = kimJson(['edit', 'officer', 'Dwi Wibowo', '--role', 'Sekretaris'], { cwd: dir, env });
    expect(role.json.validation.fixed.map((f: any) => f.rule)).toEqual(['ADM-ROLES']);
    const end = kimJson(['edit', 'officer', 'Umi Purnomo', '--kim', 'Triwung Cerdas', '--end', '31/12/2025', '--reason', 'Pindah domisili'], { cwd: dir, env });
    expect(end.code).toBe(0);
    expect(end.json.changes).toEqual([
      { field: 'endedAt', from: null, to: '2025-12-31' },
      { field: 'endReason', from: null, to: 'Pindah domisili' },
    ]);
    expect(query(dir, `SELECT ended_at, end_reason FROM officers WHERE name = 'Umi Purnomo'`)).toEqual([{ ended_at: '2025-12-31', end_reason: 'Pindah domisili' }]);
    expect(query(dir, `SELECT action FROM audit_log WHERE id = ?`, end.json.audit)).toEqual([{ action: 'officer.end' }]);
    expect(query(dir, `SELECT action FROM changes WHERE audit_id = ?`, end.json.audit)).toEqual([{ action: 'end' }]);
    const again = kim(['edit', 'officer', 'Umi Purnomo', '--end', '--reason', 'lagi'], { cwd: dir, env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already ended on 2025-12-31');
  });

  it('exits 1 while the KIM still has errors, and lists what is left in the clerk\'s language', () => {
    const dir = copy();
    const r = kim(['edit', 'officer', 'Wahyu Prasetyo', '--occupation', 'Petani', '--lang', 'id'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('pekerjaan: "Nelayan" → "Petani"');
    expect(r.stdout).toContain('Masalah yang tersisa:');
    expect(r.stdout).toMatch(/✗ ADM-PARTY +Wahyu Prasetyo: /);
    expect(r.stdout).toContain('KIM Sumber Informasi belum memenuhi syarat: 1 temuan galat.');
    const fixed = kim(['edit', 'officer', 'Wahyu Prasetyo', '--party', '-'], { cwd: dir, env });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/Problems solved:\n +✓ ADM-PARTY/);
  });

  it('changes nothing and says so when the values are already stored', () => {
    const dir = copy();
    const before = query(dir, `SELECT count(*) AS n FROM audit_log WHERE action LIKE 'officer.%'`);
    const r = kimJson(['edit', 'officer', 'Imam Kusuma', '--occupation', 'Nelayan'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ changes: [], audit: null });
    expect(query(dir, `SELECT count(*) AS n FROM audit_log WHERE action LIKE 'officer.%'`)).toEqual(before);
  });

  const refused: [string, string[], RegExp][] = [
    ['a NIK of 5 digits', ['--nik', '12345'], /has 5 digits; a NIK always has 16/],
    ['a NIK in scientific notation', ['--nik', '3.57403E+15'], /scientific notation/],
    ['a NIK with an impossible date', ['--nik', '3574043512730101'], /impossible birth date/],
    ['a NIK ending 0000', ['--nik', '3574041112730000'], /ends in 0000/],
    ['a NIK another officer of the KIM holds', ['--nik', '3574042105980102'], /Teguh Setiawan/],
    ['an impossible birth date', ['--birth-date', '31/02/1990'], /The date "31\/02\/1990" is not a real date: no such day exists/],
    ['a birth date after today', ['--birth-date', '01/02/2026'], /after today \(2026-01-10\)/],
    ['an unknown sex', ['--sex', 'X'], /Write L or P/],
    ['an emptied name', ['--name', ''], /name cannot be empty/],
    ['an end without a reason', ['--end'], /--reason/],
    ['an end after today', ['--end', '2026-02-01', '--reason', 'x'], /after today/],
    ['a reason without an end', ['--reason', 'x'], /only used with --end/],
    ['no field at all', [], /Say what to change/],
  ];
  it.each(refused)('refuses %s with exit 2 and changes nothing', (_what, options, message) => {
    const dir = copy();
    const before = query(dir, `SELECT * FROM officers ORDER BY id`);
    const audits = query(dir, `SELECT count(*) AS n FROM audit_log`);
    const r = kim(['edit', 'officer', 'Imam Kusuma', ...options], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(query(dir, `SELECT * FROM officers ORDER BY id`)).toEqual(before);
    expect(query(dir, `SELECT count(*) AS n FROM audit_log`)).toEqual(audits);
  });

  it('refuses an unknown officer and a name several KIMs share, naming the candidates', () => {
    const dir = copy();
    const unknown = kim(['edit', 'officer', '999', '--role', 'Ketua'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No officer "999"');
    const shared = kim(['edit', 'officer', 'Wahyu Hariyanto', '--role', 'Ketua'], { cwd: dir, env });
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(/matches several officers: \d+ Wahyu Hariyanto \(KIM Mayangan Bahari\); \d+ Wahyu Hariyanto \(KIM Kedopok Sehati\)/);
  });
});

describe('kim edit community', () => {
  it('fills the missing SK number: LEG-SK-MISSING solved, audited, before-image kept', () => {
    const dir = copy();
    const r = kimJson(['edit', 'community', 'Kedopok Sehati', '--sk-number', '400/17/425.105/2025'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ entity: 'community', changes: [{ field: 'skNumber', from: null, to: '400/17/425.105/2025' }], validation: { compliant: true } });
    expect(r.json.validation.fixed.map((f: any) => f.rule)).toEqual(['LEG-SK-MISSING']);
    expect(query(dir, `SELECT action, entity FROM audit_log WHERE id = ?`, r.json.audit)).toEqual([{ action: 'community.edit', entity: 'community' }]);
    expect(query(dir, `SELECT before FROM changes WHERE audit_id = ?`, r.json.audit)).toEqual([{ before: expect.stringContaining('"sk_number":null') }]);
  });

  it('recomputes the SK date and the place of a KIM as the import does', () => {
    const dir = copy();
    const date = kimJson(['edit', 'community', 'Kedopok Sehati', '--sk-date', '1 Mar 2025', '--acknowledged', '02/03/2025'], { cwd: dir, env });
    expect(date.json.changes.map((c: any) => c.field)).toEqual(['skDate', 'acknowledged']);
    expect(query(dir, `SELECT sk_date, sk_date_iso, acknowledged FROM communities WHERE name = 'KIM Kedopok Sehati'`)).toEqual([
      { sk_date: '1 Mar 2025', sk_date_iso: '2025-03-01', acknowledged: '02/03/2025' },
    ]);
    const wrong = kimJson(['edit', 'community', 'Triwung Cerdas', '--village', 'Triwung Kulonn Raya'], { cwd: dir, env });
    expect(wrong.code).toBe(1);
    expect(wrong.json.validation.findings.map((f: any) => f.rule)).toContain('LEG-REGION');
    expect(query(dir, `SELECT village_code, village_key FROM communities WHERE name = 'KIM Triwung Cerdas'`)).toEqual([
      { village_code: null, village_key: '?kademangan|triwung kulonn raya' },
    ]);
    const right = kimJson(['edit', 'community', 'Triwung Cerdas', '--district', 'Kademangan', '--village', 'Triwung Kidul'], { cwd: dir, env });
    expect(right.json.validation.fixed.map((f: any) => f.rule)).toEqual(['LEG-REGION']);
    expect(query(dir, `SELECT district_code, village_code, village_key, village_text FROM communities WHERE name = 'KIM Triwung Cerdas'`)).toEqual([
      { district_code: '35.74.01', village_code: expect.stringMatching(/^35\.74\.01\.\d{4}$/), village_key: expect.stringMatching(/^35\.74\.01\./), village_text: 'Triwung Kidul' },
    ]);
  });

  const refused: [string, string[], RegExp][] = [
    ['an SK date after today', ['--sk-date', '1 Maret 2027'], /after today/],
    ['an SK date that is no date', ['--sk-date', 'kemarin'], /not recognised/],
    ['an unclear acknowledgement', ['--acknowledged', 'mungkin'], /is unclear/],
    ['an emptied village', ['--village', ''], /village cannot be empty/],
    ['no field at all', [], /Say what to change/],
  ];
  it.each(refused)('refuses %s with exit 2 and changes nothing', (_what, options, message) => {
    const dir = copy();
    const before = query(dir, `SELECT * FROM communities ORDER BY id`);
    const r = kim(['edit', 'community', 'Kedopok Sehati', ...options], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(query(dir, `SELECT * FROM communities ORDER BY id`)).toEqual(before);
  });

  it('refuses to move a KIM into a village that already has a KIM of that name', () => {
    const dir = copy();
    expect(kim(['import', fixture(dir, 'rosters/probolinggo_susulan_utf8bom.csv')], { cwd: dir, env }).code).toBe(0);
    const db = new Database(path.join(dir, 'kim.sqlite'));
    db.prepare(`UPDATE communities SET name = 'KIM Ketapang Guyub', name_key = 'ketapang guyub' WHERE name = 'KIM Triwung Cerdas'`).run();
    db.close();
    const r = kim(['edit', 'community', '5', '--village', 'Ketapang'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Village Ketapang already has a KIM of the same name: KIM Ketapang Guyub/);
  });
});
