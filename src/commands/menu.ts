import type { Context } from '../context.js';
import { runDesk } from '../ui/menu/menu.js';
import { terminalPrompts } from '../ui/menu/prompts.js';

/** `kim` alone in a terminal: the desk menu (main prints the help instead without one). */
export async function run(ctx: Context, _args: string[], _opts: Record<string, unknown>): Promise<number> {
  return runDesk(ctx, await terminalPrompts(ctx));
}
