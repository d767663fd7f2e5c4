import { dataFile } from '../../data-file.js';

/** The reference lists in data/ the affiliation rules read (see data-file.ts). */
export interface AsnTerms {
  terms: string[];
  /** A plain yes in a status column that asks whether the officer is ASN. */
  yes: string[];
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

export const asnTerms = () => dataFile<AsnTerms>('asn-terms.json');
export const partyTerms = () => dataFile<PartyTerms>('parties.json');
export const ngoTerms = () => dataFile<NgoTerms>('ngo-terms.json');
export const noneWords = () => dataFile<NoneWords>('none-words.json');
