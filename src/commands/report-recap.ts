import type { Context } from '../context.js';

// PLACEHOLDER: replaced by the issue that implements this command.
export async function run(_ctx: Context, _args: string[], _opts: Record<string, unknown>): Promise<number> {
  throw new Error('not implemented yet');
}
