import { dataFile } from '../data-file.js';
import { stripAccents } from '../ids/names.js';
import { COLUMN_TARGETS, type ColumnTarget } from './fields.js';

/** One field's vocabulary, its phrases and 'with' words already normalised like a heading. */
export interface FieldWords {
  field: ColumnTarget;
  phrases: string[][];
  with: Set<string>;
}

export interface HeadingWords {
  abbreviations: Map<string, string[]>;
  /** Words that abbreviate together what one of them alone would not: "jns kel" is the sex. */
  phrases: Map<string, { words: string[]; meaning: string[] }[]>;
  compounds: Map<string, string[][]>;
  stopwords: Set<string>;
  weak: Map<string, number>;
  fields: FieldWords[];
  /** Every word any field knows: a row made only of these can be a heading row. */
  vocabulary: Set<string>;
}

interface Raw {
  abbreviations: Record<string, string>;
  phrases?: Record<string, string>;
  compounds: string[];
  stopwords: string[];
  weak: Record<string, number>;
  groups?: string[];
  fields: Record<string, { phrases: string[]; with: string[] }>;
}

const BRACKETS = /\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g;

/** A heading's text split into folded words, before abbreviations: "No. Telp/HP" → no telp hp. */
function rawWords(text: string): string[] {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function build(raw: Raw): HeadingWords {
  const abbreviations = new Map(Object.entries(raw.abbreviations).map(([k, v]) => [k, rawWords(v)]));
  const compounds = byFirstWord(raw.compounds.map(rawWords));
  const phrases = new Map<string, { words: string[]; meaning: string[] }[]>();
  for (const [from, to] of Object.entries(raw.phrases ?? {})) {
    const words = rawWords(from);
    phrases.set(words[0]!, [...(phrases.get(words[0]!) ?? []), { words, meaning: rawWords(to) }]);
  }
  const words: HeadingWords = {
    abbreviations,
    phrases,
    compounds,
    stopwords: new Set(raw.stopwords.flatMap(rawWords)),
    weak: new Map(Object.entries(raw.weak)),
    fields: [],
    vocabulary: new Set(),
  };
  for (const [field, def] of Object.entries(raw.fields)) {
    if (!(COLUMN_TARGETS as readonly string[]).includes(field)) continue;
    const phrases = def.phrases.map((p) => tokens(words, p)).filter((p) => p.length > 0);
    const withWords = new Set(def.with.flatMap((w) => tokens(words, w)));
    words.fields.push({ field: field as ColumnTarget, phrases, with: withWords });
    for (const p of phrases) for (const w of p) words.vocabulary.add(w);
    for (const w of withWords) words.vocabulary.add(w);
  }
  for (const w of words.stopwords) words.vocabulary.add(w);
  for (const w of (raw.groups ?? []).flatMap(rawWords)) words.vocabulary.add(w);
  return words;
}

function byFirstWord(list: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const parts of list) out.set(parts[0]!, [...(out.get(parts[0]!) ?? []), parts]);
  return out;
}

const startsAt = (list: string[], at: number, words: string[]) => words.every((w, k) => list[at + k] === w);

/** Abbreviations expanded: pairs of words first ("jns kel"), then each word alone ("kel"). */
function expand(words: HeadingWords, raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const phrase = words.phrases.get(raw[i]!)?.find((p) => startsAt(raw, i, p.words));
    if (phrase) {
      out.push(...phrase.meaning);
      i += phrase.words.length - 1;
    } else out.push(...(words.abbreviations.get(raw[i]!) ?? [raw[i]!]));
  }
  return out;
}

/**
 * A heading as the set of words that carry its meaning: folded, abbreviations expanded, compounds
 * ("kepala desa") joined into one word, stop words dropped, each word once, order ignored.
 */
export function tokens(words: HeadingWords, text: string): string[] {
  const expanded = expand(words, rawWords(text));
  const joined: string[] = [];
  for (let i = 0; i < expanded.length; i++) {
    const hit = words.compounds.get(expanded[i]!)?.find((c) => startsAt(expanded, i, c));
    if (hit) {
      joined.push(hit.join(''));
      i += hit.length - 1;
    } else joined.push(expanded[i]!);
  }
  return [...new Set(joined.filter((w) => !words.stopwords.has(w)))];
}

/** The heading's words without its bracketed hints ("(L/P)", "(16 digit)"), and with them. */
export function headingTokens(words: HeadingWords, heading: string): { main: string[]; full: string[] } {
  const flat = heading.replace(/\s+/g, ' ');
  const main = tokens(words, flat.replace(BRACKETS, ' '));
  return { main, full: tokens(words, flat) };
}

let cached: HeadingWords | undefined;

/** data/headings.json, read once: an office can add spellings there without a new release. */
export function headingWords(): HeadingWords {
  cached ??= build(dataFile<Raw>('headings.json'));
  return cached;
}
