import { Chalk, type ChalkInstance } from 'chalk';

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

export function makeChalk(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 2 : 0 });
}
