import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { renderCsv } from './render/csv.js';
import type { Dataset } from './render/dataset.js';
import { renderMarkdown } from './render/markdown.js';
import { renderTable } from './render/table.js';
import { writeXlsx } from './render/xlsx.js';

/**
 * Writes data to --out or stdout. A file is written beside its target and renamed into place,
 * so a reader never sees half a report.
 */
export function writeData(ctx: Context, text: string | Buffer): void {
  if (!ctx.out) {
    ctx.io.stdout.write(text);
    return;
  }
  writeFileAtomic(ctx.out, text);
}

/**
 * What kim writes to a file names people (officers, birth dates, phones, in a rejects file whole
 * NIKs), so like the database it is readable by its owner only, whatever the umask.
 */
export const DATA_FILE_MODE = 0o600;

export function writeFileAtomic(file: string, data: string | Buffer, mode = DATA_FILE_MODE): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { mode });
    fs.renameSync(tmp, file);
  } catch (cause) {
    fs.rmSync(tmp, { force: true });
    throw usageError('error.outWrite', { path: file, reason: (cause as Error).message }, cause);
  }
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
      const tmp = path.join(path.dirname(ctx.out), `.${path.basename(ctx.out)}.${process.pid}.tmp`);
      try {
        // Created private before exceljs writes into it (it keeps an existing file's mode).
        fs.writeFileSync(tmp, '', { mode: DATA_FILE_MODE });
        await writeXlsx(data, tmp, options.sheet);
        fs.renameSync(tmp, ctx.out);
      } catch (cause) {
        fs.rmSync(tmp, { force: true });
        throw usageError('error.outWrite', { path: ctx.out, reason: (cause as Error).message }, cause);
      }
      return;
    }
    default:
      return writeData(ctx, renderTable(data, ctx.color, { emptyText: options.emptyText }));
  }
}
