/**
 * From a file's rows to a roster's records, the way the clerk who made the form meant them: find
 * the header among the title rows (and the row of sub-headings under merged headings), skip what
 * is not an officer (a row numbering the columns, JUMLAH rows, a signature block, the header
 * repeated on every printed page), and carry a KIM's merged cells down to its officer rows.
 * Pure: rows in, records out, with a count of every kind of row it set aside.
 */
import { usageError } from '../../errors.js';
import { communityKey } from '../ids/names.js';
import { sameMeaning } from './meaning.js';
import type { CsvEvent } from './csv.js';
import { blindSpots, type RuleNeed } from './coverage.js';
import { COMMUNITY_TARGETS, type ColumnTarget, type Field, type RosterRecord } from './fields.js';
import { closestHeading, isHeadingText, matchHeader, missingRequired, type ColumnMaps, type ColumnMatch, type HeaderMatch } from './headers.js';
import { countFilled, filledCells, isColumnNumberRow, isLabelRow, isSignatureRow, isTitleRow, isTotalRow } from './layout-rows.js';
import { buildRecord, type Layout, type Rejection } from './record.js';
import { isMemberRole, rolesAcross } from './role-columns.js';
import { ColumnSampler, type SuspectColumn } from './value-check.js';
import { REPLACEMENT_CHARACTER } from './encoding.js';

/** The header is looked for among this many non-blank rows at the top: titles may come first. */
export const HEADER_SEARCH_ROWS = 10;
/** A row with a cell longer than this is data (or a title), never a header: it ends the search and is not held. */
const MAX_HEADING_CHARS = 4096;

const longRow = (cells: string[]) => cells.some((c) => c.length > MAX_HEADING_CHARS);

/** Rows set aside, by kind: neither imported nor rejected. */
export interface Skipped {
  title: number;
  columnNumbers: number;
  totals: number;
  signature: number;
  repeatedHeaders: number;
}

export interface TableHeader {
  /** The header's rows as a spreadsheet numbers them: one, or two when headings were merged over sub-headings. */
  rows: number[];
  /** The headings as the file gives them (sub-headings with their parent). */
  cells: string[];
  columns: (ColumnMatch | null)[];
  unknown: string[];
  duplicates: string[];
  /** What the rules need that no column gives. */
  blind: RuleNeed[];
}

export interface TableSink {
  header(header: TableHeader): void;
  row(row: number, record: RosterRecord, cells: string[]): void;
  reject(rejection: Rejection): void;
}

type RecordEvent = Extract<CsvEvent, { kind: 'record' }>;

const isBlank = (cells: string[]) => {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
};

/** The first character after ASCII white space, lower-cased, when ASCII; -1 otherwise. */
function firstLetter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c >= 128) return -1;
    return c >= 65 && c <= 90 ? c + 32 : c;
  }
  return -1;
}

/** Whether a row repeats a header row exactly (case and outer spaces aside). */
function repeats(cells: string[], header: string[]): boolean {
  const first = cells[0];
  if (first === undefined) return false;
  // Most rows differ in their first (ASCII) letter: no string is made for them.
  const a = firstLetter(first);
  const b = firstLetter(header[0] ?? '');
  if (a >= 0 && b >= 0 && a !== b) return false;
  const width = Math.max(cells.length, header.length);
  for (let i = 0; i < width; i++) if ((cells[i] ?? '').trim().toLowerCase() !== (header[i] ?? '').trim().toLowerCase()) return false;
  return true;
}

interface HeaderChoice {
  at: number;
  match: HeaderMatch;
  /** The row of sub-headings, when the header has two rows. */
  sub?: RecordEvent;
}

/**
 * Whether `lower` is a row of sub-headings under the merged headings of `upper`: right under it,
 * made only of heading words, and with a heading where the upper row's merged cell left a blank.
 */
function isSubHeaderRow(upper: RecordEvent, lower: RecordEvent | undefined): lower is RecordEvent {
  if (!lower || lower.row !== upper.row + 1 || isColumnNumberRow(lower.cells)) return false;
  let spanned = false;
  let seenUpper = false;
  for (let i = 0; i < lower.cells.length; i++) {
    if ((upper.cells[i] ?? '').trim() !== '') seenUpper = true;
    const text = lower.cells[i]!.trim();
    if (text === '') continue;
    if (!isHeadingText(text)) return false;
    // Excel pads every row of a sheet to one width: a merged cell leaves blanks, not a shorter row.
    if (seenUpper && i < upper.cells.length && upper.cells[i]!.trim() === '') spanned = true;
  }
  return spanned;
}

/** The best header among the first rows: the one naming most fields, the earliest on a tie. */
function chooseHeader(rows: RecordEvent[], maps: ColumnMaps): HeaderChoice | undefined {
  let best: HeaderChoice | undefined;
  rows.forEach((r, at) => {
    const single = matchHeader(r.cells, maps);
    const next = rows[at + 1];
    const pair = isSubHeaderRow(r, next) ? matchHeader(next.cells, maps, r.cells) : undefined;
    const choice = pair && pair.score >= single.score ? { at, match: pair, sub: next } : { at, match: single };
    if (choice.match.score >= 2 && (!best || choice.match.score > best.match.score)) best = choice;
  });
  return best;
}

/** What a KIM's first row gives the rows under it when its cells were merged. */
interface Carry {
  /** The KIM's name as its first row wrote it, and its key. */
  kimName: string;
  kimKey: string;
  record: RosterRecord;
  /** A KIM's own row with no officer on it, kept until a row below takes its cells. */
  pending?: { row: number; cells: string[] };
  /** The role of the officer row above: a member's role ("Anggota") carries down over blank ones. */
  lastRole?: string;
}

export class TableReader {
  readonly skipped: Skipped = { title: 0, columnNumbers: 0, totals: 0, signature: 0, repeatedHeaders: 0 };
  /** Officer rows that took their KIM's cells from a row above (merged cells). */
  carried = 0;
  /** Officer rows without a role that took the member's role of the row above (a merged role cell). */
  rolesCarried = 0;
  /** Cells that held an Excel error (#N/A, #REF!…), read as blank. */
  excelErrors = 0;
  header: TableHeader | undefined;
  /** The rows from the first one that could be the header on, until the header is chosen. */
  private readonly held: CsvEvent[] = [];
  private nonBlank = 0;
  private titles = 0;
  /** The last row taken for a title, while the header is looked for. */
  private above: RecordEvent | undefined;
  private layout: Layout | undefined;
  private headerRows: string[][] = [];
  private communityColumns: [number, Field][] = [];
  private officerColumns: number[] = [];
  private officerNameColumn = -1;
  private roleColumn = false;
  /** Columns that feed a field (not left out). */
  private readonly fieldColumns = new Set<number>();
  private footer = false;
  private carry: Carry | undefined;
  private sampler: ColumnSampler | undefined;

  constructor(
    private readonly file: string,
    private readonly maps: ColumnMaps,
    private readonly sink: TableSink,
    /**
     * requireNames: whether a header without a KIM or officer name column is refused (the import),
     * or only read (a preview). invalidBytes: whether the file holds bytes its encoding does not
     * allow, decoded as U+FFFD: the rows holding them are rejected, not stored garbled.
     */
    private readonly options: { requireNames: boolean; invalidBytes?: boolean } = { requireNames: true },
  ) {}

  /**
   * Rows before the header is known: a title is counted and let go; from the first row that
   * could be the header, rows are held (a few, none long) until the best header among the first
   * rows can be chosen, with the row of sub-headings under it when there is one.
   */
  push(e: CsvEvent): void {
    if (this.layout) return this.table(e);
    const record = e.kind === 'record' && !isBlank(e.cells);
    if (this.held.length === 0) {
      if (!record) return;
      this.nonBlank++;
      if (longRow(e.cells) || matchHeader(e.cells, this.maps).score < 2) {
        this.titles++;
        if (this.nonBlank >= HEADER_SEARCH_ROWS) throw usageError('import.noHeader', { file: this.file });
        // Merged headings over sub-headings ("IDENTITAS KIM", "PENGURUS") name few fields alone:
        // kept, in case the row under them turns out to be their sub-headings. A title such as
        // "Desa : Tisnonegaran" holds a word no heading has.
        this.above = !longRow(e.cells) && countFilled(e.cells, 2) >= 2 && filledCells(e.cells).every(isHeadingText) ? e : undefined;
        return;
      }
      if (this.above?.row === e.row - 1) {
        this.held.push(this.above);
        this.titles--;
      }
      this.held.push(e);
      return;
    }
    this.held.push(e);
    if (record && (longRow(e.cells) || ++this.nonBlank >= HEADER_SEARCH_ROWS)) this.settle();
  }

  end(): void {
    if (!this.layout) {
      if (this.held.length === 0) throw usageError(this.nonBlank === 0 ? 'import.empty' : 'import.noHeader', { file: this.file });
      this.settle();
    }
    this.flushPending();
  }

  private settle(): void {
    const rows = this.held.filter((e): e is RecordEvent => e.kind === 'record' && !isBlank(e.cells) && !longRow(e.cells));
    const choice = chooseHeader(rows, this.maps)!;
    const top = rows[choice.at]!;
    const last = choice.sub ?? top;
    this.useHeader(top, choice);
    this.skipped.title = this.titles + choice.at;
    const after = this.held.filter((e) => e.row > last.row);
    this.held.length = 0;
    for (const e of after) this.table(e);
  }

  private useHeader(top: RecordEvent, choice: HeaderChoice): void {
    const match = choice.match;
    const across = rolesAcross(match);
    if (across.length >= 2 && this.options.requireNames) throw usageError('import.rolesAcross', { file: this.file, headings: across.map((h) => `"${h}"`).join(', ') });
    const missing = missingRequired(match);
    if (missing.length && this.options.requireNames) {
      const hints = missing.map((f) => closestHeading(match, f)).filter((h): h is string => h !== null);
      throw usageError(hints.length ? 'import.missingColumnsClosest' : 'import.missingColumns', { file: this.file, fields: missing.join(', '), headings: hints.map((h) => `"${h}"`).join(', ') });
    }
    const cells = match.columns.map((c) => c?.heading ?? '');
    const own = choice.sub ? choice.sub.cells : top.cells;
    let required = 0;
    own.forEach((c, i) => {
      if (c.trim() !== '' || (choice.sub && (top.cells[i] ?? '').trim() !== '')) required = i + 1;
    });
    const width = Math.max(own.length, top.cells.length);
    // A header that ends on a heading fixes the width: Excel writes every row that wide, so a
    // longer row has a stray delimiter (an address with a comma) and its cells are shifted.
    const closed = (own[width - 1] ?? '').trim() !== '' || (top.cells[width - 1] ?? '').trim() !== '';
    this.layout = { targets: match.targets, width, required, closed };
    this.headerRows = choice.sub ? [top.cells, choice.sub.cells] : [top.cells];
    match.targets.forEach((t, i) => {
      if (!t || t === '_ignore') return;
      this.fieldColumns.add(i);
      if (COMMUNITY_TARGETS.has(t)) this.communityColumns.push([i, t as Field]);
      else this.officerColumns.push(i);
      if (t === 'officer_name') this.officerNameColumn = i;
      if (t === 'role') this.roleColumn = true;
    });
    this.header = {
      rows: choice.sub ? [top.row, choice.sub.row] : [top.row], cells, columns: match.columns, unknown: match.unknown, duplicates: match.duplicates,
      blind: blindSpots(match.targets),
    };
    this.sampler = new ColumnSampler(match.columns);
    this.sink.header(this.header);
  }

  /** Columns whose first values have the shape of another field than their heading's. */
  suspects(): SuspectColumn[] {
    return this.sampler?.suspects() ?? [];
  }

  private table(e: CsvEvent): void {
    if (e.kind === 'broken') {
      this.sink.reject({ row: e.row, column: null, code: e.reason, params: {}, cells: [e.raw] });
      return;
    }
    const cells = e.cells;
    if (isBlank(cells)) {
      // A blank row ends a KIM's merged cells.
      this.endCarry();
      return;
    }
    if (this.headerRows.some((h) => repeats(cells, h))) {
      this.skipped.repeatedHeaders++;
      this.footer = false;
      this.endCarry();
      return;
    }
    if (this.options.invalidBytes) {
      const bad = cells.findIndex((c) => c.includes(REPLACEMENT_CHARACTER));
      if (bad >= 0) {
        const target = this.layout!.targets[bad];
        const column = target && target !== '_ignore' && target !== 'birth_place_date' && target !== 'sk_number_date' ? (target as Field) : null;
        this.sink.reject({ row: e.row, column, code: 'invalidCharacter', params: { heading: this.header!.cells[bad] ?? String(bad + 1) }, cells });
        return;
      }
    }
    if (isColumnNumberRow(cells)) {
      this.skipped.columnNumbers++;
      return;
    }
    if (isTotalRow(cells)) {
      this.skipped.totals++;
      this.endCarry();
      return;
    }
    // Signature lines and titles hold a cell or two; a row of data is known at its third.
    const filled = countFilled(cells, 3);
    if (this.footer) {
      // Under a signature block only a full officer row is data again (a second table pasted below).
      if (filled <= 2 || !this.hasOfficer(cells)) {
        this.skipped.signature++;
        return;
      }
      this.footer = false;
    } else if (filled <= 2 && isSignatureRow(cells)) {
      this.footer = true;
      this.skipped.signature++;
      this.endCarry();
      return;
    }
    if (filled === 1 && isLabelRow(cells)) {
      // A label among one KIM's rows ("Seksi-seksi :"): the KIM goes on under it.
      this.skipped.title++;
      return;
    }
    if (filled === 1 && isTitleRow(cells, (i) => this.fieldColumns.has(i))) {
      this.skipped.title++;
      this.endCarry();
      return;
    }
    this.record(e.row, cells);
  }

  private hasOfficer(cells: string[]): boolean {
    return (cells[this.officerNameColumn] ?? '').trim() !== '' && filledCells(this.officerColumns.map((i) => cells[i] ?? '')).length >= 2;
  }

  private record(row: number, cells: string[]): void {
    if (this.sampler && !this.sampler.done) this.sampler.take(cells);
    const built = buildRecord(row, cells, this.layout!);
    if ('reject' in built) {
      this.flushPending();
      this.sink.reject(built.reject);
      return;
    }
    const record = built.record;
    this.excelErrors += built.excelErrors;
    const officer = this.officerColumns.some((i) => (cells[i] ?? '').trim() !== '');
    if (record.kim_name) {
      // Rows of one KIM repeat its name as written: only another spelling needs folding.
      const held = this.carry;
      const same = held && (held.kimName === record.kim_name || held.kimKey === communityKey(record.kim_name)) ? held : undefined;
      if (same) {
        // A KIM named again keeps the cells its first row gave, where this row leaves them blank.
        if (this.fill(record, same.record)) this.carried++;
      } else {
        this.flushPending();
        this.carry = { kimName: record.kim_name, kimKey: communityKey(record.kim_name), record: this.communityOf(record) };
      }
      if (!officer) {
        this.carry!.pending ??= { row, cells };
        return;
      }
    } else if (this.carry && officer && this.agrees(record, this.carry.record)) {
      this.fill(record, this.carry.record);
      this.carried++;
    }
    // An officer row under a KIM's own row: that row was the KIM's merged cells, not a mistake.
    if (this.carry?.pending && record.kim_name) this.carry.pending = undefined;
    if (!record.kim_name) {
      this.sink.reject({ row, column: 'kim_name', code: 'noCommunityName', params: {}, cells });
      return;
    }
    if (!record.officer_name) {
      this.sink.reject({ row, column: 'officer_name', code: 'noOfficerName', params: {}, cells });
      return;
    }
    const carry = this.carry;
    if (carry && this.roleColumn) {
      // The role above is judged only when a row below leaves its own blank (rarely).
      if (record.role === undefined && carry.lastRole !== undefined && isMemberRole(carry.lastRole)) {
        record.role = carry.lastRole;
        this.rolesCarried++;
      } else carry.lastRole = record.role;
    }
    this.sink.row(row, record, cells);
  }

  /**
   * Whether a row without a KIM name belongs to the KIM above: its own community cells, where it
   * has any, say the same. A row naming another desa or SK is a KIM whose name was left out.
   */
  private agrees(record: RosterRecord, carry: RosterRecord): boolean {
    for (const [, field] of this.communityColumns) {
      const mine = record[field];
      const theirs = carry[field];
      if (mine !== undefined && theirs !== undefined && !sameMeaning(field, theirs, mine)) return false;
    }
    return true;
  }

  /** Blank community cells of `record` take `from`'s values; whether any did. */
  private fill(record: RosterRecord, from: RosterRecord): boolean {
    let any = false;
    for (const [, field] of this.communityColumns) {
      if (record[field] === undefined && from[field] !== undefined) {
        record[field] = from[field];
        any = true;
      }
    }
    for (const field of DERIVED_COMMUNITY) {
      if (record[field] === undefined && from[field] !== undefined) record[field] = from[field];
    }
    return any;
  }

  private communityOf(record: RosterRecord): RosterRecord {
    const out: RosterRecord = {};
    for (const f of COMMUNITY_FIELDS) if (record[f] !== undefined) out[f] = record[f];
    return out;
  }

  private endCarry(): void {
    this.flushPending();
    this.carry = undefined;
  }

  /** A KIM's own row that no officer row took up is what it looks like: a row without an officer. */
  private flushPending(): void {
    const pending = this.carry?.pending;
    if (!pending) return;
    this.carry!.pending = undefined;
    this.sink.reject({ row: pending.row, column: 'officer_name', code: 'noOfficerName', params: {}, cells: pending.cells });
  }
}

/** A combined column fills these: they carry down with the rest of the KIM's cells. */
const DERIVED_COMMUNITY: readonly Field[] = ['sk_number', 'sk_date'];
const COMMUNITY_FIELDS: readonly Field[] = [...COMMUNITY_TARGETS].filter((t): t is Field & ColumnTarget => t !== 'sk_number_date') as Field[];
