import { hitText, memoize, PhraseSet, segments, type Token } from './match.js';
import { foldText } from '../../ids/names.js';
import { asnTerms } from './terms.js';

/** What made an occupation say ASN (or TNI/Polri), in the words the roster used. */
export interface AsnMatch {
  kind: 'asn' | 'tniPolri';
  words: string;
}

interface Sets {
  terms: PhraseSet;
  before: PhraseSet;
  anywhere: PhraseSet;
  tniPolri: PhraseSet;
}

let sets: Sets | undefined;
function load(): Sets {
  const t = asnTerms();
  sets ??= { terms: PhraseSet.of(t.terms), before: PhraseSet.of(t.before), anywhere: PhraseSet.of(t.anywhere), tniPolri: PhraseSet.of(t.tniPolri) };
  return sets;
}

/** The first phrase of `wanted` in a segment that no earlier negating word cancels ("mantan PNS", "istri PNS"). */
function firstLive(text: string, tokens: Token[], wanted: PhraseSet, before: PhraseSet): string | undefined {
  for (const hit of wanted.findAll(tokens)) {
    if (!before.occursIn(tokens, 0, hit.index)) return hitText(text, tokens, hit);
  }
  return undefined;
}

function classify(text: string): AsnMatch | null {
  const s = load();
  let tniPolri: string | undefined;
  const parts = segments(text);
  // A retired civil servant or soldier is neither ASN nor TNI/Polri, wherever "pensiun" stands: "PNS (pensiun)".
  if (parts.some((tokens) => s.anywhere.occursIn(tokens))) return null;
  for (const tokens of parts) {
    const asn = firstLive(text, tokens, s.terms, s.before);
    if (asn) return { kind: 'asn', words: asn };
    tniPolri ??= firstLive(text, tokens, s.tniPolri, s.before);
  }
  return tniPolri ? { kind: 'tniPolri', words: tniPolri } : null;
}

/** Whether an occupation names a PNS/PPPK (or TNI/Polri) who is one now. */
export const asnInOccupation: (text: string) => AsnMatch | null = memoize(classify);

let yes: Set<string> | undefined;

/**
 * What a status kepegawaian cell says: ASN by its words ("PNS", "P3K", "CPNS"; never "Non ASN",
 * "Honorer"), or a plain yes where the column asks whether the officer is ASN.
 */
export const asnInStatus: (text: string) => AsnMatch | null = memoize((text) => {
  yes ??= new Set(asnTerms().yes.map((w) => foldText(w)));
  if (yes.has(foldText(text))) return { kind: 'asn', words: text.trim() };
  return classify(text);
});

/** Whether an occupation says the officer has retired: then a NIP left on the row no longer makes them ASN. */
export const isRetired: (text: string) => boolean = memoize((text) => segments(text).some((tokens) => load().anywhere.occursIn(tokens)));
