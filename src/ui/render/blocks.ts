import type { ChalkInstance } from 'chalk';
import { cellText, headingKeys, type Dataset, type Row } from './dataset.js';
import { textWidth, wrapText } from './text-width.js';

/** One row as the lines of its block, each at most `width` columns. */
export type BlockLines = (row: Row, width: number, color: ChalkInstance) => string[];

/** Text indented by `indent` spaces and wrapped within `width`, with its continuation lines aligned. */
export function indented(text: string, indent: number, width: number, first = ' '.repeat(indent)): string[] {
  return wrapText(text, width - indent).map((line, i) => (i === 0 ? first : ' '.repeat(indent)) + line);
}

/**
 * The row's name in bold, then one line per filled column: its heading, then its value, wrapped
 * under itself. When the headings take more than half the width, each value goes on the
 * line below its heading instead.
 */
function labelled(data: Dataset): BlockLines {
  const keys = headingKeys(data);
  const others = data.columns.filter((c) => !keys.includes(c.key));
  const labelWidth = Math.max(0, ...others.map((c) => textWidth(c.header)));
  return (row, width, color) => {
    const name = keys.map((k) => cellText(row[k])).filter(Boolean).join(' · ');
    const lines = wrapText(name, width).map((line) => color.bold(line));
    const beside = 2 + labelWidth + 2 <= width / 2;
    for (const c of others) {
      const value = cellText(row[c.key]);
      if (value === '') continue;
      const label = color.dim(c.header);
      if (beside) lines.push(...indented(value, 4 + labelWidth, width, `  ${label}${' '.repeat(labelWidth - textWidth(c.header) + 2)}`));
      else lines.push(`  ${label}`, ...indented(value, 4, width));
    }
    return lines;
  };
}

/** Every row (then the total) as a block, blocks apart by a blank line: for a narrow terminal. */
export function renderBlocks(data: Dataset, color: ChalkInstance, width: number, block: BlockLines = labelled(data)): string {
  const rows = data.total ? [...data.rows, data.total] : data.rows;
  return rows.map((row) => block(row, width, color).join('\n') + '\n').join('\n');
}
