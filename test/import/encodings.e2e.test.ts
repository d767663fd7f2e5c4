import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Census } from '../../src/core/roster/encoding.js';
import { FIXTURES, kim, kimJson, tempDir } from '../helpers/cli.js';
import { queryDb } from '../helpers/query.js';
import { csvText, HEADER, officer } from '../helpers/roster.js';

const BAD = Buffer.from([0xd1]); // "Ñ" in windows-1252, pasted into a UTF-8 file
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** A UTF-8 roster (names with ’, é, Ñ) whose second officer's name holds a byte that is not UTF-8. */
function brokenUtf8(bom: boolean): Buffer {
  const rows = [officer(1, { 'Nama Pengurus': 'Siti Mu’awanah' }), officer(2, { 'Nama Pengurus': 'BAD' }), officer(3, { 'Nama Pengurus': 'José Ñoño' })];
  const [before, after] = csvText([HEADER, ...rows]).split('BAD');
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), utf8(before!), utf8('Ahmad '), BAD, utf8('ono'), utf8(after!)]);
}

function importInto(bytes: Buffer, name = 'r.csv') {
  const dir = tempDir('kim-enc-');
  expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
  fs.writeFileSync(path.join(dir, name), bytes);
  const r = kimJson(['import', name], { cwd: dir });
  return { dir, r, names: queryDb<{ name: string }>(dir, `SELECT name FROM officers ORDER BY id`).map((o) => o.name) };
}

describe('an import of a file with bytes its encoding does not allow', () => {
  it.each([
    ['a UTF-8 file', false],
    ['a UTF-8 file with a BOM', true],
  ])('%s with one bad byte stays UTF-8: the row holding it is rejected with "invalid character", the others keep their names', (_kind, bom) => {
    const { r, names } = importInto(brokenUtf8(bom));
    expect(r.code).toBe(1);
    expect(r.json.files[0].encoding).toBe('utf8');
    expect(r.json.rejected).toEqual([{ file: 'r.csv', row: 3, column: 'officer_name', reason: expect.stringMatching(/^invalid character in column "Nama Pengurus"/) }]);
    expect(names).toEqual(['Siti Mu’awanah', 'José Ñoño']);
    expect(names.join('')).not.toMatch(/\uFFFD|Ã/);
  });

  it('a windows-1252 file (no valid UTF-8 sequence at all) stays windows-1252', () => {
    const { r, names } = importInto(fs.readFileSync(path.join(FIXTURES, 'rosters', 'probolinggo_excel_cp1252.csv')));
    expect(r.code).toBe(0);
    expect(r.json.files[0].encoding).toBe('windows-1252');
    expect(names).toContain('Siti Mu’awanah');
  });

  it('whose only row holds the bad byte records no batch, and says so', () => {
    const rows = csvText([HEADER, officer(1, { 'Nama Pengurus': 'BAD' })]).split('BAD');
    const { dir, r } = importInto(Buffer.concat([utf8(rows[0]! + 'José '), BAD, utf8(rows[1]!)]));
    expect(r.code).toBe(1);
    expect(r.json.batch).toBeNull();
    expect(r.json.rejected).toHaveLength(1);
    expect(r.stderr).toMatch(/No row could be imported, so no batch was recorded/);
    expect(queryDb(dir, `SELECT count(*) AS n FROM batches`)).toEqual([{ n: 0 }]);
    expect(kim(['batches', '--format', 'json'], { cwd: dir }).stdout.trim()).toBe('[]');
  });
});

describe('an import of a header with no row under it', () => {
  it('is refused with exit 2, and no batch is recorded', () => {
    const dir = tempDir('kim-enc-');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'kosong.csv'), csvText([HEADER]));
    const r = kim(['import', 'kosong.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/kosong\.csv: there is a header row, but no officer row under it\. Nothing was imported; no batch was recorded\./);
    expect(queryDb(dir, `SELECT count(*) AS n FROM batches`)).toEqual([{ n: 0 }]);
  });
});

describe('utf8Census', () => {
  it.each([
    ['ASCII', utf8('Nama KIM,NIK'), { valid: 0, invalid: 0 }],
    ['valid sequences of 2, 3 and 4 bytes', utf8('é’😀'), { valid: 9, invalid: 0 }],
    ['windows-1252 letters', Buffer.from([0x92, 0xe9, 0x20, 0xd1]), { valid: 0, invalid: 3 }],
    ['a lead byte cut short', Buffer.from([0xe2, 0x80, 0x41]), { valid: 0, invalid: 2 }],
    ['an overlong form', Buffer.from([0xc0, 0xaf]), { valid: 0, invalid: 2 }],
    ['a surrogate', Buffer.from([0xed, 0xa0, 0x80]), { valid: 0, invalid: 3 }],
    ['mostly UTF-8 with one stray byte', Buffer.concat([utf8('Ñoño '), BAD]), { valid: 4, invalid: 1 }],
  ])('counts %s', (_name, bytes, census) => expect(utf8Census(bytes)).toEqual(census));
});
