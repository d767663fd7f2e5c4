import fs from 'node:fs';
import path from 'node:path';
import { RULE_CODES } from '../../src/core/rules/types.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, kim, sampleOffice, scratchDir } from '../helpers/cli.js';

const env = { KIM_TODAY: '2026-01-10' };

describe('--out picks the format from the file name', () => {
  const dir = scratchDir('kim-out-');
  beforeAll(() => {
    sampleOffice(dir, env);
  });

  // [command, file, what the file must start with]
  const CASES: [string[], string, (bytes: Buffer) => void][] = [
    [['report', 'recap', '--year', '2025', '--quarter', '4'], 'rekap.xlsx', (b) => expect(b.subarray(0, 2).toString()).toBe('PK')],
    [['report', 'recap', '--year', '2025', '--quarter', '4'], 'rekap.csv', (b) => expect(b.toString()).toMatch(/^District,Villages,/)],
    [['report', 'recap', '--year', '2025', '--quarter', '4'], 'rekap.md', (b) => expect(b.toString()).toMatch(/^## KIM recap/)],
    [['report', 'recap', '--year', '2025', '--quarter', '4'], 'rekap.json', (b) => expect(JSON.parse(b.toString())).toMatchObject({ year: 2025, quarter: 4 })],
    [['report', 'findings'], 'tindak.xlsx', (b) => expect(b.subarray(0, 2).toString()).toBe('PK')],
    [['list'], 'kim.CSV', (b) => expect(b.toString()).toMatch(/^ID,Number,KIM,/)],
    [['export', 'communities'], 'k.json', (b) => expect(JSON.parse(b.toString())[0]).toHaveProperty('villageCode')],
    [['export', 'officers'], 'p.xlsx', (b) => expect(b.subarray(0, 2).toString()).toBe('PK')],
    [['validate'], 'temuan.csv', (b) => expect(b.toString()).toMatch(/^rule,severity,/)],
    [['rules'], 'aturan.json', (b) => expect(JSON.parse(b.toString())).toHaveLength(RULE_CODES.length)],
    [['batches'], 'batch.md', (b) => expect(b.toString()).toContain('|')],
    // An extension that names no format: the table, as on screen.
    [['report', 'recap', '--year', '2025', '--quarter', '4'], 'rekap.txt', (b) => expect(b.toString()).toContain('Kanigaran')],
  ];

  it.each(CASES)('kim %j --out %s writes that format and says where, in one line on stderr', (args, name, check) => {
    const file = path.join(dir, name);
    const r = kim([...args, '--out', name], { cwd: dir, env });
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(r.stdout).toBe('');
    check(fs.readFileSync(file));
    const written = r.stderr.split('\n').filter((line) => line.includes(file));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^(Written to|\d+ records written to) /);
  });

  it.each([
    [['report', 'recap', '--year', '2025', '--quarter', '4', '--format', 'csv', '--out', 'r.xlsx'], /--format csv contradicts the file name .*r\.xlsx, which asks for xlsx/],
    [['export', 'communities', '--format', 'json', '--out', 'k.csv'], /--format json contradicts the file name .*k\.csv, which asks for csv/],
    [['report', 'recap', '--year', '2025', '--quarter', '4', '--format', 'table', '--out', 'r.md'], /--format table contradicts/],
    [['validate', '--out', 'v.xlsx'], /The file name .*v\.xlsx asks for the xlsx format, which this command cannot write\. Use another extension, or --format: table, json, csv/],
  ])('kim %j is a usage error (exit 2) and writes nothing', (args, message) => {
    const before = fs.readdirSync(dir);
    const r = kim(args, { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.readdirSync(dir)).toEqual(before);
  });

  it('names the missing folder, never the temporary file or the system code', () => {
    for (const args of [['report', 'recap', '--year', '2025', '--quarter', '4'], ['export', 'officers'], ['report', 'findings']]) {
      const r = kim([...args, '--out', 'nowhere/r.csv'], { cwd: dir, env });
      expect(r.code).toBe(2);
      // The target is checked before anything is done, and named by its folder.
      expect(r.stderr).toBe(`Error: The folder ${path.join(dir, 'nowhere')} does not exist. Create it first or choose another destination. Nothing was changed.\n`);
    }
    const r = kim(['list', '--out', '.'], { cwd: dir, env });
    expect(r.stderr).toMatch(/is a folder\. Give the name of a file in it/);
    expect(r.stderr).not.toMatch(/\.tmp|ENOENT|EISDIR/);
  });
});

describe('notices go to stderr, data to stdout', () => {
  it('kim init, config set, end and undo print only data on stdout: nothing, or their JSON', () => {
    const dir = scratchDir('kim-notices-');
    const steps: [string[], RegExp][] = [
      [['init', '--regency', '35.74'], /Database ready: .*\nOffice regency: 35\.74 Kota Probolinggo/],
      [['import', path.join(FIXTURES, 'rosters/probolinggo_excel_cp1252.csv')], /Saved as batch 1/],
      [['config', 'set', 'rules.ADM-SIZE.max', '25'], /rules\.ADM-SIZE\.max = 25/],
      [['end', '1', '--reason', 'Bubar', '--date', '01/01/2026'], /recorded as ended on 2026-01-01/],
      [['undo', '1', '--yes'], /cannot be undone|undone/],
    ];
    for (const [args, notice] of steps) {
      const r = kim(args, { cwd: dir, env });
      expect(r.code, r.stderr).toBeLessThan(3);
      expect(r.stderr).toMatch(notice);
      if (args[0] !== 'import') expect(r.stdout).toBe('');
    }
    const json = kim(['init', '--format', 'json'], { cwd: dir, env });
    expect(JSON.parse(json.stdout)).toMatchObject({ regency: { code: '35.74' } });
    expect(json.stderr).toBe('');
  });
});
