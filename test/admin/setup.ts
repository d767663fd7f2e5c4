import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BIN, kim, tempDir, type RunResult } from '../helpers/cli.js';
import { addCommunity, addOfficer } from '../helpers/db.js';

/** A kim database made the way a clerk makes it, plus two KIMs with officers written directly. */
export function initDb(options: { operator?: string } = {}): { dir: string; file: string } {
  const dir = tempDir('kim-admin-');
  const r = kim(['init', '--regency', '35.74', ...(options.operator ? ['--operator', options.operator] : [])], { cwd: dir });
  if (r.code !== 0) throw new Error(`kim init failed (${r.code}): ${r.stderr}`);
  const file = path.join(dir, 'kim.sqlite');
  const db = new Database(file);
  db.transaction(() => {
    const a = addCommunity(db, { name: 'KIM Kanigaran Bersinar', district_code: '35.74.04', village_code: '35.74.04.1004' });
    addOfficer(db, a, { name: 'Imam Kusuma', role: 'Ketua', nik: '3574041112730101' });
    addOfficer(db, a, { name: 'Siti Mu’awanah', role: 'Sekretaris', nik: '3574045506850102' });
    const b = addCommunity(db, { name: 'KIM Kedopok Sehati', district_text: 'Kedopok', village_text: 'Jrebeng Kulon' });
    addOfficer(db, b, { name: 'Wahyu Hariyanto', role: 'Ketua', nik: '3574050703800119' });
  })();
  db.close();
  return { dir, file };
}

/** Every row of every table, in a stable order, to compare a copy with its original. */
export function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    // The schema too: an import drops and rebuilds an index inside its transaction.
    const schema = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`).all();
    return { '(schema)': schema, ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()])) };
  } finally {
    db.close();
  }
}

/** bin/kim.js run in the background, for tests that must act while it runs. */
export function kimInBackground(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<RunResult> {
  const env = { ...process.env, KIM_LANG: 'en', KIM_OPERATOR: 'tester', CI: 'true', KIM_DB: '', ...options.env };
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
