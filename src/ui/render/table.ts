import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';
import type TableType from 'cli-table3';
import { renderBlocks, type BlockLines } from './blocks.js';
import { cellText, headingKeys, type Column, type Dataset, type Row } from './dataset.js';
import { cellRoom, fitWidths } from './fit.js';
import { fitText, longestWord, textWidth, wrapText } from './text-width.js';

// Loaded when a table is drawn: JSON, CSV and file outputs start without it.
const require = createRequire(import.meta.url);

/**
 * A word longer than this may be broken inside its column (a path, a long SK number); shorter
 * words keep their column at least as wide as they are.
 */
const BREAKABLE_WORD = 20;

export interface TableOptions {
  emptyText?: string;
  /** The terminal's width; undefined for a pipe or a file, where every row is drawn whole. */
  width?: number;
  /** One row as the lines of its block, for a terminal too narrow for the columns. */
  block?: BlockLines;
  /**
   * The rows the columns are sized by, when several tables print one after the other (the
   * findings of each KIM): they then share their widths and their layout.
   */
  sizeBy?: Row[];
}

interface Sized {
  columns: Column[];
  widths: number[];
}

/**
 * A terminal table (cli-table3) that fits `width`: long cells wrap inside their column. When the
 * columns cannot fit, a dataset of figures (`stack`) is cut into two stacked tables that repeat
 * the row's name; failing that, each row becomes a block of its own. Colour comes from the
 * caller's chalk, so NO_COLOR holds.
 */
export function renderTable(data: Dataset, color: ChalkInstance, options: TableOptions = {}): string {
  const { width } = options;
  const title = data.title ? color.bold(fitText(data.title, width)) + '\n' : '';
  if (data.rows.length === 0 && !data.total && options.emptyText) return title + fitText(options.emptyText, width) + '\n';
  const rows = options.sizeBy ?? (data.total ? [...data.rows, data.total] : data.rows);
  const named = new Set(headingKeys(data));
  const whole = options.sizeBy ? sizedOnce(data.columns, options.sizeBy, width, named) : sized(data.columns, rows, width, named);
  if (whole) return title + draw(data, whole, color);
  const parts = data.stack && width !== undefined ? stacked(data, rows, width, named) : undefined;
  if (parts) return title + parts.map((part) => draw(data, part, color)).join('\n');
  return title + renderBlocks(data, color, width!, options.block);
}

/**
 * Each column's widths, fitted to the room; undefined when the columns cannot fit it. The columns
 * that name a row (`named`) break only at spaces.
 */
function sized(columns: Column[], rows: Row[], width: number | undefined, named: Set<string>): Sized | undefined {
  const natural: number[] = [];
  const minimum: number[] = [];
  // A loop, not Math.max(...cells): a list of a whole province's KIMs would overflow the stack.
  const widestOf = (cells: string[], measure: (text: string) => number) => cells.reduce((w, text) => Math.max(w, measure(text)), 0);
  for (const c of columns) {
    const cells = rows.map((r) => cellText(r[c.key]));
    const widest = Math.max(textWidth(c.header), widestOf(cells, textWidth));
    if (width === undefined) {
      natural.push(c.tableWidth ? Math.min(widest, c.tableWidth) : widest);
      continue;
    }
    // Figures are never broken; a row's name only at its spaces; other text may break a long word.
    const words = widestOf(cells, c.align === 'right' ? textWidth : longestWord);
    const unbroken = c.align === 'right' || named.has(c.key) ? words : Math.min(words, BREAKABLE_WORD);
    const least = Math.min(widest, Math.max(longestWord(c.header), unbroken, 1));
    minimum.push(least);
    natural.push(c.tableWidth ? Math.max(least, Math.min(widest, c.tableWidth)) : widest);
  }
  if (width === undefined) return { columns, widths: natural };
  const widths = fitWidths(natural, minimum, cellRoom(width, columns.length));
  return widths && { columns, widths };
}

/** The layout of tables sized by one set of rows (`sizeBy`), measured once for all of them. */
const sharedLayout = new WeakMap<Row[], { width: number | undefined; layout: Sized | undefined }>();

function sizedOnce(columns: Column[], rows: Row[], width: number | undefined, named: Set<string>): Sized | undefined {
  const known = sharedLayout.get(rows);
  if (known && known.width === width) return known.layout;
  const layout = sized(columns, rows, width, named);
  sharedLayout.set(rows, { width, layout });
  return layout;
}

/** The figures cut in two, each part with the row's name, both fitting; the most even cut wins. */
function stacked(data: Dataset, rows: Row[], width: number, named: Set<string>): Sized[] | undefined {
  const names = data.columns.filter((c) => named.has(c.key));
  const rest = data.columns.filter((c) => !named.has(c.key));
  let best: Sized[] | undefined;
  let bestGap = Infinity;
  for (let cut = 1; cut < rest.length; cut++) {
    const first = sized([...names, ...rest.slice(0, cut)], rows, width, named);
    const second = sized([...names, ...rest.slice(cut)], rows, width, named);
    if (!first || !second) continue;
    const gap = Math.abs(first.widths.reduce((a, b) => a + b, 0) - second.widths.reduce((a, b) => a + b, 0));
    if (gap < bestGap) [best, bestGap] = [[first, second], gap];
  }
  return best;
}

function draw(data: Dataset, { columns, widths }: Sized, color: ChalkInstance): string {
  const Table = require('cli-table3') as typeof TableType;
  // Most cells fit as they are (all of them in a pipe): only the others go through the wrapping.
  const wrap = (text: string, i: number) => (text.length <= widths[i]! ? text : wrapText(text, widths[i]!).join('\n'));
  const line = (row: Row) => columns.map((c, i) => wrap(cellText(row[c.key]), i));
  const body = data.rows.map(line);
  if (data.total) body.push(line(data.total).map((cell) => color.bold(cell)));
  const table = new Table({
    head: columns.map((c, i) => color.bold(wrap(c.header, i))),
    colAligns: columns.map((c) => c.align ?? 'left'),
    colWidths: widths.map((w) => w + 2),
    // A rule under every row only where a row takes several lines and needs telling apart.
    style: { head: [], border: [], compact: !body.some((cells) => cells.some((cell) => cell.includes('\n'))) },
  });
  for (const cells of body) table.push(cells);
  return table.toString() + '\n';
}
