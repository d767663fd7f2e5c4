import type { Context } from '../context.js';
import { usageError } from '../errors.js';

/**
 * Asks yes/no on a terminal. --yes answers for the user; without a terminal (pipes, CI) there is
 * nobody to ask, so the command stops with exit 2 and names --yes rather than hang.
 */
export async function confirmAction(ctx: Context, message: string): Promise<boolean> {
  if (ctx.yes) return true;
  if (!ctx.interactive) throw usageError('error.needsYes');
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({ message, default: false }, { output: ctx.io.stderr as NodeJS.WritableStream });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') return false;
    throw error;
  }
}
