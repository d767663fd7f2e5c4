import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kim, kimJson } from '../helpers/cli.js';
import { initDb } from './setup.js';

const NIK = '3574041112730101';
const MASKED = '3574************';

function addAuditEntry(file: string, entry: { action: string; operator?: string; entity?: string; entityId?: number; details: string }): void {
  const db = new Database(file);
  db.prepare(`INSERT INTO audit_log (at, operator, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)`).run(
    new Date().toISOString(),
    entry.operator ?? 'tester',
    entry.action,
    entry.entity ?? null,
    entry.entityId ?? null,
    entry.details,
  );
  db.close();
}

describe('kim log', () => {
  it('shows the init entry with the operator given by --operator', () => {
    const { dir } = initDb({ operator: 'Budi Santoso' });
    const r = kimJson(['log'], { cwd: dir });
    expect(r.code).toBe(0);
    const init = r.json.find((e: { action: string }) => e.action === 'init');
    expect(init).toMatchObject({ operator: 'Budi Santoso', entity: 'database', entityId: null, details: { regency: '35.74' } });
    expect(Object.keys(init).sort()).toEqual(['action', 'at', 'details', 'entity', 'entityId', 'id', 'operator']);
    expect(new Date(init.at).toISOString()).toBe(init.at);
  });

  it('takes the operator from KIM_OPERATOR, and lists newest first', () => {
    const { dir } = initDb();
    expect(kim(['init', '--office', 'Diskominfo Kota Probolinggo'], { cwd: dir, env: { KIM_OPERATOR: 'siti' } }).code).toBe(0);
    const r = kimJson(['log'], { cwd: dir });
    expect(r.json[0]).toMatchObject({ action: 'init', operator: 'siti', details: { office: 'Diskominfo Kota Probolinggo' } });
    const ids = r.json.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const table = kim(['log'], { cwd: dir });
    expect(table.stdout).toMatch(/siti.*init.*database.*office: Diskominfo Kota Probolinggo/);
  });

  it('filters by action and limits the count', () => {
    const { dir, file } = initDb();
    addAuditEntry(file, { action: 'import', entity: 'batch', entityId: 1, details: '{"rows":10}' });
    addAuditEntry(file, { action: 'import', entity: 'batch', entityId: 2, details: '{"rows":20}' });
    const imports = kimJson(['log', '--action', 'import'], { cwd: dir });
    expect(imports.json.map((e: { entityId: number }) => e.entityId)).toEqual([2, 1]);
    const one = kimJson(['log', '--limit', '1'], { cwd: dir });
    expect(one.json).toHaveLength(1);
    expect(one.json[0]).toMatchObject({ action: 'import', entityId: 2 });
    expect(kim(['log', '--action', 'import'], { cwd: dir }).stdout).toMatch(/batch 2/);
    expect(kimJson(['log', '--action', 'nothing-like-this'], { cwd: dir }).json).toEqual([]);
  });

  it.each([['0'], ['-3'], ['lots'], ['2.5']])('refuses --limit %s with exit 2', (limit) => {
    const { dir } = initDb();
    const r = kim(['log', '--limit', limit], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--limit must be a positive whole number/);
  });

  it('never prints a NIK whole, whatever shape the details have', () => {
    const { dir, file } = initDb();
    addAuditEntry(file, { action: 'edit.officer', entity: 'officer', entityId: 1, details: JSON.stringify({ nik: NIK, note: `NIK ${NIK} diganti` }) });
    addAuditEntry(file, { action: 'edit.officer', entity: 'officer', entityId: 2, details: `{"nik":${NIK},"before":[${NIK}]}` });
    addAuditEntry(file, { action: 'note', details: `teks bebas ${NIK}` });
    for (const format of ['table', 'json', 'csv']) {
      const r = kim(['log', '--format', format], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(NIK);
      expect(r.stdout).toContain(MASKED);
    }
    const json = kimJson(['log', '--action', 'edit'], { cwd: dir }).json;
    expect(json[0].details).toEqual({ nik: MASKED, before: [MASKED] });
    expect(json[1].details).toEqual({ nik: MASKED, note: `NIK ${MASKED} diganti` });
  });

  it('writes CSV with the JSON fields as columns', () => {
    const { dir } = initDb({ operator: 'budi' });
    const r = kim(['log', '--format', 'csv', '--action', 'init'], { cwd: dir });
    const [header, row, ...rest] = r.stdout.trim().split('\n');
    expect(header).toBe('id,at,operator,action,entity,entityId,details');
    expect(row).toMatch(/^\d+,\d{4}-\d\d-\d\dT[^,]+Z,budi,init,database,,"\{""regency"":""35\.74""\}"$/);
    expect(rest).toEqual([]);
  });

  it('refuses a missing database with exit 2 and creates nothing', () => {
    const { dir } = initDb();
    const r = kim(['--db', path.join(dir, 'none.sqlite'), 'log'], { cwd: dir });
    expect(r.code).toBe(2);
  });
});
