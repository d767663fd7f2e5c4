import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, kim, tempDir } from '../helpers/cli.js';
import { databaseBytes, STACK_LINE } from './processes.js';

const SAMPLES = ['probolinggo_excel_cp1252.csv', 'probolinggo_susulan_utf8bom.csv'].map((f) => path.join(FIXTURES, 'rosters', f));
const env = { KIM_TODAY: '2026-01-10' };

/** The page where a table or index starts, and the page size. */
function rootPage(file: string, name: string): { page: number; size: number } {
  const db = new Database(file, { readonly: true });
  try {
    return { page: db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(name) as number, size: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/** Flips 64 bytes of a table's first page, `from` bytes into it. */
function flip(file: string, table: string, from: (pageSize: number) => number): void {
  const { page, size } = rootPage(file, table);
  const bytes = fs.readFileSync(file);
  const at = (page - 1) * size + from(size);
  for (let i = 0; i < 64; i++) bytes[at + i] ^= 0xff;
  fs.writeFileSync(file, bytes);
}

/**
 * Kinds of damage a disk or a careless copy does. The first two hit the history of changes, a
 * table no command reads on its way to writing, so only a check before the write can see them;
 * the third changes the content of a KIM's row (its name and district code) but not the page's
 * structure, so that its row no longer agrees with the indexes.
 */
const DAMAGE: [string, (file: string) => void][] = [
  [
    'a zeroed page',
    (file) => {
      const { page, size } = rootPage(file, 'changes');
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(size), 0, size, (page - 1) * size);
      fs.closeSync(fd);
    },
  ],
  ['64 flipped bytes', (file) => flip(file, 'changes', () => 8)],
  ['64 flipped bytes inside a row', (file) => flip(file, 'communities', (size) => size - 192)],
];

/** Every command that writes to the database, each with something real to do. */
const WRITERS: string[][] = [
  ['import', SAMPLES[1]!],
  ['validate'],
  ['number'],
  ['number', '--revoke', '1', '--reason', 'SK dicabut'],
  ['config', 'set', 'rules.ADM-SIZE.max', '25'],
  ['config', 'unset', 'rules.ADM-SIZE.min'],
  ['init', '--office', 'Diskominfo Kota Probolinggo'],
  ['end', '2', '--reason', 'Bubar'],
  ['edit', 'officer', '1', '--occupation', 'Petani'],
  ['edit', 'community', '2', '--sk-issuer', 'Lurah'],
  ['undo', '2', '--yes'],
  ['export', 'officers', '--include-nik'],
];

describe('a damaged database', () => {
  let good: string;
  beforeAll(() => {
    const dir = tempDir('kim-damaged-');
    const run = (args: string[]) => kim(args, { cwd: dir, env });
    expect(run(['init', '--regency', '35.74']).code).toBe(0);
    expect(run(['import', SAMPLES[0]!]).code).toBe(0);
    expect(run(['config', 'set', 'rules.ADM-SIZE.min', '2']).code).toBe(0);
    // Batch 2 changes officers of batch 1, so the history of changes has rows.
    expect(run(['import', SAMPLES[1]!]).code).toBe(0);
    expect(run(['validate']).code).toBe(1);
    expect(run(['number']).code).toBe(0);
    good = path.join(dir, 'kim.sqlite');
    for (const [kind, damage] of DAMAGE) {
      const copy = path.join(dir, 'probe.sqlite');
      fs.copyFileSync(good, copy);
      damage(copy);
      // The damage is real: `kim check` sees it.
      expect(kim(['--db', copy, 'check'], { cwd: dir, env }).code).toBe(3);
      const db = new Database(copy, { readonly: true });
      // Damage inside a row leaves the structure whole: only the comparison with the indexes finds it.
      expect(db.pragma('quick_check', { simple: true }) === 'ok', kind).toBe(kind.endsWith('inside a row'));
      db.close();
    }
  });

  describe.each(DAMAGE)('with %s', (_kind, damage) => {
    it.each(WRITERS.map((args) => [args.join(' '), args]))('refuses `kim %s` with exit 3 and `kim check`’s sentence, changing nothing', (_name, args) => {
      const dir = tempDir('kim-damaged-');
      const file = path.join(dir, 'kim.sqlite');
      fs.copyFileSync(good, file);
      damage(file);
      const before = databaseBytes(file);
      const check = kim(['check'], { cwd: dir, env });
      const r = kim(args as string[], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/The database .*kim\.sqlite is damaged \(.+\)\. Stop using it, set this file aside and restore the latest backup/);
      // The very sentence `kim check` ends with, whatever SQLite found first.
      expect(check.stderr.replace(/\(.*\)/, '()')).toContain(r.stderr.replace(/^Error: /, '').replace(/\(.*\)/, '()').trim());
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(databaseBytes(file)).toBe(before);
    });
  });

  it('lets the commands that only read go on reading what can be read', () => {
    const dir = tempDir('kim-damaged-');
    const file = path.join(dir, 'kim.sqlite');
    fs.copyFileSync(good, file);
    DAMAGE[0]![1](file);
    expect(kim(['rules'], { cwd: dir, env }).code).toBe(0);
    expect(kim(['batches'], { cwd: dir, env }).code).toBe(0);
    expect(kim(['log'], { cwd: dir, env }).code).toBe(0);
  });
});
