/**
 * A streaming CSV reader for rosters, with row numbers as a spreadsheet shows them and recovery
 * from broken quoting. csv-parse stops at the first quoting error (or swallows the rest of the
 * file into one field when a quote is never closed); a clerk needs the other rows imported and
 * the broken one named, so this reader rejects that one row and resumes on the next line.
 * Lines without a quote take a fast path through String#split (see bench/csv-parsers.js).
 */
export type CsvEvent =
  | { kind: 'record'; row: number; cells: string[] }
  | { kind: 'broken'; row: number; raw: string; reason: 'brokenQuoting' | 'lineTooLong' };

/** A quoted field may hold line breaks (addresses do), but not without end. */
const MAX_RECORD_CHARS = 1 << 20;
const MAX_RECORD_LINES = 1000;
const MAX_LINE_CHARS = 8 << 20;

type Parsed = { cells: string[]; end: number } | 'incomplete' | 'broken';

export class CsvReader {
  private buf = '';
  private row = 0;
  private heldCr = false;
  private skippingLongLine = false;
  private readonly delimiter: string;

  constructor(delimiter: string) {
    this.delimiter = delimiter;
  }

  /** Rows numbered so far (header included), for progress and reports. */
  get rows(): number {
    return this.row;
  }

  push(text: string, emit: (e: CsvEvent) => void): void {
    if (this.heldCr) {
      text = '\r' + text;
      this.heldCr = false;
    }
    if (text.endsWith('\r')) {
      this.heldCr = true;
      text = text.slice(0, -1);
    }
    // Old Mac files and mixed files end lines with a lone CR.
    if (text.includes('\r') && /\r(?!\n)/.test(text)) text = text.replace(/\r(?!\n)/g, '\n');
    if (this.skippingLongLine) {
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      this.skippingLongLine = false;
      text = text.slice(nl + 1);
    }
    this.buf = this.buf.length ? this.buf + text : text;
    this.drain(emit, false);
  }

  end(emit: (e: CsvEvent) => void): void {
    if (this.heldCr) this.heldCr = false;
    if (this.skippingLongLine) return;
    if (this.buf.length && !this.buf.endsWith('\n')) this.buf += '\n';
    this.drain(emit, true);
  }

  private drain(emit: (e: CsvEvent) => void, eof: boolean): void {
    const buf = this.buf;
    const delim = this.delimiter;
    let pos = 0;
    // The next quote mark at or after pos (buf.length when none is left), looked up again only
    // once pos has passed it: searching afresh for each line scanned to the end of the buffer
    // whenever a file has no quotes at all, which made the usual Excel CSV six times slower.
    let quote = -1;
    while (pos < buf.length) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (buf.length - pos > MAX_LINE_CHARS) {
          emit({ kind: 'broken', row: ++this.row, raw: buf.slice(pos, pos + 200), reason: 'lineTooLong' });
          this.skippingLongLine = true;
          pos = buf.length;
        }
        break;
      }
      if (quote < pos) {
        quote = buf.indexOf('"', pos);
        if (quote < 0) quote = buf.length;
      }
      if (quote > nl) {
        const line = buf.charCodeAt(nl - 1) === 13 && nl > pos ? buf.slice(pos, nl - 1) : buf.slice(pos, nl);
        emit({ kind: 'record', row: ++this.row, cells: line.split(delim) });
        pos = nl + 1;
        continue;
      }
      const parsed = this.parseQuoted(buf, pos, eof);
      if (parsed === 'incomplete') {
        const pending = buf.length - pos;
        if (!eof && pending <= MAX_RECORD_CHARS && countLines(buf, pos) <= MAX_RECORD_LINES) break;
      }
      if (parsed === 'incomplete' || parsed === 'broken') {
        // Reject the row where the bad record starts and read on from its next line.
        const raw = buf.slice(pos, buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
        emit({ kind: 'broken', row: ++this.row, raw, reason: 'brokenQuoting' });
        pos = nl + 1;
        continue;
      }
      emit({ kind: 'record', row: ++this.row, cells: parsed.cells });
      pos = parsed.end;
    }
    this.buf = pos >= buf.length ? '' : buf.slice(pos);
  }

  /** One record starting at `start` that has a quote somewhere; `end` is just past its line break. */
  private parseQuoted(buf: string, start: number, eof: boolean): Parsed {
    const delim = this.delimiter;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      if (buf[i] === '"') {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) return 'incomplete';
          if (q + 1 >= buf.length && !eof) return 'incomplete';
          if (buf[q + 1] === '"') {
            value += buf.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += buf.slice(j, q);
          i = q + 1;
          break;
        }
        while (buf[i] === ' ' || buf[i] === '\t' && delim !== '\t') i++;
        cells.push(value);
        const c = buf[i];
        if (c === delim) {
          i++;
          continue;
        }
        if (c === '\r' && buf[i + 1] === '\n') return { cells, end: i + 2 };
        if (c === '\n') return { cells, end: i + 1 };
        if (c === undefined) return eof ? { cells, end: i } : 'incomplete';
        return 'broken';
      }
      // Unquoted: a quote inside is kept as written (Jl. "Melati" 5).
      let j = i;
      while (j < buf.length) {
        const c = buf[j];
        if (c === delim || c === '\n') break;
        j++;
      }
      if (j >= buf.length) return 'incomplete';
      const endOfValue = buf[j] === '\n' && buf[j - 1] === '\r' && j > i ? j - 1 : j;
      cells.push(buf.slice(i, endOfValue));
      if (buf[j] === '\n') return { cells, end: j + 1 };
      i = j + 1;
    }
  }
}

function countLines(buf: string, from: number): number {
  let n = 0;
  for (let i = buf.indexOf('\n', from); i >= 0 && n <= MAX_RECORD_LINES; i = buf.indexOf('\n', i + 1)) n++;
  return n;
}

/** How much of a file's start detectDelimiter reads: a few lines of any width. */
export const DELIMITER_SAMPLE_CHARS = 64 * 1024;

/** Picks the delimiter from the first lines: the candidate that splits the header most and consistently. */
export function detectDelimiter(text: string): string {
  const lines = text.slice(0, DELIMITER_SAMPLE_CHARS).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 6);
  if (lines.length === 0) return ',';
  const candidates = [';', ',', '\t', '|'];
  let best = ',';
  let bestScore = 0;
  for (const d of candidates) {
    // A title row above the header may hold no delimiter at all, so look for the count most
    // lines agree on rather than trusting the first line.
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modal = 0;
    let agree = 0;
    for (const [c, f] of freq) if (f > agree || (f === agree && c > modal)) [modal, agree] = [c, f];
    const score = agree * 1000 + modal;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}
