import fs from 'node:fs';

/**
 * The reference lists in data/: plain JSON an office can edit (add a local party abbreviation, a
 * regional word for "none"). Read once per process, only when validation runs.
 */
export interface AsnTerms {
  terms: string[];
  before: string[];
  anywhere: string[];
  tniPolri: string[];
}

export interface PartyEntry {
  party: string;
  names: string[];
  ambiguous: string[];
}

export interface PartyTerms {
  parties: PartyEntry[];
  context: string[];
  generic: string[];
  legislators: string[];
  before: string[];
}

export interface NgoTerms {
  terms: string[];
  villageBodies: string[];
  before: string[];
}

export interface NoneWords {
  words: string[];
  negating: string[];
}

const cache = new Map<string, unknown>();

export function dataFile<T>(name: string): T {
  if (!cache.has(name)) {
    // dist/core/rules/affiliation/ and src/core/rules/affiliation/ both sit four levels below the package root.
    const url = new URL(`../../../../data/${name}`, import.meta.url);
    cache.set(name, JSON.parse(fs.readFileSync(url, 'utf8')));
  }
  return cache.get(name) as T;
}

export const asnTerms = () => dataFile<AsnTerms>('asn-terms.json');
export const partyTerms = () => dataFile<PartyTerms>('parties.json');
export const ngoTerms = () => dataFile<NgoTerms>('ngo-terms.json');
export const noneWords = () => dataFile<NoneWords>('none-words.json');
