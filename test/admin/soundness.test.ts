import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { firstProblem, pageWalk } from '../../src/db/soundness.js';
import { FIXTURES, kim, tempDir } from '../helpers/cli.js';

/**
 * The check of a large file (above 64 MiB) is a walk over its pages. It is tried here on a small
 * file, damaged in the ways a disk or a copy damages one, beside SQLite's own quick_check.
 */
describe('the page walk', () => {
  let good: string;
  let dir: string;
  beforeAll(() => {
    dir = tempDir('kim-walk-');
    expect(kim(['init', '--regency', '35.74'], { cwd: dir }).code).toBe(0);
    for (const f of ['probolinggo_excel_cp1252.csv', 'probolinggo_susulan_utf8bom.csv']) {
      expect(kim(['import', path.join(FIXTURES, 'rosters', f)], { cwd: dir }).code).toBe(0);
    }
    good = path.join(dir, 'kim.sqlite');
  });

  /** A copy of the sound file whose table's (or index's) first page `damage` changes. */
  function damaged(table: string, damage: (page: Buffer) => void): Database.Database {
    const file = path.join(dir, `${table}-${Math.random().toString(36).slice(2)}.sqlite`);
    fs.copyFileSync(good, file);
    const probe = new Database(file, { readonly: true });
    const [root, size] = [probe.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(table) as number, probe.pragma('page_size', { simple: true }) as number];
    probe.close();
    const bytes = fs.readFileSync(file);
    damage(bytes.subarray((root - 1) * size, root * size));
    fs.writeFileSync(file, bytes);
    return new Database(file, { readonly: true });
  }

  it('finds nothing wrong with a sound file', () => {
    const db = new Database(good, { readonly: true });
    expect(pageWalk(db)).toBeNull();
    expect(firstProblem(db)).toBeNull();
    db.close();
  });

  it.each([
    ['a zeroed page', 'officers', (p: Buffer) => p.fill(0), /page \d+ of officers cannot be read/],
    ['garbage over a page', 'communities', (p: Buffer) => p.fill(0xa5), /page \d+ of communities cannot be read/],
    ['64 flipped bytes at the cell pointers', 'audit_log', (p: Buffer) => p.subarray(8, 72).forEach((b, i, a) => (a[i] = b ^ 0xff)), /page \d+ of audit_log cannot be read/],
  ])('finds %s, as quick_check does', (_name, table, damage, said) => {
    const db = damaged(table, damage);
    expect(pageWalk(db)).toMatch(said);
    expect(db.pragma('quick_check', { simple: true })).not.toBe('ok');
    db.close();
  });

  it('finds pages that do not add up: the free list said to hold pages it does not', () => {
    const file = path.join(dir, 'freelist.sqlite');
    fs.copyFileSync(good, file);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt32BE(bytes.readUInt32BE(36) + 3, 36); // the header's count of free pages
    fs.writeFileSync(file, bytes);
    const db = new Database(file, { readonly: true });
    expect(pageWalk(db)).toMatch(/the tables, indexes and free list hold \d+ pages of the file's \d+/);
    expect(db.pragma('quick_check', { simple: true })).not.toBe('ok');
    db.close();
  });
});
