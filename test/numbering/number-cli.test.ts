import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { setSetting } from '../../src/core/settings/registry.js';
import { kim, kimJson } from '../helpers/cli.js';
import { addOfficer, seedDb } from '../helpers/db.js';
import { addCompliantCommunity, importNumber } from './seed.js';

const KANIGARAN = '35.74.04.1003';
const SUKABUMI = '35.74.03.1007';

/** Four KIMs: two clean in Kanigaran, one clean in Sukabumi whose .02 was imported, one with an ASN officer. */
function database(template?: string) {
  const { db, file, dir } = seedDb();
  const a = addCompliantCommunity(db, 'KIM Kanigaran Bersinar', KANIGARAN, 1);
  const old = addCompliantCommunity(db, 'KIM Sukabumi Lama', SUKABUMI, 2);
  importNumber(db, old, '35.74.03.1007.02');
  const asn = addCompliantCommunity(db, 'KIM Harapan', SUKABUMI, 3);
  addOfficer(db, asn, { name: 'Siti Aminah', role: 'Anggota', occupation: 'Guru PNS', nik: '3574035203900777', birth_date_iso: '1990-03-12', sex: 'F' });
  const b = addCompliantCommunity(db, 'KIM Sukabumi Baru', SUKABUMI, 4);
  const c = addCompliantCommunity(db, 'KIM Kanigaran Guyub', KANIGARAN, 5);
  if (template) setSetting(db, 'numbering.template', template);
  db.close();
  return { file, dir, env: { KIM_DB: file, KIM_TODAY: '2025-10-14' }, ids: { a, old, asn, b, c } };
}

const read = (file: string, sql: string, ...params: unknown[]) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
};

describe('kim number', () => {
  it('validates, numbers exactly the compliant KIMs around the imported number, and lists the others with their rules', () => {
    const { file, dir, env, ids } = database();
    const r = kimJson(['number'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      assigned: [
        { community: { id: ids.a, name: 'KIM Kanigaran Bersinar' }, number: '35.74.04.1003.01' },
        { community: { id: ids.b, name: 'KIM Sukabumi Baru' }, number: '35.74.03.1007.01' },
        { community: { id: ids.c, name: 'KIM Kanigaran Guyub' }, number: '35.74.04.1003.02' },
      ],
      skipped: [{ community: { id: ids.asn, name: 'KIM Harapan' }, rules: ['ADM-ASN'] }],
    });
    expect(read(file, `SELECT action, operator, entity_id FROM audit_log WHERE action = 'number.assign' ORDER BY id`)).toEqual([
      { action: 'number.assign', operator: 'tester', entity_id: ids.a },
      { action: 'number.assign', operator: 'tester', entity_id: ids.b },
      { action: 'number.assign', operator: 'tester', entity_id: ids.c },
    ]);
    // Nothing left: a second run gives nothing and still exits 0.
    const again = kimJson(['number'], { cwd: dir, env });
    expect(again.code).toBe(0);
    expect(again.json.assigned).toEqual([]);
  });

  it('reports a named KIM that is not eligible with its rule codes, exit 1', () => {
    const { dir, env, ids } = database();
    const r = kimJson(['number', 'KIM Harapan', String(ids.a)], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.json).toEqual({
      assigned: [{ community: { id: ids.a, name: 'KIM Kanigaran Bersinar' }, number: '35.74.04.1003.01' }],
      skipped: [{ community: { id: ids.asn, name: 'KIM Harapan' }, rules: ['ADM-ASN'] }],
    });
    expect(r.stderr).toContain('kim show <id>');
  });

  it('refuses an unknown KIM with exit 2 before numbering anyone', () => {
    const { file, dir, env } = database();
    const r = kim(['number', '1', 'KIM Tidak Ada'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No KIM "KIM Tidak Ada"');
    expect(read(file, `SELECT number FROM numbers WHERE source = 'assigned'`)).toEqual([]);
  });

  it('shows on --dry-run what a real run then gives, writing nothing', () => {
    const { file, dir, env } = database();
    const before = read(file, `SELECT count(*) AS n FROM audit_log`);
    const dry = kimJson(['number', '--dry-run'], { cwd: dir, env });
    expect(dry.code).toBe(0);
    expect(read(file, `SELECT count(*) AS n FROM numbers`)).toEqual([{ n: 1 }]);
    expect(read(file, `SELECT count(*) AS n FROM audit_log`)).toEqual(before);
    expect(read(file, `SELECT count(*) AS n FROM findings`)).toEqual([{ n: 0 }]);
    const real = kimJson(['number'], { cwd: dir, env });
    expect(real.json).toEqual(dry.json);
  });

  it('prints a table for people, in Indonesian with --lang id', () => {
    const { dir, env } = database();
    const r = kim(['--lang', 'id', 'number', '--dry-run'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/KIM Kanigaran Bersinar.*35\.74\.04\.1003\.01.*akan diberikan/);
    expect(r.stdout).toMatch(/KIM Harapan.*dilewati.*ADM-ASN/);
    expect(r.stderr).toContain('Uji coba — nomor yang akan diberikan: 3. KIM dilewati: 1. Tidak ada yang diubah.');
  });

  it('refuses a community when the sequence would not fit the template, naming the template, exit 1', () => {
    const { file, dir, env, ids } = database('{regency}.{seq:1}');
    const db = new Database(file);
    db.prepare(`INSERT INTO number_sequences (scope, last) VALUES ('regency=35.74', 8)`).run();
    db.close();
    const r = kimJson(['number'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.json.assigned).toEqual([{ community: { id: ids.a, name: 'KIM Kanigaran Bersinar' }, number: '35.74.9' }]);
    expect(r.json.skipped).toEqual([
      { community: { id: ids.asn, name: 'KIM Harapan' }, rules: ['ADM-ASN'] },
      { community: { id: ids.b, name: 'KIM Sukabumi Baru' }, rules: ['NUM-OVERFLOW'] },
      { community: { id: ids.c, name: 'KIM Kanigaran Guyub' }, rules: ['NUM-OVERFLOW'] },
    ]);
    expect(r.stderr).toContain('the sequence in scope regency=35.74 is past 9, the largest the template "{regency}.{seq:1}" can write');
  });
});

describe('kim config set numbering.template', () => {
  it('refuses a template that cannot make unique numbers, and the next run uses an accepted one', () => {
    const { dir, env, ids } = database();
    const noSeq = kim(['config', 'set', 'numbering.template', '{village}'], { cwd: dir, env });
    expect(noSeq.code).toBe(2);
    expect(noSeq.stderr).toContain('The number template "{village}" has no {seq}, so it cannot make unique numbers.');
    const unknown = kim(['config', 'set', 'numbering.template', '{desa}.{seq}'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown token {desa}');
    expect(kim(['config', 'set', 'numbering.template', 'KIM/{district}/{year}/{seq:3}'], { cwd: dir, env }).code).toBe(0);
    const r = kimJson(['number', String(ids.a), String(ids.c)], { cwd: dir, env });
    expect(r.json.assigned.map((a: { number: string }) => a.number)).toEqual(['KIM/35.74.04/2025/001', 'KIM/35.74.04/2025/002']);
  });
});

describe('kim number --revoke', () => {
  it('withdraws a number for good: the KIM is not renumbered unless named, and never with the same number', () => {
    const { file, dir, env, ids } = database();
    kim(['number'], { cwd: dir, env });
    const r = kimJson(['number', '--revoke', '35.74.04.1003.01', '--reason', 'SK dicabut'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      revoked: [{ community: { id: ids.a, name: 'KIM Kanigaran Bersinar' }, number: '35.74.04.1003.01', reason: 'SK dicabut' }],
      dryRun: false,
    });
    expect(read(file, `SELECT revoked_by, reason FROM numbers WHERE number = '35.74.04.1003.01'`)).toEqual([
      { revoked_by: 'tester', reason: 'SK dicabut' },
    ]);
    const plain = kimJson(['number'], { cwd: dir, env });
    expect(plain.code).toBe(0);
    expect(plain.json.skipped).toContainEqual({ community: { id: ids.a, name: 'KIM Kanigaran Bersinar' }, rules: ['NUM-REVOKED'] });
    const named = kimJson(['number', String(ids.a)], { cwd: dir, env });
    expect(named.json.assigned).toEqual([{ community: { id: ids.a, name: 'KIM Kanigaran Bersinar' }, number: '35.74.04.1003.03' }]);
    expect(read(file, `SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'number.%' ORDER BY id`, ids.a)).toEqual([
      { action: 'number.assign' },
      { action: 'number.revoke' },
      { action: 'number.assign' },
    ]);
  });

  it.each([
    [['number', '--revoke', '1'], /--revoke needs --reason/],
    [['number', '--revoke', '1', '--reason', '  '], /--revoke needs --reason/],
    [['number', '--reason', 'why'], /--reason only applies with --revoke/],
    [['number', '2', '--revoke', '1', '--reason', 'x'], /cannot be combined/],
    [['number', '--revoke', '1', '--reason', 'x'], /has no number to withdraw/],
  ])('refuses %j with exit 2', (args, message) => {
    const { file, dir, env } = database();
    const r = kim(args, { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(read(file, `SELECT count(*) AS n FROM numbers`)).toEqual([{ n: 1 }]);
  });
});
