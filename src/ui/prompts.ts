import fs from 'node:fs';
import type { Context } from '../context.js';
import { usageError, type KimError } from '../errors.js';

/**
 * Asks yes/no on a terminal. --yes answers for the user; without a terminal (pipes, CI) there is
 * nobody to ask, so the command stops with exit 2 and names --yes (or says `noTerminal`) rather
 * than hang. Ctrl-C at the question is a no.
 */
export async function confirmAction(ctx: Context, message: string, noTerminal?: KimError): Promise<boolean> {
  if (ctx.yes) return true;
  if (!ctx.interactive) throw noTerminal ?? usageError('error.needsYes');
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({ message, default: false }, { output: ctx.io.stderr as NodeJS.WritableStream });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') return false;
    throw error;
  }
}

/**
 * May `target` be written? Yes when it does not exist; otherwise the clerk is asked (or --yes
 * answers), and without a terminal the command stops with exit 2 naming --yes: an existing
 * report, export or backup is never replaced by accident.
 */
export async function confirmOverwrite(ctx: Context, target: string): Promise<boolean> {
  if (!fs.existsSync(target)) return true;
  return confirmAction(ctx, ctx.t('target.confirmOverwrite', { path: target }), usageError('target.exists', { path: target }));
}
