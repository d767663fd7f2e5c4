import { hitText, memoize, PhraseSet, segments, type Token } from './match.js';
import { partyTerms } from './terms.js';

/**
 * What made a text say "party-affiliated": the party when one is named (null for "kader partai"
 * or a DPRD member), and the words that fired. `strong` is false when only an ambiguous
 * abbreviation with a context word fired ("Kader PAN"): an explicit "none" in the party column
 * outweighs that, but not a full party name or a seat in the DPRD.
 */
export interface PartyMatch {
  kind: 'named' | 'legislator' | 'generic';
  party: string | null;
  words: string;
  strong: boolean;
}

interface Sets {
  names: PhraseSet<string>;
  ambiguous: PhraseSet<string>;
  context: PhraseSet;
  generic: PhraseSet;
  legislators: PhraseSet;
  before: PhraseSet;
}

let sets: Sets | undefined;
function load(): Sets {
  if (!sets) {
    const t = partyTerms();
    sets = {
      names: new PhraseSet(t.parties.flatMap((p) => p.names.map((n) => [n, p.party] as [string, string]))),
      ambiguous: new PhraseSet(t.parties.flatMap((p) => p.ambiguous.map((n) => [n, p.party] as [string, string]))),
      context: PhraseSet.of(t.context),
      generic: PhraseSet.of(t.generic),
      legislators: PhraseSet.of(t.legislators),
      before: PhraseSet.of(t.before),
    };
  }
  return sets;
}

function inSegment(text: string, tokens: Token[], s: Sets, column: boolean): PartyMatch | undefined {
  const live = <T>(set: PhraseSet<T>) => set.findAll(tokens).find((h) => !s.before.occursIn(tokens, 0, h.index));
  const named = live(s.names);
  if (named) return { kind: 'named', party: named.tag, words: hitText(text, tokens, named), strong: true };
  const seat = live(s.legislators);
  if (seat) return { kind: 'legislator', party: null, words: hitText(text, tokens, seat), strong: true };
  // PAN, PBB, Garuda…: only next to a party word, or in a column that is about parties anyway.
  const amb = live(s.ambiguous);
  if (amb) {
    const around = [...tokens.slice(0, amb.index), ...tokens.slice(amb.index + amb.length)];
    if (column || s.context.occursIn(around)) return { kind: 'named', party: amb.tag, words: hitText(text, tokens, amb), strong: column };
  }
  const generic = live(s.generic);
  if (generic) return { kind: 'generic', party: null, words: hitText(text, tokens, generic), strong: true };
  return undefined;
}

function classify(text: string, column: boolean): PartyMatch | null {
  const s = load();
  for (const tokens of segments(text)) {
    const m = inSegment(text, tokens, s, column);
    if (m) return m;
  }
  return null;
}

/** A party named in free text (the occupation). */
export const partyInText: (text: string) => PartyMatch | null = memoize((text) => classify(text, false));

/** The party a party-column value names, when it names a known one ("PAN" there is the party). */
export const partyInColumn: (text: string) => PartyMatch | null = memoize((text) => classify(text, true));
