import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { kim, kimJson } from '../helpers/cli.js';
import { seedDb } from '../helpers/db.js';
import { communityIn, importNumber } from './seed.js';

function database() {
  const { db, file, dir } = seedDb();
  const a = communityIn(db, 'KIM Kanigaran Bersinar', '35.74.04.1003');
  importNumber(db, a, '35.74.04.1003.01');
  communityIn(db, 'KIM Tanpa Nomor', '35.74.04.1001');
  db.close();
  const env = { KIM_DB: file, KIM_TODAY: '2025-10-14' };
  return { file, dir, env };
}

describe('kim end', () => {
  it('records the end with its date and reason, keeps the number, and prints JSON', () => {
    const { file, dir, env } = database();
    const r = kimJson(['end', 'Kanigaran Bersinar', '--reason', 'Bubar, pengurus pindah', '--date', '30 September 2025'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.json).toEqual({
      community: { id: 1, name: 'KIM Kanigaran Bersinar', number: '35.74.04.1003.01' },
      endedAt: '2025-09-30',
      reason: 'Bubar, pengurus pindah',
    });
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT ended_at, end_reason, number FROM communities WHERE id = 1`).get()).toEqual({
      ended_at: '2025-09-30',
      end_reason: 'Bubar, pengurus pindah',
      number: '35.74.04.1003.01',
    });
    expect(db.prepare(`SELECT operator FROM audit_log WHERE action = 'community.end'`).pluck().all()).toEqual(['tester']);
    db.close();
  });

  it('defaults the date to today and says so in a sentence for people', () => {
    const { dir, env } = database();
    const r = kim(['end', '2', '--reason', 'Tidak aktif'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('KIM Tanpa Nomor (id 2) recorded as ended on 2025-10-14: Tidak aktif.\n');
    expect(r.stdout).toBe('');
  });

  it.each([
    [['end', '1', '--reason', 'Bubar', '--date', '31/02/2025'], /The date "31\/02\/2025" is not a real date: no such day exists/],
    [['end', '1', '--reason', 'Bubar', '--date', '29/02/2025'], /The date "29\/02\/2025" is not a real date/],
    [['end', '1', '--reason', 'Bubar', '--date', '2025-13-01'], /The date "2025-13-01" is not a real date/],
    [['end', '1', '--reason', 'Bubar', '--date', '31 Juni 2025'], /The date "31 Juni 2025" is not a real date/],
    [['end', '1', '--reason', 'Bubar', '--date', 'kemarin'], /Date "kemarin" is not recognised/],
    [['end', '1', '--reason', 'Bubar', '--date', '2025-10-15'], /The end date 2025-10-15 is after today \(2025-10-14\)/],
    [['end', '1', '--reason', '   '], /Give a reason with --reason/],
    [['end', '1'], /The option --reason <text> is required/],
    [['end', 'KIM Tidak Ada', '--reason', 'x'], /No KIM "KIM Tidak Ada"/],
  ])('refuses %j with exit 2, changing nothing', (args, message) => {
    const { file, dir, env } = database();
    const r = kim(args, { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM communities WHERE ended_at IS NOT NULL`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuses to end a community twice, naming the first date', () => {
    const { dir, env } = database();
    expect(kim(['end', '1', '--reason', 'Bubar', '--date', '01/09/2025'], { cwd: dir, env }).code).toBe(0);
    const r = kim(['end', '1', '--reason', 'Bubar lagi'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('KIM Kanigaran Bersinar (id 1) was already recorded as ended on 2025-09-01. Nothing was changed.');
  });
});
