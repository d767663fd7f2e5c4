import { stripAccents } from '../../ids/names.js';
/**
 * Whole-word phrase matching on free text such as an occupation ("Guru PNS SDN 2", "Kader PAN").
 * Text is cut into segments at punctuation that separates ideas (commas, slashes, brackets), so
 * that context words only act within their own part: in "Ibu rumah tangga, suami PNS" the word
 * "suami" concerns "PNS" but in "PNS, suami petani" it does not.
 */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SEGMENT_BREAK = /[,;/()[\]|+&:]|\s-\s|\b(?:dan|serta)\b/giu;

export function foldWord(word: string): string {
  return stripAccents(word).toLowerCase();
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: foldWord(m[0]), start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

export function segments(text: string): Token[][] {
  const out: Token[][] = [];
  let from = 0;
  for (const m of text.matchAll(SEGMENT_BREAK)) {
    out.push(tokenize(text.slice(from, m.index), from));
    from = m.index + m[0].length;
  }
  out.push(tokenize(text.slice(from), from));
  return out.filter((s) => s.length > 0);
}

/** The folded words of a phrase from a reference list: "PDI-P" and "pdi p" are the same phrase. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.word);
}

export interface PhraseHit<T> {
  /** Index of the first token in the segment. */
  index: number;
  length: number;
  tag: T;
}

/** A set of phrases, each carrying a tag (e.g. the party it names), found longest first. */
export class PhraseSet<T = string> {
  private readonly byFirst = new Map<string, { words: string[]; tag: T }[]>();

  constructor(entries: Iterable<[phrase: string, tag: T]>) {
    for (const [phrase, tag] of entries) {
      const words = phraseWords(phrase);
      if (words.length === 0) continue;
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, tag });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(words[0]!, list);
    }
  }

  static of(phrases: readonly string[]): PhraseSet<string> {
    return new PhraseSet(phrases.map((p) => [p, p] as [string, string]));
  }

  /** Every phrase occurrence in a segment, not overlapping, left to right. */
  findAll(tokens: Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = this.at(tokens, i);
      if (hit) {
        hits.push(hit);
        i += hit.length;
      } else i++;
    }
    return hits;
  }

  at(tokens: Token[], i: number): PhraseHit<T> | undefined {
    for (const cand of this.byFirst.get(tokens[i]!.word) ?? []) {
      if (i + cand.words.length > tokens.length) continue;
      if (cand.words.every((w, k) => tokens[i + k]!.word === w)) return { index: i, length: cand.words.length, tag: cand.tag };
    }
    return undefined;
  }

  /** Whether any phrase occurs in tokens[from, to). */
  occursIn(tokens: Token[], from = 0, to = tokens.length): boolean {
    for (let i = from; i < to; i++) {
      const hit = this.at(tokens, i);
      if (hit && hit.index + hit.length <= to) return true;
    }
    return false;
  }
}

/** The words of the original text that a hit covers, as the clerk wrote them. */
export function hitText(text: string, tokens: Token[], hit: { index: number; length: number }): string {
  return text.slice(tokens[hit.index]!.start, tokens[hit.index + hit.length - 1]!.end);
}

/** Remembers classifications of repeated texts: a roster of a million officers has a few thousand occupations. */
export function memoize<R>(fn: (text: string) => R, limit = 50_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text) => {
    let r = cache.get(text);
    if (r === undefined && !cache.has(text)) {
      r = fn(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, r);
    }
    return r as R;
  };
}
