import { hitText, memoize, PhraseSet, segments } from './match.js';
import { ngoTerms } from './terms.js';

interface Sets {
  terms: PhraseSet;
  villageBodies: PhraseSet;
  before: PhraseSet;
}

let sets: Sets | undefined;
function load(): Sets {
  const t = ngoTerms();
  sets ??= { terms: PhraseSet.of(t.terms), villageBodies: PhraseSet.of(t.villageBodies), before: PhraseSet.of(t.before) };
  return sets;
}

/** The LSM words in a text ("Aktivis LSM Peduli"), unless negated ("bukan LSM"). */
export const ngoInText: (text: string) => string | null = memoize((text) => {
  const s = load();
  for (const tokens of segments(text)) {
    const hit = s.terms.findAll(tokens).find((h) => !s.before.occursIn(tokens, 0, h.index));
    if (hit) return hitText(text, tokens, hit);
  }
  return null;
});

/** Whether a text names only village bodies (Karang Taruna, PKK, LPM, BPD, RT/RW…), which are not LSMs. */
export const namesVillageBody: (text: string) => boolean = memoize((text) => {
  const s = load();
  return segments(text).some((tokens) => s.villageBodies.occursIn(tokens)) && ngoInText(text) === null;
});
