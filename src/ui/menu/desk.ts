import fs from 'node:fs';
import type { CommandRun } from '../../cli.js';
import type { Context } from '../../context.js';
import type { Db } from '../../db/connection.js';
import { KimError } from '../../errors.js';
import { withDb } from '../../commands/open.js';
import { reportError } from '../../main.js';
import { hasMessage, type MessageKey, type Translate } from '../messages/index.js';
import { isPromptExit, type Entry, type Prompts } from './prompts.js';

/** What every step of the desk works with: the context, the prompts, the screen and the database. */
export interface Desk {
  ctx: Context;
  t: Translate;
  prompts: Prompts;
  /** One line (or block) of text for the clerk, on stdout: the desk is a conversation, not data. */
  say(text?: string): void;
  /** Opens the database for one step and closes it again, so other desks are never kept waiting. */
  db<T>(fn: (db: Db) => T | Promise<T>, options?: { create?: boolean }): Promise<T>;
  hasDb(): boolean;
  /** A list to choose from, "← Back" last; undefined when the clerk goes back (that entry, or Esc). */
  pick<T>(message: string, entries: Entry<T>[], options?: { default?: T }): Promise<T | undefined>;
  /**
   * A typed answer; undefined when the clerk goes back: Esc, or Enter on an empty answer. With
   * `emptyIsAnswer` an empty answer is one (it clears a field); Esc still goes back.
   */
  ask(message: string, options?: { default?: string; validate?: (value: string) => string | null; emptyIsAnswer?: boolean }): Promise<string | undefined>;
}

const BACK = Symbol('back');

/**
 * The desk speaks from its own place: a message with a `.desk` twin in the catalog (one that
 * names a command line, `kim undo 1`) is said with the twin (which names the menu entry).
 */
export function deskContext(ctx: Context): Context {
  const twin = (key: MessageKey) => {
    const desk = `${key}.desk`;
    return hasMessage(desk) ? desk : key;
  };
  return { ...ctx, t: (key, params) => ctx.t(twin(key), params) };
}

export function makeDesk(ctx: Context, prompts: Prompts): Desk {
  return {
    ctx,
    t: ctx.t,
    prompts,
    say: (text = '') => ctx.io.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    db: (fn, options = {}) => withDb(ctx, options, fn),
    hasDb: () => fs.existsSync(ctx.dbPath),
    async pick<T>(message: string, entries: Entry<T>[], options: { default?: T } = {}) {
      const chosen = await prompts.select<T | typeof BACK>(message, [...entries, { value: BACK, name: ctx.t('menu.back') }], options);
      return chosen === BACK ? undefined : (chosen as T | undefined);
    },
    async ask(message, options = {}) {
      const answer = await prompts.input(message, options);
      return answer === undefined || (answer.trim() === '' && !options.emptyIsAnswer) ? undefined : answer;
    },
  };
}

/**
 * Runs one step and keeps the desk open when it fails: the clerk reads the same sentence a
 * command would print and chooses again. Ctrl-C is not a failure: it goes up to the menu, which
 * leaves. Returns undefined when the step failed.
 */
export async function attempt<T>(desk: Desk, step: () => Promise<T>): Promise<T | undefined> {
  try {
    return await step();
  } catch (error) {
    if (isPromptExit(error)) throw error;
    reportError(error, desk.ctx.lang, desk.ctx.debug, desk.ctx.io, desk.ctx.dbPath, desk.t);
    return undefined;
  }
}

/** The sentence of a usage error, for an input prompt to show under the value typed. */
export function problemWith(desk: Desk, check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof KimError) return desk.t(error.key, error.params);
    throw error;
  }
}

/** The existing commands do the work behind several items; the desk only asks their options. */
export async function command(load: () => Promise<unknown>): Promise<{ run: CommandRun }> {
  return (await load()) as { run: CommandRun };
}
