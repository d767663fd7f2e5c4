import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { renderCsv } from './render/csv.js';
import type { Dataset } from './render/dataset.js';
import { renderMarkdown } from './render/markdown.js';
import { renderTable } from './render/table.js';
import { writeXlsx } from './render/xlsx.js';
import { writeFileAtomic, writeViaTemporary } from '../files.js';

/**
 * Writes data to --out or stdout. A file is written beside its target and renamed into place,
 * so a reader never sees half a report; the clerk is told where it went.
 */
export function writeData(ctx: Context, text: string | Buffer): void {
  if (!ctx.out) {
    ctx.io.stdout.write(text);
    return;
  }
  writeFileAtomic(ctx.out, text);
  ctx.notice(ctx.t('output.written', { path: ctx.out }));
}

export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Emits a dataset in the chosen --format. `json` is the command's own document (the contract's
 * shape), not the dataset, so the caller passes it.
 */
export async function emit(ctx: Context, data: Dataset, json: unknown, options: { excel?: boolean; emptyText?: string; sheet?: string } = {}): Promise<void> {
  switch (ctx.format) {
    case 'json':
      return writeData(ctx, renderJson(json));
    case 'csv':
      return writeData(ctx, renderCsv(data, { excel: options.excel }));
    case 'md':
      return writeData(ctx, renderMarkdown(data));
    case 'xlsx': {
      if (!ctx.out) throw usageError('error.xlsxNeedsOut');
      await writeViaTemporary(ctx.out, (tmp) => writeXlsx(data, tmp, options.sheet));
      return ctx.notice(ctx.t('output.written', { path: ctx.out }));
    }
    default:
      return writeData(ctx, renderTable(data, ctx.color, { emptyText: options.emptyText, width: ctx.width }));
  }
}
