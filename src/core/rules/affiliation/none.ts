import { foldText } from '../../ids/names.js';
import { memoize } from './match.js';
import { noneWords } from './terms.js';

let words: Set<string> | undefined;
let negating: RegExp | undefined;

/**
 * Whether a cell says "nothing": blank, only punctuation (`-`, `.`), a none-word (`tidak ada`,
 * `nihil`, `n/a`, `0`) or a phrase that starts by negating (`tidak berpartai`, `bukan anggota`).
 */
export function isNone(text: string | null | undefined): boolean {
  return text === null || text === undefined || noneText(text);
}

const noneText = memoize((text: string): boolean => {
  const folded = foldText(text);
  if (folded === '') return true;
  if (!words) {
    const list = noneWords();
    words = new Set(list.words.map(foldText));
    negating = new RegExp(`^(?:${list.negating.map(foldText).join('|')}) `);
  }
  return words.has(folded) || negating!.test(folded);
});
