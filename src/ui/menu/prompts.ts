import type { Context } from '../../context.js';
import { usageError } from '../../errors.js';

export interface Choice<T> {
  value: T;
  name: string;
  description?: string;
  /** Shown but not selectable; a string says why. */
  disabled?: boolean | string;
}

/** A heading between choices (a kecamatan in the review list). */
export interface Heading {
  separator: string;
}

export type Entry<T> = Choice<T> | Heading;

export const isHeading = <T>(e: Entry<T>): e is Heading => 'separator' in e;

/**
 * The only questions the desk ever asks. The menu takes them as a parameter, so that tests drive
 * the whole workflow with a scripted fake while `kim` itself asks through @inquirer/prompts.
 * Esc answers undefined (the clerk goes back; a confirmation takes it as no). When the clerk
 * presses Ctrl-C, every method rejects with an error `isPromptExit` recognises.
 */
export interface Prompts {
  select<T>(message: string, entries: Entry<T>[], options?: { default?: T }): Promise<T | undefined>;
  /** `validate` returns an error sentence, or null when the value is acceptable; an empty answer is never refused. */
  input(message: string, options?: { default?: string; validate?: (value: string) => string | null }): Promise<string | undefined>;
  /** A yes/no question whose answer is no unless the clerk says yes. */
  confirm(message: string): Promise<boolean>;
}

/** Ctrl-C inside a prompt: @inquirer's ExitPromptError (also the fake's). */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

/**
 * Runs one @inquirer prompt that Esc cancels: readline reports a lone Esc as the key 'escape'
 * (after a short wait, to tell it from the start of an arrow key), which aborts the prompt.
 */
async function escapable<T>(stdin: NodeJS.ReadStream, ask: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  const controller = new AbortController();
  const onKey = (_text: string, key?: { name?: string }) => {
    if (key?.name === 'escape') controller.abort();
  };
  stdin.on('keypress', onKey);
  try {
    return await ask(controller.signal);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortPromptError') return undefined;
    throw error;
  } finally {
    stdin.off('keypress', onKey);
  }
}

/**
 * The real prompts, on the terminal. Refuses to exist without one: no command may wait for input
 * in a pipe or in CI (the menu is only opened in a terminal, so this is a second guard).
 */
export async function terminalPrompts(ctx: Context): Promise<Prompts> {
  if (!ctx.interactive) throw usageError('error.needsYes');
  const inquirer = await import('@inquirer/prompts');
  const io = (signal: AbortSignal) => ({ input: process.stdin, output: ctx.io.stdout, signal });
  const t = ctx.t;
  const keys = (pairs: [string, string][]) => pairs.map(([k, a]) => `${k} ${a}`).join(' • ');
  const theme = {
    style: { keysHelpTip: () => keys([['↑↓', t('menu.keys.move')], ['⏎', t('menu.keys.choose')], ['Esc', t('menu.keys.back')], ['Ctrl-C', t('menu.keys.quit')]]) },
  };
  return {
    select: <T>(message: string, entries: Entry<T>[], options?: { default?: T }) =>
      escapable(process.stdin, (signal) =>
        inquirer.select<T>(
          {
            message,
            choices: entries.map((e) => (isHeading(e) ? new inquirer.Separator(e.separator) : e)),
            default: options?.default,
            pageSize: 15,
            loop: false,
            theme,
          },
          io(signal),
        ),
      ),
    input: (message, options) =>
      escapable(process.stdin, (signal) =>
        inquirer.input(
          {
            message,
            default: options?.default,
            // An empty answer goes back: the desk decides, the prompt never refuses it.
            validate: options?.validate ? (v: string) => (v.trim() === '' ? true : options.validate!(v) ?? true) : undefined,
          },
          io(signal),
        ),
      ),
    // --yes answers for the clerk here too, as confirmAction does for the commands.
    confirm: async (message) =>
      ctx.yes ||
      ((await escapable(process.stdin, (signal) =>
        inquirer.confirm(
          {
            message,
            default: false,
            transformer: (yes: boolean) => t(yes ? 'word.yes' : 'word.no'),
            theme: { style: { defaultAnswer: () => t('menu.confirmHint') } },
          },
          io(signal),
        ),
      )) ??
        false),
  };
}
