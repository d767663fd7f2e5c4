import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, kim, kimJson, tempDir } from '../helpers/cli.js';
import { queryDb as query } from '../helpers/query.js';

/** A database of Kota Probolinggo with fixtures/rosters/three-way/roster.csv imported once. */
function imported(regency = true): string {
  const dir = tempDir();
  for (const f of ['roster.csv', 'roster-later.csv']) fs.copyFileSync(path.join(FIXTURES, 'rosters', 'three-way', f), path.join(dir, f));
  if (regency) expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  expect(kimJson(['import', 'roster.csv'], { cwd: dir }).code).toBe(0);
  return dir;
}

/** A kim edit through the CLI; it exits 1 when the KIM still has problems afterwards, which is not a failure here. */
function edit(dir: string, args: string[], options: { cwd: string; env?: Record<string, string> } = { cwd: dir }): void {
  const r = kim(['edit', ...args], options);
  expect(r.code, r.stderr).toBeLessThanOrEqual(1);
}

const officer = (dir: string, name: string) => query(dir, `SELECT occupation, nik, ended_at AS endedAt FROM officers WHERE name = ?`, name)[0];

describe('an import never undoes the office’s own work', () => {
  it('keeps an edit when the same roster comes in again, and changes nothing', () => {
    const dir = imported();
    edit(dir, ['officer', 'Hadi Wibowo', '--occupation', 'Pensiunan PNS'], { cwd: dir });
    const again = kimJson(['import', 'roster.csv'], { cwd: dir });
    expect(again.json.officers).toEqual({ created: 0, updated: 0, unchanged: 4, ended: 0 });
    expect(again.json.conflicts).toEqual([]);
    expect(officer(dir, 'Hadi Wibowo')).toMatchObject({ occupation: 'Pensiunan PNS' });
    // The table does not claim that nothing changes when something did since; here nothing does.
    expect(kim(['import', 'roster.csv', '--dry-run'], { cwd: dir }).stderr).toMatch(/identical to the file of batch 2; nothing changes/);
  });

  it('keeps an officer the office ended, ended', () => {
    const dir = imported();
    edit(dir, ['officer', 'Agus Salim', '--end', '30/11/2025', '--reason', 'Pindah domisili'], { cwd: dir, env: { KIM_TODAY: '2025-12-31' } });
    const again = kimJson(['import', 'roster.csv'], { cwd: dir });
    expect(again.json.officers).toMatchObject({ updated: 0, unchanged: 4 });
    expect(officer(dir, 'Agus Salim')).toMatchObject({ endedAt: '2025-11-30' });
  });

  it('keeps a NIK the office corrected, and finds the officer by the mangled one the roster still has', () => {
    const dir = imported();
    edit(dir, ['officer', 'Sri Lestari', '--nik', '3574034809820110'], { cwd: dir });
    const again = kimJson(['import', 'roster.csv'], { cwd: dir });
    expect(again.json.officers).toEqual({ created: 0, updated: 0, unchanged: 4, ended: 0 });
    expect(officer(dir, 'Sri Lestari')).toMatchObject({ nik: '3574034809820110' });
  });

  it('lists a file that changed what the office had edited as one conflict: the office’s value stands', () => {
    const dir = imported();
    edit(dir, ['officer', 'Hadi Wibowo', '--occupation', 'Pensiunan PNS'], { cwd: dir });
    const later = kimJson(['import', 'roster-later.csv'], { cwd: dir });
    expect(later.json.conflicts).toEqual([
      {
        community: { id: 1, name: 'KIM Mayangan Bahari' }, officer: { id: 2, name: 'Hadi Wibowo' }, field: 'occupation',
        stored: 'Pensiunan PNS', file: 'Guru PNS SDN 3', row: 3, firstRow: null, source: 'office',
      },
    ]);
    // Sri Lestari's occupation, which the office never touched, takes the file's news.
    expect(later.json.officers).toMatchObject({ updated: 1, unchanged: 3 });
    expect(officer(dir, 'Hadi Wibowo')).toMatchObject({ occupation: 'Pensiunan PNS' });
    expect(officer(dir, 'Sri Lestari')).toMatchObject({ occupation: 'Pedagang Ikan' });
    const table = kim(['import', 'roster-later.csv', '--dry-run'], { cwd: dir });
    expect(table.stdout).toMatch(/The office's changes since the last import that stand/);
    expect(table.stderr).toMatch(/--prefer-file takes the file's/);
  });

  it('keeps the office’s edits of a KIM’s own fields (SK, acknowledgement), and lists a third value as a conflict', () => {
    const dir = imported();
    edit(dir, ['community', '1', '--sk-number', '400/100/425.106/2025', '--acknowledged', 'tidak'], { cwd: dir });
    const again = kimJson(['import', 'roster.csv'], { cwd: dir });
    expect(again.json.communities).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.json.conflicts).toEqual([]);
    const community = () => query(dir, `SELECT sk_number AS sk, acknowledged AS ack FROM communities WHERE id = 1`)[0];
    expect(community()).toEqual({ sk: '400/100/425.106/2025', ack: 'tidak' });
    // A file with yet another SK number: the office's stands, and the file's is listed.
    const text = fs.readFileSync(path.join(dir, 'roster.csv'), 'utf8').replaceAll('400/99/425.106/2025', '400/101/425.106/2025');
    fs.writeFileSync(path.join(dir, 'roster-third.csv'), text);
    const third = kimJson(['import', 'roster-third.csv'], { cwd: dir });
    expect(third.json.conflicts).toEqual([
      { community: { id: 1, name: 'KIM Mayangan Bahari' }, officer: null, field: 'sk_number', stored: '400/100/425.106/2025', file: '400/101/425.106/2025', row: 2, firstRow: null, source: 'office' },
    ]);
    expect(community()).toEqual({ sk: '400/100/425.106/2025', ack: 'tidak' });
    expect(kimJson(['import', 'roster-third.csv', '--prefer-file'], { cwd: dir }).json.communities).toMatchObject({ updated: 1 });
    expect(community()).toEqual({ sk: '400/101/425.106/2025', ack: 'tidak' });
  });

  it('takes the file’s value over the office’s with --prefer-file', () => {
    const dir = imported();
    edit(dir, ['officer', 'Hadi Wibowo', '--occupation', 'Pensiunan PNS'], { cwd: dir });
    const later = kimJson(['import', 'roster-later.csv', '--prefer-file'], { cwd: dir });
    expect(later.json.conflicts).toEqual([]);
    expect(later.json.officers).toMatchObject({ updated: 2 });
    expect(officer(dir, 'Hadi Wibowo')).toMatchObject({ occupation: 'Guru PNS SDN 3' });
    // The field is the import's again: the next roster decides it as usual.
    expect(query(dir, `SELECT base FROM officers WHERE name = 'Hadi Wibowo'`)).toEqual([{ base: null }]);
  });
});

describe('a KIM imported before the regency was set', () => {
  it('is found again once the regency is set: no second copy, no LEG-REGION', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'rosters', 'probolinggo_excel_cp1252.csv'), path.join(dir, 'r.csv'));
    kimJson(['import', 'r.csv'], { cwd: dir });
    const init = kim(['init', '--regency', 'Kota Probolinggo'], { cwd: dir });
    expect(init.stderr).toMatch(/1 KIM whose village or district was not recognised was looked up again/);
    const again = kimJson(['import', 'r.csv'], { cwd: dir });
    expect(again.json.communities).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(query(dir, `SELECT count(*) AS n FROM communities WHERE name = 'KIM Triwung Cerdas'`)).toEqual([{ n: 1 }]);
    const findings = kimJson(['validate'], { cwd: dir }).json.findings as { rule: string; severity: string }[];
    expect(findings.filter((f) => f.rule === 'LEG-REGION' || f.rule === 'ADM-DUP-NIK')).toEqual([]);
  });

  it('is merged with the copy a later import made, officers and history kept, in one audited step', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'rosters', 'probolinggo_excel_cp1252.csv'), path.join(dir, 'r.csv'));
    kimJson(['import', 'r.csv'], { cwd: dir });
    // An older kim set the regency without looking the KIMs up again: a second copy came in.
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const db = new Database(path.join(dir, 'kim.sqlite'));
    const triwung = db.prepare(`SELECT id FROM communities WHERE name = 'KIM Triwung Cerdas'`).get() as { id: number };
    db.prepare(`UPDATE communities SET village_key = '?kademangan|triwung lor', village_code = NULL, district_code = NULL WHERE id = ?`).run(triwung.id);
    db.prepare(`UPDATE settings SET value = '"0.0.0"' WHERE key = 'regions.source'`).run();
    db.close();
    expect(kimJson(['import', 'r.csv'], { cwd: dir }).json.communities.created).toBe(1);
    expect(query(dir, `SELECT count(*) AS n FROM communities WHERE name = 'KIM Triwung Cerdas'`)).toEqual([{ n: 2 }]);
    // kim init brings the reference up to date, looks the KIMs up again, and merges the copies.
    const init = kim(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toMatch(/KIM Triwung Cerdas \(id 7\) turned out to be the same KIM as KIM Triwung Cerdas \(id 5\): merged into id 5 \(0 officers moved, 6 officers who were the same person joined; history kept\)/);
    expect(query(dir, `SELECT id, village_code FROM communities WHERE name = 'KIM Triwung Cerdas'`)).toEqual([{ id: 5, village_code: '35.74.01.1002' }]);
    expect(query(dir, `SELECT count(*) AS n FROM officers WHERE community_id = 5`)).toEqual([{ n: 6 }]);
    expect(query(dir, `SELECT count(*) AS n FROM audit_log WHERE action = 'community.merge'`)).toEqual([{ n: 1 }]);
    expect(kimJson(['import', 'r.csv'], { cwd: dir }).json.communities).toEqual({ created: 0, updated: 0, unchanged: 6 });
  });
});

describe('retyping a place', () => {
  it('looks the village up again, even typed as it stands, and clears LEG-REGION', () => {
    const dir = imported();
    const db = new Database(path.join(dir, 'kim.sqlite'));
    db.prepare(`UPDATE communities SET village_code = NULL, district_code = NULL, village_key = '?mayangan|jati'`).run();
    db.close();
    expect(kimJson(['validate'], { cwd: dir }).json.findings.map((f: { rule: string }) => f.rule)).toContain('LEG-REGION');
    const r = kim(['edit', 'community', 'KIM Mayangan Bahari', '--village', 'Jati'], { cwd: dir });
    expect(r.stdout).toContain('village: "?" → "35.74.03.1004"');
    expect(query(dir, 'SELECT village_code FROM communities')).toEqual([{ village_code: '35.74.03.1004' }]);
    expect(kimJson(['validate'], { cwd: dir }).json.findings.map((f: { rule: string }) => f.rule)).not.toContain('LEG-REGION');
  });
});

describe('history that shows changes', () => {
  it('keeps only the fields that changed, before and after, and kim show lists them', () => {
    const dir = imported();
    kimJson(['import', 'roster-later.csv'], { cwd: dir });
    const rows = query(dir, `SELECT entity_id, before, after FROM changes WHERE batch_id = 2 ORDER BY entity_id`) as { before: string; after: string }[];
    expect(rows.map((r) => [JSON.parse(r.after), Object.keys(JSON.parse(r.before)).sort()])).toEqual([
      [{ occupation: 'Guru PNS SDN 3' }, ['last_batch', 'occupation', 'updated_at']],
      [{ occupation: 'Pedagang Ikan' }, ['last_batch', 'occupation', 'updated_at']],
    ]);
    const show = kim(['show', 'KIM Mayangan Bahari'], { cwd: dir });
    expect(show.stdout).toContain('occupation: PNS Dinas Pendidikan → Guru PNS SDN 3');
    expect(show.stdout).toContain('occupation: Pedagang → Pedagang Ikan');
  });
});

describe('kim undo says what to do when it cannot', () => {
  it('names an edit made since and the command that puts it back; then undoes', () => {
    const dir = imported();
    kimJson(['import', 'roster-later.csv'], { cwd: dir });
    edit(dir, ['officer', 'Hadi Wibowo', '--occupation', 'Pensiunan PNS'], { cwd: dir });
    const refused = kim(['undo', '2', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Hadi Wibowo was changed later .*put the value back first: `kim edit officer 2 --occupation "Guru PNS SDN 3"`/);
    edit(dir, ['officer', '2', '--occupation', 'Guru PNS SDN 3'], { cwd: dir });
    expect(kim(['undo', '2', '--yes'], { cwd: dir }).code).toBe(0);
    expect(officer(dir, 'Hadi Wibowo')).toMatchObject({ occupation: 'PNS Dinas Pendidikan' });
  });

  it('refuses to undo the batch that made a KIM compliant once it has its number: the number was given on that data', () => {
    const dir = imported();
    const fixed = fs.readFileSync(path.join(dir, 'roster.csv'), 'utf8').replace('PNS Dinas Pendidikan', 'Wiraswasta').replace('3.57403E+15', '3574034809820110');
    fs.writeFileSync(path.join(dir, 'fix.csv'), fixed);
    expect(kimJson(['import', 'fix.csv'], { cwd: dir }).json.officers).toMatchObject({ updated: 2 });
    expect(kimJson(['number'], { cwd: dir }).json.assigned).toHaveLength(1);
    const refused = kim(['undo', '2', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/KIM Mayangan Bahari got community number 35\.74\.03\.1004\.01 later .*`kim number --revoke 1 --reason "…"`/);
    expect(officer(dir, 'Hadi Wibowo')).toMatchObject({ occupation: 'Wiraswasta' });
  });

  it('after a later batch is undone, names the edits that really block, not one already put back', () => {
    const dir = imported();
    kimJson(['import', 'roster-later.csv'], { cwd: dir });
    edit(dir, ['officer', 'Hadi Wibowo', '--occupation', 'Wiraswasta'], { cwd: dir });
    edit(dir, ['officer', 'Hadi Wibowo', '--occupation', 'Guru PNS SDN 3'], { cwd: dir });
    expect(kim(['undo', '2', '--yes'], { cwd: dir }).code).toBe(0);
    edit(dir, ['officer', 'Hadi Wibowo', '--name', 'Hadi Wibowo SPd'], { cwd: dir });
    const refused = kim(['undo', '1', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Hadi Wibowo SPd was changed later .*`kim edit officer 2 --name "Hadi Wibowo"`/);
    edit(dir, ['officer', '2', '--name', 'Hadi Wibowo'], { cwd: dir });
    expect(kim(['undo', '1', '--yes'], { cwd: dir }).code).toBe(0);
    expect(query(dir, 'SELECT count(*) AS n FROM officers')).toEqual([{ n: 0 }]);
  });

  it('names a number given since and the command that withdraws it; then undoes', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'rosters', 'probolinggo_excel_cp1252.csv'), path.join(dir, 'r.csv'));
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    kimJson(['import', 'r.csv'], { cwd: dir });
    // KIM Kanigaran Bersinar meets every requirement: it gets its number.
    expect(kimJson(['number', 'KIM Kanigaran Bersinar'], { cwd: dir }).json.assigned).toHaveLength(1);
    const refused = kim(['undo', '1', '--yes'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/KIM Kanigaran Bersinar got community number 35\.74\.04\.1001\.01 later .*withdraw the number first: `kim number --revoke 1 --reason "…"`/);
    expect(kim(['number', '--revoke', '1', '--reason', 'salah impor'], { cwd: dir }).code).toBe(0);
    expect(kim(['undo', '1', '--yes'], { cwd: dir }).code).toBe(0);
    expect(query(dir, 'SELECT count(*) AS n FROM communities')).toEqual([{ n: 0 }]);
    // The number stays spent: never given again.
    expect(query(dir, 'SELECT number, community_id FROM numbers')).toEqual([{ number: '35.74.04.1001.01', community_id: null }]);
  });
});
