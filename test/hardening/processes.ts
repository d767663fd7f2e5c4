import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { BIN, type RunResult } from '../helpers/cli.js';

/** The environment every background kim gets: no terminal, English, a fixed operator. */
export function kimEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C.UTF-8', KIM_LANG: 'en', KIM_OPERATOR: 'tester', CI: 'true', ...extra };
}

export interface Running {
  child: ChildProcess;
  done: Promise<RunResult & { signal: NodeJS.Signals | null }>;
}

/** bin/kim.js started without waiting for it, so that a test can watch it, race it or kill it. */
export function startKim(args: string[], cwd: string, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: kimEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<RunResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}

/** A stack trace line as Node prints it: what a clerk must never see without --debug. */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;

/**
 * The database's content as bytes: the main file plus whatever WAL frames sit beside it. The -shm
 * is left out on purpose: it is only an index SQLite rebuilds from the WAL, and merely reading
 * the database may touch it.
 */
export function databaseBytes(file: string): string {
  const hash = createHash('sha256').update(fs.readFileSync(file));
  // An empty WAL (SQLite makes one when it opens the file) holds no frames.
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) hash.update('|wal|').update(fs.readFileSync(`${file}-wal`));
  return hash.digest('hex');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
