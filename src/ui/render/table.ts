import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';
import type TableType from 'cli-table3';
import { cellText, type Dataset } from './dataset.js';

// Loaded when a table is drawn: JSON, CSV and file outputs start without it.
const require = createRequire(import.meta.url);

/** A terminal table (cli-table3). Colour comes from the caller's chalk, so NO_COLOR holds. */
export function renderTable(data: Dataset, color: ChalkInstance, options: { emptyText?: string } = {}): string {
  if (data.rows.length === 0 && !data.total && options.emptyText) return (data.title ? color.bold(data.title) + '\n' : '') + options.emptyText + '\n';
  const Table = require('cli-table3') as typeof TableType;
  const table = new Table({
    head: data.columns.map((c) => color.bold(c.header)),
    colAligns: data.columns.map((c) => c.align ?? 'left'),
    // cli-table3 sizes a null entry to its content.
    colWidths: data.columns.map((c) => c.tableWidth ?? null) as number[],
    style: { head: [], border: [] },
    wordWrap: true,
  });
  for (const row of data.rows) table.push(data.columns.map((c) => cellText(row[c.key])));
  if (data.total) table.push(data.columns.map((c) => color.bold(cellText(data.total![c.key]))));
  return (data.title ? color.bold(data.title) + '\n' : '') + table.toString() + '\n';
}
