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
  return text === null || text === undefined || (!someNumber(text) && noneText(text));
}

// Among the none-words only zeros begin with a digit, and no negating phrase does: a cell that
// begins with a number holding another digit (an SK number, a phone) is something. Those cells
// are nearly all unique, so asking the memo about them only churns it.
const LEADING_DIGIT = /^[^A-Za-z0-9\u0080-\uffff]*[0-9]/;
const NONZERO_DIGIT = /[1-9]/;
const someNumber = (text: string) => LEADING_DIGIT.test(text) && NONZERO_DIGIT.test(text);

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
