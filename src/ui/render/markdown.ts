import { cellText, type Dataset } from './dataset.js';

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderMarkdown(data: Dataset): string {
  const lines: string[] = [];
  if (data.title) lines.push(`## ${escape(data.title)}`, '');
  lines.push(`| ${data.columns.map((c) => escape(c.header)).join(' | ')} |`);
  lines.push(`|${data.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
  const line = (row: Record<string, unknown>, bold: boolean) =>
    `| ${data.columns.map((c) => { const v = escape(cellText(row[c.key])); return bold && v ? `**${v}**` : v; }).join(' | ')} |`;
  for (const row of data.rows) lines.push(line(row, false));
  if (data.total) lines.push(line(data.total, true));
  return lines.join('\n') + '\n';
}
