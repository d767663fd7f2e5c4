import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, kim, scratchDir } from '../helpers/cli.js';
import { kimInPty } from '../helpers/pty.js';
import { dump } from '../admin/setup.js';
import { ENV, makeOffice, OFFICES, on, onJson, send, sha256, type OfficeName } from './offices.js';

const PROVINCE = 'sumsel.sqlite';

function rows<T = any>(dir: string, file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(dir, file), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The tables a merge fills, in a stable order: what must come back exactly after an undo. */
function merged(dir: string): Record<string, unknown[]> {
  return {
    communities: rows(dir, PROVINCE, `SELECT * FROM communities ORDER BY id`),
    officers: rows(dir, PROVINCE, `SELECT * FROM officers ORDER BY id`),
    findings: rows(dir, PROVINCE, `SELECT community_id, officer_id, rule, severity, category, field, value, params FROM findings ORDER BY community_id, officer_id, rule, value`),
  };
}

describe('kim merge: three offices of Sumatera Selatan into the provincial database', () => {
  const dir = scratchDir('kim-province-');
  const sent: Record<OfficeName, string> = { muba: '', palembang: '', banyuasin: '' };
  let afterFirst: Record<string, unknown[]>;

  beforeAll(() => {
    for (const name of Object.keys(OFFICES) as OfficeName[]) {
      makeOffice(dir, name);
      sent[name] = send(dir, name);
    }
    const init = onJson(dir, PROVINCE, ['init', '--province', 'Sumatera Selatan']);
    expect(init.code).toBe(0);
    expect(init.json).toMatchObject({ province: { code: '16', name: 'Sumatera Selatan' }, regency: null, regencies: 17 });
  }, 120_000);

  it('copies every office whole, with its office, its numbers and its own findings, as one batch', () => {
    const r = onJson(dir, PROVINCE, ['merge', sent.muba, sent.palembang, sent.banyuasin]);
    expect(r.code).toBe(0);
    expect(r.json.batch).toBe(1);
    expect(r.json.offices).toEqual(
      (['muba', 'palembang', 'banyuasin'] as const).map((name) => ({
        file: sent[name],
        regency: { code: OFFICES[name].regency, name: OFFICES[name].name },
        office: `Diskominfo ${OFFICES[name].name}`,
        sha256: sha256(path.join(dir, sent[name])),
        validatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        communities: { added: 2, replaced: 0, removed: 0, unchanged: 0 },
        officers: { added: 6, replaced: 0, removed: 0, unchanged: 0 },
      })),
    );
    // Each KIM as its office holds it: name, number, compliance, the office's id.
    for (const name of Object.keys(OFFICES) as OfficeName[]) {
      const own = rows(dir, `${name}.sqlite`, `SELECT id AS source_id, name, number, compliant, validated_at FROM communities ORDER BY id`);
      expect(rows(dir, PROVINCE, `SELECT source_id, name, number, compliant, validated_at FROM communities WHERE office = ? ORDER BY source_id`, OFFICES[name].regency)).toEqual(own);
      const officers = rows(dir, `${name}.sqlite`, `SELECT o.id AS source_id, o.name, o.nik, c.name AS kim FROM officers o JOIN communities c ON c.id = o.community_id ORDER BY o.id`);
      expect(
        rows(dir, PROVINCE, `SELECT o.source_id, o.name, o.nik, c.name AS kim FROM officers o JOIN communities c ON c.id = o.community_id WHERE o.office = ? ORDER BY o.source_id`, OFFICES[name].regency),
      ).toEqual(officers);
    }
    // The offices' findings, as they validated: no KIM was validated again at the province.
    expect(rows(dir, PROVINCE, `SELECT c.name, f.rule FROM findings f JOIN communities c ON c.id = f.community_id WHERE f.rule <> 'ADM-DUP-NIK-REGENCY' ORDER BY c.name, f.rule`)).toEqual([
      { name: 'KIM Satu Ulu Cerdas', rule: 'LEG-SK-MISSING' },
      { name: 'KIM Sungai Gerong Mandiri', rule: 'ADM-ASN' },
    ]);
    const batches = onJson(dir, PROVINCE, ['batches']);
    expect(batches.json).toEqual([
      expect.objectContaining({
        id: 1,
        kind: 'merge',
        operator: 'tester',
        communities: { added: 6, replaced: 0, removed: 0, unchanged: 0 },
        files: [expect.objectContaining({ name: 'muba.sqlite', regency: { code: '16.06', name: 'Kabupaten Musi Banyuasin' } }), expect.anything(), expect.anything()],
      }),
    ]);
    afterFirst = merged(dir);
  });

  it('changes nothing when the same files are merged again', () => {
    const before = dump(path.join(dir, PROVINCE));
    const r = onJson(dir, PROVINCE, ['merge', sent.muba, sent.palembang, sent.banyuasin]);
    expect(r.code).toBe(0);
    expect(r.json.batch).toBeNull();
    for (const o of r.json.offices) {
      expect(o.communities).toEqual({ added: 0, replaced: 0, removed: 0, unchanged: 2 });
      expect(o.officers).toEqual({ added: 0, replaced: 0, removed: 0, unchanged: 6 });
    }
    expect(r.stderr).toContain('Nothing changed');
    expect(dump(path.join(dir, PROVINCE))).toEqual(before);
  });

  it('flags the person who is an officer in two regencies (ADM-DUP-NIK-REGENCY), NIK masked', () => {
    const r = onJson(dir, PROVINCE, ['validate']);
    // The offices' own errors stand: exit 1.
    expect(r.code).toBe(1);
    const dup = r.json.findings.filter((f: { rule: string }) => f.rule === 'ADM-DUP-NIK-REGENCY');
    expect(dup).toEqual([
      expect.objectContaining({
        severity: 'warning',
        community: expect.objectContaining({ name: 'KIM Sukarami Maju' }),
        officer: expect.objectContaining({ name: 'Hendra Saputra', nik: '1671************' }),
        message: 'This NIK is also an active officer of a KIM in another regency: KIM Kemangmanis Informatif (Kota Palembang).',
      }),
      expect.objectContaining({
        community: expect.objectContaining({ name: 'KIM Kemangmanis Informatif' }),
        message: 'This NIK is also an active officer of a KIM in another regency: KIM Sukarami Maju (Kabupaten Musi Banyuasin).',
      }),
    ]);
    expect(r.json.summary).toEqual({ communities: 6, officers: 18, errors: 2, warnings: 2, compliant: 4 });
    expect(JSON.stringify(r.json)).not.toContain('1671021006850006');
    // The follow-up list names each KIM's regency.
    const findings = on(dir, PROVINCE, ['report', 'findings', '--format', 'csv']);
    expect(findings.split('\n')[0]).toBe('Regency/city,District,Village,KIM,Number,Problems,Officers concerned');
    expect(findings).toContain('Kota Palembang,Ilir Barat Dua,Kemangmanis,KIM Kemangmanis Informatif');
  });

  it('gives one recap row per regency: each merged office as its own recap totals it, the others missing', () => {
    const r = onJson(dir, PROVINCE, ['report', 'recap', '--year', '2025', '--quarter', '4', '--by', 'regency']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ province: { code: '16', name: 'Sumatera Selatan' }, year: 2025, quarter: 4, asOf: '2025-12-31' });
    expect(r.json.rows).toHaveLength(17);
    for (const name of Object.keys(OFFICES) as OfficeName[]) {
      const own = onJson(dir, `${name}.sqlite`, ['report', 'recap', '--year', '2025', '--quarter', '4']).json;
      const row = r.json.rows.find((x: { regency: { code: string } }) => x.regency.code === OFFICES[name].regency);
      expect(row).toEqual({ regency: { code: OFFICES[name].regency, name: OFFICES[name].name }, mergedAt: expect.stringMatching(/^\d{4}-/), district: null, ...own.total });
    }
    const lahat = r.json.rows.find((x: { regency: { code: string } }) => x.regency.code === '16.04');
    expect(lahat).toMatchObject({ regency: { name: 'Kabupaten Lahat' }, mergedAt: null, villages: 378, kims: null, compliant: null });
    expect(r.stderr).toContain('14 of 17 regencies have not been merged yet');
    const merged3 = r.json.rows.filter((x: { mergedAt: string | null }) => x.mergedAt !== null);
    expect(r.json.total.kims).toBe(merged3.reduce((n: number, x: { kims: number }) => n + x.kims, 0));
    expect(r.json.total.villages).toBe(merged3.reduce((n: number, x: { villages: number }) => n + x.villages, 0));

    // One regency's recap at the province is that office's own, district by district.
    const palembang = onJson(dir, PROVINCE, ['report', 'recap', '--year', '2025', '--quarter', '4', '--regency', 'Kota Palembang']);
    const own = onJson(dir, 'palembang.sqlite', ['report', 'recap', '--year', '2025', '--quarter', '4']);
    expect(palembang.json).toEqual(own.json);
    const table = on(dir, PROVINCE, ['report', 'recap', '--year', '2025', '--quarter', '4']);
    expect(table).toMatch(/Kota Palembang +│/);
    expect(table).toContain('not merged yet');
  });

  it('lists and exports across offices with each KIM\'s regency; an office\'s own export has no such column', () => {
    const list = onJson(dir, PROVINCE, ['list']);
    expect(list.json.map((l: { name: string; regency: { code: string } }) => [l.regency.code, l.name])).toEqual([
      ['16.06', 'KIM Kayu Ara Bersatu'], ['16.06', 'KIM Sukarami Maju'],
      ['16.07', 'KIM Mariana Sejahtera'], ['16.07', 'KIM Sungai Gerong Mandiri'],
      ['16.71', 'KIM Kemangmanis Informatif'], ['16.71', 'KIM Satu Ulu Cerdas'],
    ]);
    const officers = onJson(dir, PROVINCE, ['export', 'officers']);
    expect(officers.json[0]).toMatchObject({ name: 'Ahmad Fauzi', nik: '1606************', regency: 'Kabupaten Musi Banyuasin', regencyCode: '16.06' });
    const csv = on(dir, PROVINCE, ['export', 'communities', '--format', 'csv']).split('\n')[0]!;
    expect(csv.split(',').slice(8, 11)).toEqual(['Compliant', 'Regency/city', 'Regency code']);
    expect(Object.keys(onJson(dir, 'muba.sqlite', ['export', 'officers']).json[0])).not.toContain('regency');
    expect(on(dir, PROVINCE, ['show', 'KIM Satu Ulu Cerdas'])).toContain('Office        Kota Palembang (16.71); merged from its file, changed only there');
  });

  it('refuses to change a merged KIM, naming its office, and changes nothing', () => {
    const before = dump(path.join(dir, PROVINCE));
    const attempts: string[][] = [
      ['edit', 'community', 'KIM Satu Ulu Cerdas', '--sk-number', '400/99/SU1/2025'],
      ['edit', 'officer', 'Agus Salim', '--occupation', 'Petani'],
      ['end', 'KIM Satu Ulu Cerdas', '--reason', 'Bubar'],
      ['number', 'KIM Satu Ulu Cerdas'],
      ['number', '--revoke', 'KIM Kemangmanis Informatif', '--reason', 'SK dicabut'],
      ['import', path.join(FIXTURES, 'province', 'palembang_ilir_ulu.csv')],
    ];
    for (const args of attempts) {
      const r = kim(['--db', PROVINCE, ...args], { cwd: dir, env: ENV });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^Error: "KIM (Satu Ulu Cerdas|Kemangmanis Informatif)" \(id \d+\) belongs to the office of Kota Palembang \(16\.71\)/);
    }
    const number = kim(['--db', PROVINCE, 'number'], { cwd: dir, env: ENV });
    expect([number.code, number.stderr]).toEqual([2, expect.stringContaining('numbers are given by each office; the province never numbers')]);
    const other = kim(['--db', PROVINCE, 'import', path.join(FIXTURES, 'province', 'palembang_susulan.csv')], { cwd: dir, env: ENV });
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('it holds the KIMs its offices send, no rosters of its own')]);
    expect(dump(path.join(dir, PROVINCE))).toEqual(before);
  });

  it('replaces an office that imported more, keeping what did not change; undo puts the previous state back', () => {
    on(dir, 'palembang.sqlite', ['import', path.join(FIXTURES, 'province', 'palembang_susulan.csv')]);
    on(dir, 'palembang.sqlite', ['validate'], [0, 1]);
    sent.palembang = send(dir, 'palembang');
    const ids = rows(dir, PROVINCE, `SELECT id, source_id FROM communities WHERE office = '16.71' ORDER BY id`);
    const r = onJson(dir, PROVINCE, ['merge', sent.muba, sent.palembang, sent.banyuasin]);
    expect(r.code).toBe(0);
    expect(r.json.batch).toBe(2);
    const palembang = r.json.offices[1];
    // Validating again stamped both KIMs the office had: they are replaced; one KIM and its three officers are new.
    expect(palembang.communities).toEqual({ added: 1, replaced: 2, removed: 0, unchanged: 0 });
    expect(palembang.officers).toEqual({ added: 3, replaced: 0, removed: 0, unchanged: 6 });
    expect(r.json.offices[0].communities).toEqual({ added: 0, replaced: 0, removed: 0, unchanged: 2 });
    // The KIMs held before keep their ids at the province.
    expect(rows(dir, PROVINCE, `SELECT id, source_id FROM communities WHERE office = '16.71' AND source_id <= 2 ORDER BY id`)).toEqual(ids);
    expect(rows(dir, PROVINCE, `SELECT name FROM communities WHERE office = '16.71' ORDER BY source_id`).map((c) => c.name)).toEqual([
      'KIM Kemangmanis Informatif', 'KIM Satu Ulu Cerdas', 'KIM Lima Ulu Bersinar',
    ]);
    const own = onJson(dir, 'palembang.sqlite', ['report', 'recap', '--year', '2025', '--quarter', '4']).json;
    const recap = onJson(dir, PROVINCE, ['report', 'recap', '--year', '2025', '--quarter', '4', '--by', 'regency']).json;
    expect(recap.rows.find((x: { regency: { code: string } }) => x.regency.code === '16.71')).toMatchObject(own.total);

    // The first merge cannot be undone while the second, which took Palembang in again, stands.
    const refused = kim(['--db', PROVINCE, 'undo', '1', '--yes'], { cwd: dir, env: ENV });
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('Batch 1 cannot be undone: the later batch 2 changed the same records')]);
    const undo = onJson(dir, PROVINCE, ['undo', '2', '--yes']);
    expect(undo.code).toBe(0);
    expect(undo.json).toEqual({ batch: 2, communities: 1, officers: 3, restored: 2 });
    expect(merged(dir)).toEqual(afterFirst);
    expect(onJson(dir, PROVINCE, ['batches']).json[1]).toMatchObject({ id: 2, kind: 'merge', undoneBy: 'tester' });
  });
});

describe('kim merge refuses, and changes nothing', () => {
  const dir = scratchDir('kim-province-refusals-');
  let muba = '';

  beforeAll(() => {
    makeOffice(dir, 'muba');
    muba = send(dir, 'muba');
    on(dir, PROVINCE, ['init', '--province', '16']);
  }, 60_000);

  function refused(files: string[], code: number, sentence: RegExp): void {
    const before = dump(path.join(dir, PROVINCE));
    const r = kim(['--db', PROVINCE, 'merge', ...files], { cwd: dir, env: ENV });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(sentence);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
    // Nothing merged, also of the sound file named first.
    expect(dump(path.join(dir, PROVINCE))).toEqual(before);
  }

  it('a damaged file: exit 3', () => {
    const damaged = path.join(dir, 'sent', 'damaged.sqlite');
    fs.copyFileSync(path.join(dir, muba), damaged);
    const bytes = fs.readFileSync(damaged);
    // Every page after the first few overwritten: tables and indexes no longer agree.
    for (let i = 8192 * 3; i < bytes.length; i += 8192) bytes.fill(0x5a, i + 100, i + 4000);
    fs.writeFileSync(damaged, bytes);
    refused([muba, damaged], 3, /^Error: The office file .*damaged\.sqlite is damaged \(.+\)\. Ask the office for a new copy made with `kim backup`/m);
  });

  it('a file that is no database at all: exit 3', () => {
    const junk = path.join(dir, 'sent', 'junk.sqlite');
    fs.writeFileSync(junk, 'this is not a database, only text that someone named .sqlite\n'.repeat(200));
    refused([muba, junk], 3, /The office file .*junk\.sqlite is damaged/);
  });

  it('a file from a newer kim: exit 3', () => {
    const newer = path.join(dir, 'sent', 'newer.sqlite');
    fs.copyFileSync(path.join(dir, muba), newer);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    refused([muba, newer], 3, /The office file .*newer\.sqlite was written by a newer kim \(schema 99; this version knows up to \d+\)\. Update kim at the province/);
  });

  it('an office of another province: exit 2', () => {
    on(dir, 'probolinggo.sqlite', ['init', '--regency', 'Kota Probolinggo']);
    on(dir, 'probolinggo.sqlite', ['import', path.join(FIXTURES, 'rosters', 'probolinggo_susulan_utf8bom.csv')]);
    refused([muba, 'probolinggo.sqlite'], 2, /probolinggo\.sqlite is the database of the office of 35\.74 Kota Probolinggo, which is not in Sumatera Selatan\. Nothing was merged\./);
  });

  it('two files of one office, a missing file, a provincial file: exit 2', () => {
    refused([muba, 'muba.sqlite'], 2, /sent\/muba\.sqlite and muba\.sqlite both come from the office of Kabupaten Musi Banyuasin/);
    refused([muba, 'nowhere.sqlite'], 2, /There is no office file nowhere\.sqlite/);
    refused([muba, PROVINCE], 2, /sumsel\.sqlite is a provincial database, not an office's/);
  });

  it('into an office\'s database: exit 2', () => {
    const r = kim(['--db', 'muba.sqlite', 'merge', muba], { cwd: dir, env: ENV });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("is an office's database, not a provincial one")]);
    const recap = kim(['--db', 'muba.sqlite', 'report', 'recap', '--year', '2025', '--quarter', '4', '--by', 'regency'], { cwd: dir, env: ENV });
    expect([recap.code, recap.stderr]).toEqual([2, expect.stringContaining('--by regency and --regency are for a provincial database')]);
  });
});

describe('kim init --province', () => {
  const dir = scratchDir('kim-province-init-');

  it('makes a provincial database once; an office stays an office, a province a province', () => {
    const made = onJson(dir, 'jatim.sqlite', ['init', '--province', 'Provinsi Jawa Timur']);
    expect(made.json).toMatchObject({ province: { code: '35', name: 'Jawa Timur' }, regency: null, regencies: 38 });
    expect(onJson(dir, 'jatim.sqlite', ['init', '--province', '35']).code).toBe(0);
    const cases: [string, string[], RegExp][] = [
      ['jatim.sqlite', ['init', '--regency', '35.74'], /jatim\.sqlite is the provincial database of Jawa Timur; a regency is set in its office's own database/],
      ['jatim.sqlite', ['config', 'set', 'regency', '35.74'], /jatim\.sqlite is the provincial database of Jawa Timur; a regency is set in its office's own database/],
      ['office.sqlite', ['init', '--regency', '35.74', '--province', '35'], /--province and --regency cannot go together/],
      ['x.sqlite', ['init', '--province', 'Sumatra Atlantis'], /No province named "Sumatra Atlantis"/],
      ['x.sqlite', ['init', '--province', '99'], /Province code "99" is not in the Kemendagri reference/],
    ];
    on(dir, 'office.sqlite', ['init', '--regency', '35.74']);
    cases.push(['office.sqlite', ['init', '--province', '35'], /office\.sqlite is the database of the office of Kota Probolinggo; a provincial database is a new file/]);
    for (const [db, args, sentence] of cases) {
      const r = kim(['--db', db, ...args], { cwd: dir, env: ENV });
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringMatching(sentence)]);
    }
    expect(fs.existsSync(path.join(dir, 'x.sqlite'))).toBe(false);
    // A merge in a pipe draws no bar: its notice only.
    const r = kim(['--db', 'jatim.sqlite', 'merge', 'office.sqlite'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/35\.74 Kota Probolinggo +│ office\.sqlite +│ +unchanged +│/);
    expect(r.stderr).toBe('Nothing changed: the provincial database already holds what these files hold.\n');
    // On a terminal, a bar counts the files read and merged, naming the one at work.
    const pty = kimInPty(['--db', 'jatim.sqlite', 'merge', 'office.sqlite'], { cwd: dir, env: ENV, steps: [{ expect: 'Nothing changed' }] });
    expect(pty.code).toBe(0);
    expect(pty.screen).toMatch(/ Merging \|[█░]+\| 0\/2 · .* Merging \|█+\| 2\/2 · office\.sqlite/);
  });
});

describe('an office that undid an import and imported it again, its KIMs now under other ids', () => {
  const dir = scratchDir('kim-province-reshuffle-');

  it('is taken in whole, names moving between ids, and undone whole', () => {
    const office = 'palembang.sqlite';
    on(dir, office, ['init', '--regency', '16.71']);
    on(dir, office, ['import', path.join(FIXTURES, 'province', 'palembang_susulan.csv')]);
    on(dir, office, ['import', path.join(FIXTURES, 'province', 'palembang_ilir_ulu.csv')]);
    on(dir, office, ['validate'], [0, 1]);
    on(dir, PROVINCE, ['init', '--province', '16']);
    expect(onJson(dir, PROVINCE, ['merge', office]).json.batch).toBe(1);
    const before = merged(dir);

    // The office takes its second import back, imports another KIM, then the same roster again:
    // the KIM that was id 2 is now id 3, and id 2 is another KIM.
    on(dir, office, ['undo', '2', '--yes']);
    const other = path.join(dir, 'dua_ulu.csv');
    fs.writeFileSync(other, fs.readFileSync(path.join(FIXTURES, 'province', 'palembang_susulan.csv'), 'utf8').replace(/KIM Lima Ulu Bersinar,Seberang Ulu Satu,Lima Ulu/g, 'KIM Dua Ulu Baru,Seberang Ulu Satu,Dua Ulu'));
    on(dir, office, ['import', other]);
    on(dir, office, ['import', path.join(FIXTURES, 'province', 'palembang_ilir_ulu.csv')]);
    on(dir, office, ['validate'], [0, 1]);
    const own = rows(dir, office, `SELECT id AS source_id, name, village_key FROM communities ORDER BY id`);
    expect(own.map((c) => c.name)).toEqual(['KIM Lima Ulu Bersinar', 'KIM Dua Ulu Baru', 'KIM Kemangmanis Informatif', 'KIM Satu Ulu Cerdas']);

    const r = onJson(dir, PROVINCE, ['merge', office]);
    expect(r.code).toBe(0);
    expect(r.json.offices[0].communities).toMatchObject({ added: 1, removed: 0 });
    expect(rows(dir, PROVINCE, `SELECT source_id, name, village_key FROM communities ORDER BY source_id`)).toEqual(own);
    expect(rows(dir, PROVINCE, `SELECT count(*) AS n FROM officers`)).toEqual([{ n: 12 }]);
    expect(onJson(dir, PROVINCE, ['undo', '2', '--yes']).code).toBe(0);
    expect(merged(dir)).toEqual(before);
    expect(kim(['--db', PROVINCE, 'check'], { cwd: dir, env: ENV }).code).toBe(0);
  });
});
