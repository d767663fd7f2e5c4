import { foldText } from '../../ids/names.js';
import { noneWords } from './terms.js';

let words: Set<string> | undefined;
let negating: RegExp | undefined;

/**
 * Whether a cell says "nothing": blank, only punctuation (`-`, `.`), a none-word (`tidak ada`,
 * `nihil`, `n/a`, `0`) or a phrase that starts by negating (`tidak berpartai`, `bukan anggota`).
 */
export function isNone(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return true;
  const folded = foldText(text);
  if (folded === '') return true;
  if (!words) {
    const list = noneWords();
    words = new Set(list.words.map(foldText));
    negating = new RegExp(`^(?:${list.negating.map(foldText).join('|')}) `);
  }
  return words.has(folded) || negating!.test(folded);
}
