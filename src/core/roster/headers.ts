import { usageError } from '../../errors.js';
import { stripAccents } from '../ids/names.js';
import { COLUMN_TARGETS, COMBINED_TARGETS, type ColumnTarget } from './fields.js';
import { headingTokens, headingWords, tokens, type HeadingWords } from './heading-words.js';

/** Keys for --map and `import.columns`: no case, accents, spaces or punctuation ("No. HP" = "nohp"). */
export function headerKey(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Parses `--map "Kolom Aneh=occupation"` options into heading key → field. */
export function parseMapOptions(pairs: string[] = []): Map<string, ColumnTarget> {
  const out = new Map<string, ColumnTarget>();
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const header = at > 0 ? pair.slice(0, at).trim() : '';
    const field = at > 0 ? pair.slice(at + 1).trim().toLowerCase() : '';
    if (!header || !(COLUMN_TARGETS as readonly string[]).includes(field)) {
      throw usageError('import.badMap', { value: pair, fields: COLUMN_TARGETS.filter((f) => f !== '_ignore').join(', ') });
    }
    out.set(headerKey(header), field as ColumnTarget);
  }
  return out;
}

/**
 * How a heading found its field: one of kim's own spellings as a whole (`alias`), by its words
 * (`words`), by `--map` (`map`) or by the office's remembered mapping (`remembered`).
 */
export type MatchHow = 'alias' | 'words' | 'map' | 'remembered';

export interface HeadingMatch {
  field: ColumnTarget | null;
  how: MatchHow | null;
  /** Share of the heading's words the field explains (1 for --map and remembered headings). */
  score: number;
  /** For a heading that could not be placed for certain: the likeliest fields, best first. */
  candidates: ColumnTarget[];
}

interface Candidate {
  field: ColumnTarget;
  score: number;
  covered: Set<string>;
  exact: boolean;
}

/** Below this share of its words a heading is not placed, only suggested. */
const CLEAR_SCORE = 0.5;
/** A rival field this close to the best makes the heading a close call. */
const CLEAR_MARGIN = 0.25;
/** A parent heading (a merged cell over sub-headings) only adds context: its own words weigh less. */
const PARENT_WEIGHT = 0.5;

function scoreFields(words: HeadingWords, all: string[], child: Set<string> | null): Candidate[] {
  const heading = new Set(all);
  const weight = (w: string) => (words.weak.get(w) ?? 1) * (child && !child.has(w) ? PARENT_WEIGHT : 1);
  let total = 0;
  for (const w of heading) total += weight(w);
  const out: Candidate[] = [];
  for (const f of words.fields) {
    // A sub-heading is one part ("SK Pembentukan › Nomor"), never the combined column its parent
    // names, unless it names both parts itself ("Pengurus › TTL", "SK Kades › Nomor/Tanggal").
    const namesBoth = (p: string[]) => p.every((w) => heading.has(w)) && p.filter((w) => child!.has(w)).length >= 2;
    if (child && COMBINED_TARGETS.includes(f.field) && !f.phrases.some(namesBoth)) continue;
    const covered = new Set<string>();
    let exact = false;
    for (const p of f.phrases) {
      if (!p.every((w) => heading.has(w))) continue;
      for (const w of p) covered.add(w);
      if (p.length === heading.size) exact = true;
    }
    if (covered.size === 0) continue;
    for (const w of heading) if (f.with.has(w)) covered.add(w);
    if (child && ![...covered].some((w) => child.has(w))) continue;
    let score = 0;
    for (const w of covered) score += weight(w);
    out.push({ field: f.field, score: score / total, covered, exact: exact && !child });
  }
  return out.sort((a, b) => b.score - a.score);
}

const strictlyInside = (a: Set<string>, b: Set<string>) => a.size < b.size && [...a].every((w) => b.has(w));

function decide(candidates: Candidate[]): HeadingMatch {
  const best = candidates[0];
  if (!best) return { field: null, how: null, score: 0, candidates: [] };
  // A field whose words are all inside the best one's is part of it ("SK" in "Penerbit SK"), not a rival.
  const rivals = candidates.slice(1).filter((c) => !strictlyInside(c.covered, best.covered));
  const close = rivals.filter((c) => c.score > best.score - CLEAR_MARGIN);
  if (close.length === 0 && best.score >= CLEAR_SCORE) return { field: best.field, how: best.exact ? 'alias' : 'words', score: best.score, candidates: [] };
  const likely = [best, ...close].map((c) => c.field).filter((f) => f !== '_ignore');
  return { field: null, how: null, score: best.score, candidates: likely };
}

/**
 * The field a heading holds, judged by its words. `parent` is the merged heading above a
 * sub-heading ("SK Pembentukan" over "Nomor"). Bracketed hints are read only when the heading
 * says nothing clear without them ("Status (ASN/Non ASN)").
 */
export function matchHeading(heading: string, parent = ''): HeadingMatch {
  const words = headingWords();
  const { main, full } = headingTokens(words, heading);
  const context = parent ? tokens(words, parent) : [];
  const judge = (own: string[]) => (own.length === 0 ? decide([]) : decide(scoreFields(words, [...own, ...context], parent ? new Set(own) : null)));
  const first = judge(main.length ? main : full);
  if (full.length === main.length) return first;
  // A hint may say more than the words outside it: "SK Kades (Nomor, Tanggal)" is both.
  const second = judge(full);
  if (second.field && (!first.field || (second.field !== first.field && second.score >= first.score))) return second;
  return first.field || first.candidates.length ? first : second;
}

/** How well a heading could hold one given field (0 when not at all): for "the closest heading" hints. */
export function fieldScore(heading: string, field: ColumnTarget): number {
  const words = headingWords();
  const { full } = headingTokens(words, heading);
  return scoreFields(words, full, null).find((c) => c.field === field)?.score ?? 0;
}

/** Whether every word of a cell is heading vocabulary: how a sub-heading row differs from data. */
export function isHeadingText(text: string): boolean {
  const words = headingWords();
  const all = tokens(words, text);
  return all.length > 0 && all.every((w) => words.vocabulary.has(w) || /^\d{1,2}$/.test(w));
}

export type ColumnStatus = 'mapped' | 'unknown' | 'unclear' | 'duplicate';

export interface ColumnMatch {
  /** The heading as written; a sub-heading with its parent: "SK Pembentukan › Nomor". */
  heading: string;
  /** What --map and `import.columns` know the column by. */
  key: string;
  field: ColumnTarget | null;
  how: MatchHow | null;
  status: ColumnStatus;
  score: number;
  candidates: ColumnTarget[];
}

export interface HeaderMatch {
  /** Per column of the row (blank headings included): what it holds. */
  columns: (ColumnMatch | null)[];
  /** Per column: the field it feeds, or null when left out. */
  targets: (ColumnTarget | null)[];
  /** Headings that fed no field: unknown ones and close calls (reported, kept out). */
  unknown: string[];
  /** Headings that repeat a field a better column already gives. */
  duplicates: string[];
  /** How many real fields matched: how a header row is told from a title or data row. */
  score: number;
}

export interface ColumnMaps {
  /** --map on the command line. */
  map: Map<string, ColumnTarget>;
  /** The office's `import.columns`. */
  remembered: Map<string, ColumnTarget>;
}

/** ColumnMaps as plain arrays, to cross between threads. */
export interface PackedMaps {
  map: [string, ColumnTarget][];
  remembered: [string, ColumnTarget][];
}

export const packMaps = (m: ColumnMaps): PackedMaps => ({ map: [...m.map], remembered: [...m.remembered] });
export const unpackMaps = (p: PackedMaps): ColumnMaps => ({ map: new Map(p.map), remembered: new Map(p.remembered) });

/** Longer than any heading: a title or a data cell, not worth reading word by word. */
const MAX_HEADING = 200;

const HOW_RANK: Record<MatchHow, number> = { map: 3, remembered: 2, alias: 1, words: 0 };

function matchColumn(heading: string, parent: string, maps: ColumnMaps): ColumnMatch | null {
  if (heading === '' && parent === '') return null;
  // A heading wrapped in its cell (Alt+Enter) is shown on one line.
  const shown = (parent && heading ? `${parent} › ${heading}` : heading || parent).replace(/\s+/g, ' ');
  if (shown.length > MAX_HEADING) return { heading: `${shown.slice(0, 60)}…`, key: '', field: null, how: null, status: 'unknown', score: 0, candidates: [] };
  const keys = [headerKey(shown), headerKey(`${parent} ${heading}`), headerKey(heading || parent)];
  for (const how of ['map', 'remembered'] as const) {
    const source = maps[how === 'map' ? 'map' : 'remembered'];
    const hit = keys.map((k) => source.get(k)).find((f) => f !== undefined);
    if (hit) return { heading: shown, key: keys[0]!, field: hit, how, status: 'mapped', score: 1, candidates: [] };
  }
  const m = heading && parent ? matchHeading(heading, parent) : matchHeading(heading || parent);
  return { heading: shown, key: keys[0]!, field: m.field, how: m.how, status: m.field ? 'mapped' : m.candidates.length ? 'unclear' : 'unknown', score: m.score, candidates: m.candidates };
}

/**
 * The merged heading over each sub-heading: Excel keeps a merged cell's text in its first column
 * only, so a parent reaches right over the blank cells after it. A column without a sub-heading
 * was merged downwards and keeps its own heading from the upper row.
 */
function parentsOver(cells: string[], parents: string[]): string[] {
  const out: string[] = [];
  let current = '';
  const width = Math.max(cells.length, parents.length);
  for (let i = 0; i < width; i++) {
    const parent = (parents[i] ?? '').trim();
    if (parent) current = parent;
    out.push(current);
  }
  return out;
}

/**
 * Names each column of a header row by its words. `parents` is the row of merged headings above a
 * row of sub-headings, when the header has two rows. When two columns would feed one field, the
 * surer one does (a --map over a remembered heading over a whole alias over words, then the
 * better score, then the leftmost) and the other is reported as a repeat.
 */
export function matchHeader(cells: string[], maps: ColumnMaps, parents?: string[]): HeaderMatch {
  const over = parents ? parentsOver(cells, parents) : [];
  const width = Math.max(cells.length, parents?.length ?? 0);
  // A heading met again is not read again (a header may repeat one heading thousands of times).
  const seen = new Map<string, ColumnMatch | null>();
  const read = (heading: string, parent: string) => {
    const key = `${parent}\u0000${heading}`;
    if (!seen.has(key)) seen.set(key, matchColumn(heading, parent, maps));
    return seen.get(key)!;
  };
  const columns = Array.from({ length: width }, (_, i) => {
    const own = (cells[i] ?? '').trim();
    // A column with no sub-heading was merged downwards: its heading is the upper row's own cell.
    return own ? read(own, over[i] ?? '') : read((parents?.[i] ?? '').trim(), '');
  });
  const owner = new Map<ColumnTarget, number>();
  columns.forEach((c, i) => {
    if (!c?.field || c.field === '_ignore') return;
    const held = owner.get(c.field);
    const other = held === undefined ? undefined : columns[held]!;
    const better = !other || HOW_RANK[c.how!] > HOW_RANK[other.how!] || (HOW_RANK[c.how!] === HOW_RANK[other.how!] && c.score > other.score);
    if (better) owner.set(c.field, i);
  });
  const unknown = new Set<string>();
  const duplicates: string[] = [];
  columns.forEach((c, i) => {
    if (!c) return;
    if (c.field && c.field !== '_ignore' && owner.get(c.field) !== i) {
      // Columns with one heading share one match: the repeat gets its own.
      columns[i] = { ...c, status: 'duplicate' };
      duplicates.push(c.heading);
    } else if (!c.field) unknown.add(c.heading);
  });
  const targets = columns.map((c) => (c?.status === 'mapped' ? c.field : null));
  return { columns, targets, unknown: [...unknown], duplicates, score: owner.size };
}

/** A roster needs at least the KIM's name and the officer's name. */
export function missingRequired(match: HeaderMatch): ('kim_name' | 'officer_name')[] {
  const have = new Set(match.targets);
  return (['kim_name', 'officer_name'] as const).filter((f) => !have.has(f));
}

/** The heading of a row that came closest to holding `field`, for the refusal's hint. */
export function closestHeading(match: HeaderMatch, field: ColumnTarget): string | null {
  let best: string | null = null;
  let bestScore = 0;
  // A heading given twice ("Nama" over the KIM and over the officer, with no group above) is
  // likely the one the clerk meant, when no heading says more.
  let repeated: string | null = null;
  for (const c of match.columns) {
    if (!c || c.status === 'mapped') continue;
    if (c.status === 'duplicate') repeated ??= c.heading;
    const score = c.candidates.includes(field) ? 1 : fieldScore(c.heading, field);
    if (score > bestScore) [best, bestScore] = [c.heading, score];
  }
  return best ?? repeated;
}
