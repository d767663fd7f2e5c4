import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/schema.js';
import { kim, kimJson, tempDir } from '../helpers/cli.js';
import { addCommunity, addOfficer } from '../helpers/db.js';

/** A file as kim of schema 3 made it (its three migrations run), with two KIMs, one numbered, and a finding. */
function schema3(): { dir: string; file: string } {
  const dir = tempDir('kim-schema3-');
  const file = path.join(dir, 'kim.sqlite');
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const m of MIGRATIONS.slice(0, 3)) {
      if (typeof m === 'string') db.exec(m);
      else m(db);
    }
    db.pragma('user_version = 3');
  })();
  db.pragma('foreign_keys = ON');
  const a = addCommunity(db, { name: 'KIM Kanigaran Bersinar', district_code: '35.74.04', village_code: '35.74.04.1004', number: '35.74.04.1004.01' });
  const o = addOfficer(db, a, { name: 'Imam Kusuma', role: 'Ketua', nik: '3574041112730101' });
  addCommunity(db, { name: 'KIM Kedopok Sehati', district_text: 'Kedopok', village_text: 'Jrebeng Kulon' });
  db.prepare(`INSERT INTO findings (community_id, officer_id, rule, severity, category) VALUES (?, ?, 'ADM-ASN', 'error', 'administrative')`).run(a, o);
  db.close();
  return { dir, file };
}

const all = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('upgrading a database of schema 3 to the provincial schema', () => {
  it('keeps every row and id; KIM identity and numbers stay unique among the own KIMs only', () => {
    const { dir, file } = schema3();
    const before = {
      communities: all(file, `SELECT id, name, name_key, village_key, number, created_at FROM communities ORDER BY id`),
      officers: all(file, `SELECT * FROM officers ORDER BY id`),
      findings: all(file, `SELECT * FROM findings ORDER BY id`),
    };
    expect(kim(['batches'], { cwd: dir }).code).toBe(0);

    expect(all(file, `PRAGMA user_version`)).toEqual([{ user_version: SCHEMA_VERSION }]);
    expect(all(file, `SELECT id, name, name_key, village_key, number, created_at FROM communities ORDER BY id`)).toEqual(before.communities);
    expect(all(file, `SELECT * FROM officers ORDER BY id`)).toEqual(before.officers.map((o) => ({ ...(o as object), base: null, office: null, source_id: null })));
    expect(all(file, `SELECT * FROM findings ORDER BY id`)).toEqual(before.findings);
    const table = all(file, `SELECT sql FROM sqlite_schema WHERE name = 'communities'`)[0] as { sql: string };
    expect(table.sql).not.toMatch(/UNIQUE/);
    expect(all(file, `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'communities' ORDER BY name`)).toEqual([
      { name: 'communities_base_place' }, { name: 'communities_created_batch' }, { name: 'communities_district' }, { name: 'communities_identity' }, { name: 'communities_number' }, { name: 'communities_source' },
    ]);
    const check = kimJson(['check'], { cwd: dir });
    expect(check.json).toMatchObject({ ok: true, integrity: [], foreignKeys: 0, schemaVersion: SCHEMA_VERSION });
    const log = kimJson(['log', '--action', 'schema.upgrade'], { cwd: dir });
    expect(log.json[0].details).toEqual({ from: 3, to: SCHEMA_VERSION });

    const db = new Database(file);
    try {
      const insert = db.prepare(
        `INSERT INTO communities (name, name_key, village_key, number, office, source_id, created_at, updated_at) VALUES ('KIM X', 'x', '35.74.04.1004', ?, ?, ?, 'now', 'now')`,
      );
      // An own KIM of the same village and name, or with a number given already: refused as before.
      expect(() => insert.run(null, null, null)).not.toThrow();
      expect(() => insert.run(null, null, null)).toThrow(/UNIQUE constraint failed/);
      expect(() => db.prepare(`UPDATE communities SET number = '35.74.04.1004.01' WHERE name = 'KIM Kedopok Sehati'`).run()).toThrow(/UNIQUE constraint failed/);
      // Two offices may each hold a KIM of that village and name, with that number; each merged
      // KIM is told apart by its office's id, once.
      expect(() => insert.run('35.74.04.1004.01', '16.06', 1)).not.toThrow();
      expect(() => insert.run('35.74.04.1004.01', '16.71', 1)).not.toThrow();
      expect(() => insert.run('35.74.04.1004.01', '16.71', 2)).not.toThrow();
      expect(() => insert.run('35.74.04.1004.02', '16.71', 1)).toThrow(/UNIQUE constraint failed: communities.office, communities.source_id/);
    } finally {
      db.close();
    }
  });
});
