import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { BIN, ROOT, testEnv } from './cli.js';

export interface PtyStep {
  /** Text to wait for on the screen (escape sequences removed), after the previous step's. */
  expect: string;
  /** Keys to type once it appears: '\r' Enter, '\x1b[B' arrow down, '\x03' Ctrl-C. */
  send?: string;
}

export interface PtyResult {
  code: number | null;
  screen: string;
  error: string | null;
}

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03' } as const;

/**
 * Runs the real bin/kim.js in a pseudo-terminal (python3's pty module: a real TTY, nothing mocked)
 * and types the steps' keys as their text appears. No CI variable: kim must see a terminal.
 */
export function kimInPty(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; steps: PtyStep[]; timeoutSeconds?: number; cols?: number },
): PtyResult {
  const env = testEnv({ TERM: 'xterm-256color', ...options.env });
  const spec = {
    argv: [process.execPath, BIN, ...args],
    cwd: options.cwd,
    env,
    steps: options.steps,
    timeout: options.timeoutSeconds ?? 25,
    cols: options.cols ?? 160,
  };
  const r = spawnSync('python3', [path.join(ROOT, 'test/helpers/pty-drive.py')], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pty driver failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as PtyResult;
}
