import { createRequire } from 'node:module';

// Loaded when text is laid out for a terminal: JSON, CSV and file outputs start without them.
const require = createRequire(import.meta.url);
type StringWidth = (text: string) => number;
type WrapAnsi = (text: string, columns: number, options: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;
let loaded: { stringWidth: StringWidth; wrapAnsi: WrapAnsi } | undefined;
const lib = () => (loaded ??= { stringWidth: require('string-width') as StringWidth, wrapAnsi: require('wrap-ansi') as WrapAnsi });

/** Columns a text takes on a terminal: colour codes take none, wide characters two. */
export function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, lib().stringWidth(line));
  return widest;
}

/** The widest word: a column narrower than this would have to break it. */
export function longestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) widest = Math.max(widest, lib().stringWidth(word));
  return widest;
}

/** The text wrapped at spaces to `width` columns; a word longer than that is broken, never cut. */
export function wrapText(text: string, width: number): string[] {
  return lib().wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split('\n');
}

/** Wraps when a width is known (a terminal); a pipe or a file keeps the text as it is. */
export function fitText(text: string, width: number | undefined): string {
  return width === undefined ? text : text.split('\n').map((line) => wrapText(line, width).join('\n')).join('\n');
}
