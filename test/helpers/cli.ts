import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/kim.js');
/** The sample rosters shipped with the project (copied from ../shared/rosters). */
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment for a kim under test: English, a known operator, nothing inherited by chance. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', KIM_LANG: 'en', KIM_OPERATOR: 'tester', ...extra };
}

/** Runs the real bin/kim.js, as a user's shell or script would, without a terminal. */
export function kim(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string } & SpawnSyncOptions): RunResult {
  const env = testEnv({ CI: 'true', ...options.env });
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** kim with --format json, parsed. */
export function kimJson<T = any>(args: string[], options: Parameters<typeof kim>[1]): { code: number; json: T; stderr: string } {
  const r = kim([...args, '--format', 'json'], options);
  let json: T;
  try {
    json = JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the caller's afterEach/afterAll if wanted. */
export function tempDir(prefix = 'kim-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A folder for one describe block's large files, removed when the block ends. Call it in the block. */
export function scratchDir(prefix: string): string {
  const dir = tempDir(prefix);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies a bundled fixture into dir and returns its new path. */
export function fixture(dir: string, name: string): string {
  const target = path.join(dir, path.basename(name));
  fs.copyFileSync(path.join(FIXTURES, name), target);
  return target;
}

/**
 * The office of the README's quick start in dir: kim init for Kota Probolinggo, then every bundled
 * sample roster imported (some rows are rejected on purpose: exit 1).
 */
export function sampleOffice(dir: string, env: Record<string, string> = {}): void {
  const init = kim(['init', '--regency', '35.74'], { cwd: dir, env });
  if (init.code !== 0) throw new Error(`kim init failed (${init.code}): ${init.stderr}`);
  const rosters = fs.readdirSync(path.join(FIXTURES, 'rosters')).filter((f) => f.endsWith('.csv'));
  const imported = kim(['import', ...rosters.map((f) => path.join(FIXTURES, 'rosters', f))], { cwd: dir, env });
  if (imported.code > 1) throw new Error(`kim import failed (${imported.code}): ${imported.stderr}`);
}
