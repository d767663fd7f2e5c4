import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, type RunResult } from '../helpers/cli.js';
import { seedDb } from '../helpers/db.js';
import { addCompliantCommunity, importNumber } from './seed.js';

const VILLAGES = ['35.74.04.1003', '35.74.03.1007', '35.74.01.1001', '35.74.05.1005'];

/** Runs the real bin/kim.js without waiting, so that several run at the same moment. */
function kimAsync(args: string[], env: Record<string, string>, cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', KIM_LANG: 'en', CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('several kim number processes on one database at once', () => {
  it('give every KIM exactly one number, never one number twice, and all succeed', async () => {
    const { db, file, dir } = seedDb();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(addCompliantCommunity(db, `KIM Serentak ${i + 1}`, VILLAGES[i % VILLAGES.length]!, i + 1));
    // Numbers from an office's old spreadsheet, inside the sequences the processes will fill.
    importNumber(db, ids[0]!, '35.74.04.1003.03');
    importNumber(db, ids[1]!, '35.74.03.1007.01');
    importNumber(db, ids[2]!, '35.74.01.1001.07');
    db.close();

    const env = { KIM_DB: file, KIM_TODAY: '2025-10-14', KIM_BUSY_TIMEOUT: '60000' };
    const named = (from: number) => ids.slice(from, from + 20).map(String);
    const runs = await Promise.all([
      kimAsync(['number', '--format', 'json', '--operator', 'clerk-1'], env, dir),
      kimAsync(['number', '--format', 'json', '--operator', 'clerk-2'], env, dir),
      kimAsync(['number', '--format', 'json', '--operator', 'clerk-3'], env, dir),
      kimAsync(['number', '--format', 'json', '--operator', 'clerk-4'], env, dir),
      kimAsync(['number', ...named(10), '--format', 'json', '--operator', 'clerk-5'], env, dir),
      kimAsync(['number', ...named(35), '--format', 'json', '--operator', 'clerk-6'], env, dir),
    ]);

    for (const r of runs) expect({ code: r.code, stderr: r.stderr.includes('Error') ? r.stderr : '' }).toEqual({ code: 0, stderr: '' });
    const given = runs.flatMap((r) => (JSON.parse(r.stdout) as { assigned: { community: { id: number }; number: string }[] }).assigned);
    // Each of the 57 unnumbered KIMs was given a number by exactly one process.
    expect(given).toHaveLength(57);
    expect(new Set(given.map((g) => g.community.id)).size).toBe(57);
    expect(new Set(given.map((g) => g.number)).size).toBe(57);

    const check = new Database(file, { readonly: true });
    const rows = check.prepare(`SELECT id, village_code, number FROM communities ORDER BY id`).all() as {
      id: number;
      village_code: string;
      number: string | null;
    }[];
    expect(rows.filter((r) => r.number === null)).toEqual([]);
    expect(new Set(rows.map((r) => r.number)).size).toBe(60);
    // Per village the numbers are exactly .01 to .15: no gap, no duplicate, imported ones kept.
    for (const village of VILLAGES) {
      const numbers = rows.filter((r) => r.village_code === village).map((r) => r.number).sort();
      expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => `${village}.${String(i + 1).padStart(2, '0')}`));
    }
    expect(check.prepare(`SELECT count(*) FROM numbers`).pluck().get()).toBe(60);
    expect(check.prepare(`SELECT count(*) FROM audit_log WHERE action = 'number.assign'`).pluck().get()).toBe(57);
    check.close();
  });
});
