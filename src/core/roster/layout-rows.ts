/**
 * The rows a village form holds besides officers: a row numbering the columns, a JUMLAH row, the
 * lines of a signature block. Each test is a pure function of a row's cells, cheap on the data
 * rows that make up nearly all of a file (those fail on their first cells).
 */
import { dataFile } from '../data-file.js';
import { foldText } from '../ids/names.js';

interface Raw {
  totals: string[];
  titles: string[];
  signatureStarts: string[];
  signatureOffices: string[];
  notes: string[];
}

interface Words {
  totals: RegExp;
  titles: RegExp;
  starts: RegExp;
  offices: RegExp;
  notes: RegExp;
}

let cached: Words | undefined;

const startsWithAny = (list: string[]) => new RegExp(`^(?:${list.map((w) => foldText(w)).join('|')})(?: |$)`);

/** data/roster-layout.json, read once. */
function words(): Words {
  if (cached) return cached;
  const raw = dataFile<Raw>('roster-layout.json');
  cached = { totals: startsWithAny(raw.totals), titles: startsWithAny(raw.titles), starts: startsWithAny(raw.signatureStarts), offices: startsWithAny(raw.signatureOffices), notes: startsWithAny(raw.notes) };
  return cached;
}

const hasText = (c: string) => c.length !== 0 && (c.charCodeAt(0) > 32 || c.trim() !== '');

/**
 * How many cells of the row hold text, counting no further than `max`: an officer's row of data
 * is known at its third, without a string made.
 */
export function countFilled(cells: string[], max: number): number {
  let n = 0;
  for (const c of cells) if (hasText(c) && ++n >= max) break;
  return n;
}

/** The row's non-blank cells, trimmed, stopping once there are more than `max`. */
export function filledCells(cells: string[], max = Infinity): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (c.trim() === '') continue;
    out.push(c.trim());
    if (out.length > max) break;
  }
  return out;
}

const COLUMN_NUMBER = /^[([]?\s*(\d{1,3})\s*[)\].]?$/;

/** A row that numbers the columns under the header: 1, 2, 3 … (or (1), (2) …), rising. */
export function isColumnNumberRow(cells: string[]): boolean {
  let previous = 0;
  let count = 0;
  for (const c of cells) {
    const text = c.trim();
    if (text === '') continue;
    const m = COLUMN_NUMBER.exec(text);
    if (!m) return false;
    const n = Number(m[1]);
    if (n <= previous) return false;
    previous = n;
    count++;
  }
  return count >= 3;
}

// A word typed with a space between its letters to look wide: "J U M L A H".
const SPACED = /^\p{L}(?: \p{L}){2,}(?=\s*$|\s{2,})/u;

/** "J U M L A H" as the word it spells; any other text as it is. */
function unspaced(text: string): string {
  const m = SPACED.exec(text);
  return m ? m[0].replace(/ /g, '') + text.slice(m[0].length) : text;
}

// A count, maybe with its unit: "25", "1.250", "7 orang", "12 KIM", "100%".
const COUNT = /^\d[\d.,\s]*%?\s*[a-z.]{0,10}$/i;

/** A JUMLAH / TOTAL row: it opens with a total word, and holds nothing else but counts. */
export function isTotalRow(cells: string[]): boolean {
  let first: string | undefined;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    if (first === undefined) {
      first = text;
      const c = text.charCodeAt(0) | 32;
      // j(umlah), t(otal), g(rand total), s(ub total), r(ekapitulasi): anything else is data.
      if ((c !== 106 && c !== 116 && c !== 103 && c !== 115 && c !== 114) || !words().totals.test(foldText(unspaced(text)))) return false;
    } else if (!COUNT.test(text)) return false;
  }
  return first !== undefined;
}

const PLACE_AND_DATE = /^[a-z][a-z .'’-]{2,40},\s*(?:\d{1,2}\s+[a-z]+\.?\s+\d{4}|[a-z]+\s+\d{4}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4})$/i;

/**
 * A line of the block under a table: "Mengetahui,", "Kepala Desa Keban II", "Sekayu, 12 Januari
 * 2025", "NIP. 19720315 199803 1 006", "Catatan: …". Such rows hold a cell or two, never an
 * officer's row of data.
 */
export function isSignatureRow(cells: string[]): boolean {
  const filled = filledCells(cells, 2);
  if (filled.length === 0 || filled.length > 2) return false;
  const w = words();
  return filled.some((cell) => {
    const text = foldText(cell);
    return w.starts.test(text) || w.notes.test(text) || PLACE_AND_DATE.test(cell) || (filled.length === 1 && w.offices.test(text));
  });
}

/** A label over the officer rows that follow, inside one KIM's rows: one cell ending with a colon ("Seksi-seksi :"). */
export function isLabelRow(cells: string[]): boolean {
  const filled = filledCells(cells, 1);
  return filled.length === 1 && filled[0]!.length > 1 && filled[0]!.endsWith(':');
}

/**
 * A title inside the table: one cell of text, in a column that holds no field ("Lanjutan" under
 * "No"), or opening with a title word ("KECAMATAN KEDOPOK", "DATA SUSULAN PENGURUS KIM").
 */
export function isTitleRow(cells: string[], fieldAt: (column: number) => boolean): boolean {
  let at = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]!.trim() === '') continue;
    if (at >= 0) return false;
    at = i;
  }
  if (at < 0) return false;
  const text = cells[at]!.trim();
  if (/^[\d.,\s]*$/.test(text)) return false;
  return !fieldAt(at) || words().titles.test(foldText(text));
}
