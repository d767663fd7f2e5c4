import type { ChalkInstance } from 'chalk';

/**
 * chalk alone ignores NO_COLOR and knows nothing of --no-color or --format json, so the decision is
 * made here, once, per stream.
 */
export function colorEnabled(stream: NodeJS.WritableStream & { isTTY?: boolean }, wanted: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!wanted) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

let chalk: typeof import('chalk') | undefined;

/**
 * Loads chalk, for a command that colours a stream (context.ts colorChoice). Loading it is about
 * 20 ms, a fifth of kim's start-up, which scripts, pipes, CI and --format json do not pay.
 */
export async function loadColor(): Promise<void> {
  chalk ??= await import('chalk');
}

const text = (...parts: unknown[]): string => (parts.length === 1 ? String(parts[0]) : parts.join(' '));

/**
 * What chalk at level 0 does, without chalk: every style, chained or called, gives the text back.
 * `then` stays undefined, so a promise never takes it for one.
 */
const PLAIN = new Proxy(text, {
  get: (_target, prop) => (prop === 'level' ? 0 : typeof prop === 'string' && prop !== 'then' ? PLAIN : undefined),
}) as unknown as ChalkInstance;

export function makeChalk(enabled: boolean): ChalkInstance {
  return enabled && chalk ? new chalk.Chalk({ level: 2 }) : PLAIN;
}
