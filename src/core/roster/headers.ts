import fs from 'node:fs';
import { usageError } from '../../errors.js';
import { stripAccents } from '../ids/names.js';
import { COLUMN_TARGETS, type ColumnTarget } from './fields.js';

/** Headings compare without case, accents, spaces or punctuation: "No. HP" = "NO HP" = "nohp". */
export function headerKey(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

let aliasCache: Map<string, ColumnTarget> | undefined;

/** data/header-aliases.json, read once: an office can add spellings there without a new release. */
export function headerAliases(): Map<string, ColumnTarget> {
  if (aliasCache) return aliasCache;
  const file = new URL('../../../data/header-aliases.json', import.meta.url);
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const map = new Map<string, ColumnTarget>();
  for (const [field, aliases] of Object.entries(raw)) {
    if (!(COLUMN_TARGETS as readonly string[]).includes(field) || !Array.isArray(aliases)) continue;
    for (const alias of aliases) map.set(headerKey(String(alias)), field as ColumnTarget);
    map.set(headerKey(field), field as ColumnTarget);
  }
  aliasCache = map;
  return map;
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

export interface HeaderMatch {
  /** Per column: the field it feeds, or null when left out. */
  targets: (ColumnTarget | null)[];
  /** Headings that matched no field (reported, kept out). */
  unknown: string[];
  /** Headings that repeat a field already mapped by an earlier column (the first one wins). */
  duplicates: string[];
  /** How many real fields matched: how we tell a header row from a data row. */
  score: number;
}

/** The header is looked for among this many non-blank rows at the top: titles may come first. */
export const HEADER_SEARCH_ROWS = 10;

/** Whether a row is the header: at least two of its cells name fields (one may be a title's word). */
export function isHeader(match: HeaderMatch): boolean {
  return match.score >= 2;
}

/** Longer than any heading: a title or a data cell, not worth normalising (it may run to megabytes). */
const MAX_HEADING = 200;

export function matchHeader(cells: string[], extra: Map<string, ColumnTarget>): HeaderMatch {
  const aliases = headerAliases();
  const targets: (ColumnTarget | null)[] = [];
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const taken = new Set<ColumnTarget>();
  let score = 0;
  for (const cell of cells) {
    const heading = cell.trim();
    const key = heading.length <= MAX_HEADING ? headerKey(heading) : '';
    const target = key ? (extra.get(key) ?? aliases.get(key)) : undefined;
    if (!target) {
      targets.push(null);
      if (heading) unknown.push(heading.length <= MAX_HEADING ? heading : `${heading.slice(0, 60)}…`);
      continue;
    }
    if (target !== '_ignore' && taken.has(target)) {
      targets.push(null);
      duplicates.push(heading);
      continue;
    }
    taken.add(target);
    targets.push(target);
    if (target !== '_ignore') score++;
  }
  return { targets, unknown, duplicates, score };
}

/** A roster needs at least the KIM's name and the officer's name. */
export function missingRequired(match: HeaderMatch): ('kim_name' | 'officer_name')[] {
  const have = new Set(match.targets);
  return (['kim_name', 'officer_name'] as const).filter((f) => !have.has(f));
}
