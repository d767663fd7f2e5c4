// The separators SQLite joins an export's values with (see core/reports/export-sql).
const US = 0x1f;
const RS = 0x1e;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const LF = 0x0a;
const CR = 0x0d;

/** formula.ts's NEGATIVE_NUMBER, /^-\d+([.,]\d+)*$/, over the bytes from..to. */
function isNegativeNumber(s: Uint8Array, from: number, to: number): boolean {
  let digit = false;
  for (let k = from + 1; k < to; k++) {
    const b = s[k]!;
    if (b >= 0x30 && b <= 0x39) digit = true;
    else if ((b === 0x2c || b === 0x2e) && digit) digit = false;
    else return false;
  }
  return digit;
}

/** neutraliseFormula's test, on the first byte of a field (a lone "-" is no formula). */
function looksLikeFormula(s: Uint8Array, from: number, to: number): boolean {
  const f = s[from]!;
  return f === 0x3d || f === 0x2b || f === 0x40 || f === 0x09 || f === CR || (f === 0x2d && to - from > 1 && !isNegativeNumber(s, from, to));
}

/**
 * Turns a chunk of joined records (UTF-8 bytes) into CSV bytes, exactly as csvLine would write
 * each record: formula-looking fields get an apostrophe, fields holding the delimiter, a quote or
 * a line break are quoted, and the separators become the delimiter and line ends. Working on the
 * bytes is safe because every byte of a multi-byte UTF-8 character is 0x80 or above, and it is
 * what keeps a million-officer export near the speed of the sqlite3 shell: no string is made per
 * field, or even per chunk. Null when the chunk does not split into `count` whole records of
 * `fields` fields (a value held a separator character).
 */
export function formatChunk(src: Uint8Array, count: number, fields: number, delimiter: string, eol: string): Buffer | null {
  const n = src.length;
  const d = delimiter.charCodeAt(0);
  const e0 = eol.charCodeAt(0);
  const e1 = eol.length > 1 ? eol.charCodeAt(1) : -1;
  // At worst every byte is a doubled quote, and every field gains quotes and an apostrophe.
  // Never from Node's shared pool: the export hands this memory to another thread, and a pooled
  // buffer cannot be handed over (Node 21 and later refuse it).
  const out = Buffer.allocUnsafeSlow(2 * n + count * (3 * fields + 2) + 2);
  let o = 0;
  let i = 0;
  let records = 1;
  let units = 0;
  for (;;) {
    // Copy the field as it is while looking for its end and for what would need quoting.
    let j = i;
    let w = o;
    let special = false;
    for (; j < n; j++) {
      const b = src[j]!;
      if (b <= 0x3b) {
        if (b === US || b === RS) break;
        if (b === QUOTE || b === d || b === LF || b === CR) special = true;
      }
      out[w++] = b;
    }
    if (j > i) {
      const formula = looksLikeFormula(src, i, j);
      if (special) {
        out[o++] = QUOTE;
        if (formula) out[o++] = APOSTROPHE;
        for (let k = i; k < j; k++) {
          const b = src[k]!;
          out[o++] = b;
          if (b === QUOTE) out[o++] = QUOTE;
        }
        out[o++] = QUOTE;
      } else if (formula) {
        out.copyWithin(o + 1, o, w);
        out[o] = APOSTROPHE;
        o = w + 1;
      } else {
        o = w;
      }
    }
    if (j >= n) break;
    if (src[j] === US) {
      out[o++] = d;
      units++;
    } else {
      out[o++] = e0;
      if (e1 >= 0) out[o++] = e1;
      records++;
    }
    i = j + 1;
  }
  if (records !== count || units !== count * (fields - 1)) return null;
  out[o++] = e0;
  if (e1 >= 0) out[o++] = e1;
  return out.subarray(0, o);
}
