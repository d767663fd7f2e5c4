import { csvField } from './csv.js';
import { neutraliseFormula } from './formula.js';

/** The separators SQLite joins an export's values with (see core/reports/export-sql). */
export const UNIT = '\u001f';
export const RECORD = '\u001e';

const patterns = new Map<string, RegExp>();

/** A field (between separators) that starts like a formula or holds what must be quoted. */
function needsWork(delimiter: string): RegExp {
  let re = patterns.get(delimiter);
  if (!re) {
    re = new RegExp(`(?<=^|[${RECORD}${UNIT}])(?:[=+@\\t\\r-][^${RECORD}${UNIT}]*|[^${RECORD}${UNIT}"${delimiter}\\r\\n]*["${delimiter}\\r\\n][^${RECORD}${UNIT}]*)`, 'g');
    patterns.set(delimiter, re);
  }
  return re;
}

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Turns a chunk of joined records into CSV text, as csvLine would write each record: one
 * regular-expression pass quotes and neutralises just the fields that need it, then the
 * separators become the delimiter and line ends. Null when the chunk does not split into
 * `count` whole records of `fields` fields (a value held a separator character).
 */
export function formatChunk(text: string, count: number, fields: number, delimiter: string, eol: string): string | null {
  if (occurrences(text, RECORD) !== count - 1 || occurrences(text, UNIT) !== count * (fields - 1)) return null;
  return text
    .replace(needsWork(delimiter), (field) => csvField(neutraliseFormula(field), delimiter as ',' | ';'))
    .replaceAll(UNIT, delimiter)
    .replaceAll(RECORD, eol);
}
