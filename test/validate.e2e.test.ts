import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, kim, kimJson, tempDir } from './helpers/cli.js';

const env = { KIM_TODAY: '2026-11-23' };
const ALL_CODES = [
  'LEG-SK-MISSING', 'LEG-SK-DATE', 'LEG-SK-ISSUER', 'LEG-ACK', 'LEG-REGION',
  'ADM-ASN', 'ADM-PARTY', 'ADM-NGO', 'ADM-ROLES', 'ADM-SIZE', 'ADM-AGE', 'ADM-DUP-NIK', 'ADM-DUP-NIK-REGENCY',
  'DAT-NIK', 'DAT-NIK-MISMATCH', 'DAT-PHONE',
];

interface Report {
  summary: { communities: number; officers: number; errors: number; warnings: number; compliant: number };
  findings: {
    rule: string;
    severity: string;
    category: string;
    community: { id: number; name: string; number: string | null };
    officer: { id: number; name: string; nik: string } | null;
    field: string | null;
    value: string | null;
    message: string;
  }[];
}

const pairs = (r: Report) => r.findings.map((f) => `${f.community.name}: ${f.rule}`);

/** A folder holding a database with both sample rosters imported. */
let imported: string;
function copyOfImported(): string {
  const dir = tempDir();
  fs.copyFileSync(path.join(imported, 'kim.sqlite'), path.join(dir, 'kim.sqlite'));
  return dir;
}

beforeAll(() => {
  imported = tempDir();
  expect(kim(['init', '--regency', '35.74'], { cwd: imported, env }).code).toBe(0);
  expect(kim(['import', fixture(imported, 'rosters/probolinggo_excel_cp1252.csv')], { cwd: imported, env }).code).toBe(0);
  const first = kimJson<Report>(['validate'], { cwd: imported, env });
  expect(first.code).toBe(1);
  // Before the follow-up file, Kedopok Sehati has no SK number.
  expect(pairs(first.json)).toContain('KIM Kedopok Sehati: LEG-SK-MISSING');
  expect(kim(['import', fixture(imported, 'rosters/probolinggo_susulan_utf8bom.csv')], { cwd: imported, env }).code).toBe(0);
});

describe('kim validate on the sample rosters', () => {
  it('finds exactly the problems the rosters README lists, and none on the clean KIMs', () => {
    const r = kimJson<Report>(['validate'], { cwd: copyOfImported(), env });
    expect(r.code).toBe(1);
    expect(pairs(r.json)).toEqual([
      'KIM Mayangan Bahari: ADM-ASN',
      'KIM Sumber Informasi: ADM-PARTY',
      'KIM Triwung Cerdas: ADM-ROLES',
      'KIM Jati Mandiri: DAT-NIK',
    ]);
    expect(r.json.summary).toEqual({ communities: 7, officers: 42, errors: 4, warnings: 0, compliant: 3 });
    const byRule = Object.fromEntries(r.json.findings.map((f) => [f.rule, f]));
    expect(byRule['ADM-ASN']).toMatchObject({ officer: { name: 'Hadi Wibowo' }, field: 'occupation', value: 'PNS Dinas Pendidikan' });
    expect(byRule['ADM-PARTY']).toMatchObject({ officer: { name: 'Wahyu Prasetyo' }, field: 'party', value: 'PDI Perjuangan' });
    expect(byRule['ADM-ROLES']!.message).toContain('sekretaris');
    expect(byRule['DAT-NIK']).toMatchObject({ officer: { name: 'Sulastri Purnomo' }, field: 'nik' });
    expect(byRule['DAT-NIK']!.message).toMatch(/scientific notation/);
  });

  it('prints the contract JSON shape, with NIKs masked', () => {
    const r = kimJson<Report>(['validate'], { cwd: copyOfImported(), env });
    expect(Object.keys(r.json)).toEqual(['summary', 'findings']);
    for (const f of r.json.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'category', 'community', 'officer', 'field', 'value', 'message']);
      expect(Object.keys(f.community)).toEqual(['id', 'name', 'number']);
      if (f.officer) {
        expect(Object.keys(f.officer)).toEqual(['id', 'name', 'nik']);
        expect(f.officer.nik).toContain('*');
      }
    }
    expect(r.stderr).toBe('');
  });

  it('limits the check to named KIMs, exits 0 when they have no error, and refuses an unknown one', () => {
    const dir = copyOfImported();
    const clean = kimJson<Report>(['validate', 'KIM Kanigaran Bersinar', 'Ketapang Guyub'], { cwd: dir, env });
    expect(clean.code).toBe(0);
    expect(clean.json.summary).toMatchObject({ communities: 2, officers: 12, errors: 0, compliant: 2 });
    const unknown = kim(['validate', 'KIM Tidak Ada'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/No KIM "KIM Tidak Ada"/);
  });

  it('checks one district with --district, and names the districts when it does not know one', () => {
    const dir = copyOfImported();
    const r = kimJson<Report>(['validate', '--district', 'Kademangan'], { cwd: dir, env });
    expect(pairs(r.json)).toEqual(['KIM Triwung Cerdas: ADM-ROLES']);
    expect(r.json.summary.communities).toBe(2);
    const bad = kim(['validate', '--district', 'Atlantis'], { cwd: dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/No district "Atlantis".*Kanigaran/);
  });

  it('gives one CSV row per finding and a table grouped by community', () => {
    const dir = copyOfImported();
    const csv = kim(['validate', '--format', 'csv'], { cwd: dir, env });
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('rule,severity,category,community_id,community,community_number,officer_id,officer,nik,field,value,message');
    expect(lines).toHaveLength(5);
    const table = kim(['validate'], { cwd: dir, env });
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/KIM Mayangan Bahari \(id \d+\) — not compliant/);
    expect(table.stdout).toContain('Hadi Wibowo');
    expect(table.stdout).not.toContain('Kanigaran Bersinar');
    expect(table.stdout).toMatch(/7 KIMs checked, 42 officers: 4 errors, 0 warnings\. 3 of 7 KIMs compliant/);
  });

  // The table is for people: severity and field in their words; CSV and JSON keep the codes.
  it.each([
    ['id', /│ galat +│ ADM-ASN +│ Hadi Wibowo .*│ pekerjaan +│ PNS Dinas Pendidikan/, /│ galat +│ ADM-PARTY +│ .*│ partai politik +│/],
    ['en', /│ error +│ ADM-ASN +│ Hadi Wibowo .*│ occupation +│ PNS Dinas Pendidikan/, /│ error +│ ADM-PARTY +│ .*│ political party +│/],
  ])('names the severity and the field in the table in %s', (lang, asn, party) => {
    const dir = copyOfImported();
    const table = kim(['--lang', lang, '--no-color', 'validate'], { cwd: dir, env });
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(asn);
    expect(table.stdout).toMatch(party);
    const { json } = kimJson<Report>(['--lang', lang, 'validate'], { cwd: dir, env });
    expect(json.findings.find((f) => f.rule === 'ADM-ASN')).toMatchObject({ severity: 'error', field: 'occupation' });
  });
});

describe('kim config changes what kim validate reports', () => {
  it('a bound: a minimum of 7 officers warns about every six-officer KIM; --severity error hides the warnings', () => {
    const dir = copyOfImported();
    expect(kim(['config', 'set', 'rules.ADM-SIZE.min', '7'], { cwd: dir, env }).code).toBe(0);
    const r = kimJson<Report>(['validate'], { cwd: dir, env });
    expect(r.json.summary).toMatchObject({ errors: 4, warnings: 7 });
    expect(r.json.findings.filter((f) => f.rule === 'ADM-SIZE').every((f) => f.severity === 'warning')).toBe(true);
    const errorsOnly = kimJson<Report>(['validate', '--severity', 'error'], { cwd: dir, env });
    expect(errorsOnly.code).toBe(1);
    expect(errorsOnly.json.findings.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error']);
  });

  it('a severity: ADM-ROLES as a warning makes Triwung Cerdas compliant; with every error switched off the exit is 0', () => {
    const dir = copyOfImported();
    expect(kim(['config', 'set', 'rules.ADM-ROLES.severity', 'warning'], { cwd: dir, env }).code).toBe(0);
    const r = kimJson<Report>(['validate'], { cwd: dir, env });
    expect(r.json.summary).toMatchObject({ errors: 3, warnings: 1, compliant: 4 });
    for (const code of ['ADM-ASN', 'ADM-PARTY', 'DAT-NIK']) expect(kim(['config', 'set', `rules.${code}.enabled`, 'false'], { cwd: dir, env }).code).toBe(0);
    const after = kimJson<Report>(['validate'], { cwd: dir, env });
    expect(after.code).toBe(0);
    expect(pairs(after.json)).toEqual(['KIM Triwung Cerdas: ADM-ROLES']);
  });

  it('refuses a bad value with exit 2 and says what is accepted, changing nothing', () => {
    const dir = copyOfImported();
    for (const [key, value, says] of [
      ['rules.ADM-ASN.severity', 'fatal', /Use error or warning/],
      ['rules.ADM-SIZE.max', 'banyak', /whole number from 1 to 1000/],
      ['rules.ADM-SIZE.min', '50', /minimum officer count \(50\) is above the maximum \(30\)/],
      ['rules.DAT-PHONE.enabled', 'maybe', /Use true or false/],
      ['rules.NOPE.severity', 'error', /Unknown setting/],
    ] as const) {
      const r = kim(['config', 'set', key, value], { cwd: dir, env });
      expect(r.code, key).toBe(2);
      expect(r.stderr).toMatch(says);
    }
    expect(kimJson(['config', 'get', 'rules.ADM-SIZE.min'], { cwd: dir, env }).json).toMatchObject({ value: 3 });
  });

  it('records every change in the audit log, and unset restores the default', () => {
    const dir = copyOfImported();
    kim(['config', 'set', 'rules.LEG-SK-ISSUER.allowed', 'lurah, kepala desa, camat'], { cwd: dir, env });
    expect(kimJson(['config', 'get', 'rules.LEG-SK-ISSUER.allowed'], { cwd: dir, env }).json.value).toEqual(['lurah', 'kepala desa', 'camat']);
    const unset = kim(['config', 'unset', 'rules.LEG-SK-ISSUER.allowed'], { cwd: dir, env });
    expect(unset.stderr).toMatch(/back to its default: lurah, kepala kelurahan/);
    expect(unset.stdout).toBe('');
    const log = kimJson<{ action: string }[]>(['log', '--action', 'config'], { cwd: dir, env });
    expect(JSON.stringify(log.json)).toMatch(/config\.unset[\s\S]*config\.set|config\.set[\s\S]*config\.unset/);
  });

  it('sets the regency as kim init does, and will not unset it', () => {
    const dir = copyOfImported();
    const set = kim(['config', 'set', 'regency', 'Kota Probolinggo'], { cwd: dir, env });
    expect(set.stderr).toContain('regency = 35.74 (Kota Probolinggo)');
    expect(set.stdout).toBe('');
    expect(kim(['config', 'get', 'regency'], { cwd: dir, env }).stdout.trim()).toBe('35.74');
    expect(kim(['config', 'unset', 'regency'], { cwd: dir, env }).code).toBe(2);
    expect(kim(['config', 'set', 'regency', 'Kabupaten Atlantis'], { cwd: dir, env }).code).toBe(2);
  });
});

describe('kim rules', () => {
  it('lists all 16 rule codes of the contract, even before a database exists', () => {
    const r = kimJson<{ code: string; category: string; severity: string; enabled: boolean; description: string }[]>(['rules'], { cwd: tempDir(), env });
    expect(r.code).toBe(0);
    expect(r.json.map((x) => x.code)).toEqual(ALL_CODES);
    expect(Object.keys(r.json[0]!)).toEqual(['code', 'category', 'severity', 'enabled', 'description']);
    expect(r.json.find((x) => x.code === 'LEG-SK-ISSUER')).toMatchObject({ category: 'legality', severity: 'warning', enabled: true });
  });

  it('names category, severity and state in the table in the clerk\'s language', () => {
    const id = kim(['--lang', 'id', '--no-color', 'rules'], { cwd: tempDir(), env });
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(/│ LEG-SK-ISSUER +│ legalitas +│ peringatan +│ ya +│/);
    expect(id.stdout).toMatch(/│ ADM-ASN +│ administrasi +│ galat +│ ya +│/);
    const en = kim(['--lang', 'en', '--no-color', 'rules'], { cwd: tempDir(), env });
    expect(en.stdout).toMatch(/│ LEG-SK-ISSUER +│ legality +│ warning +│ yes +│/);
  });

  it('shows the office settings in force', () => {
    const dir = copyOfImported();
    kim(['config', 'set', 'rules.DAT-PHONE.severity', 'error'], { cwd: dir, env });
    kim(['config', 'set', 'rules.ADM-AGE.enabled', 'tidak'], { cwd: dir, env });
    const rules = kimJson<{ code: string; severity: string; enabled: boolean }[]>(['rules'], { cwd: dir, env }).json;
    expect(rules.find((x) => x.code === 'DAT-PHONE')!.severity).toBe('error');
    expect(rules.find((x) => x.code === 'ADM-AGE')!.enabled).toBe(false);
  });

  it('explains every rule in kim validate --help, in both languages', () => {
    for (const lang of ['en', 'id']) {
      const help = kim(['--lang', lang, 'validate', '--help'], { cwd: tempDir(), env });
      for (const code of ALL_CODES) expect(help.stdout, `${lang} ${code}`).toContain(code);
    }
  });
});
