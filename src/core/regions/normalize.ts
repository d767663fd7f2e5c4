import { foldText } from '../ids/names.js';

const PREFIXES =
  /^(desa adat|kampung adat|kabupaten|kab|kota|kotamadya|kecamatan|kec|distrik|kapanewon|kelurahan|kalurahan|kel|desa|ds|kampung|nagari|gampong|pekon|tiyuh)\s+/;

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_WORD = /(?:^| )[ivx]+(?: |$)/;
const ROMAN_VALUE: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 };

/** A Roman numeral word (I to XXXIX) as its number: "ii" → "2". Numbered villages are written both ways. */
function arabic(word: string): string {
  const m = ROMAN.exec(word);
  if (!m || word === '') return word;
  return String(m[1]!.length * 10 + (ROMAN_VALUE[m[2]!] ?? 0));
}

/** A name folded, without its "Kec."/"Desa"/"Kel." prefixes, spaces kept: "Sukadamai" is not "Suka Damai". */
export function writtenKey(name: string): string {
  let s = foldText(name);
  for (let i = 0; i < 2; i++) s = s.replace(PREFIXES, '');
  return s;
}

const spelling = (s: string) => single(s.replace(/oe/g, 'u').replace(/dj/g, 'j').replace(/tj/g, 'c'));

/**
 * The key a region name is compared by: no case, accents, "Kec."/"Desa"/"Kel." prefixes or
 * spaces, the old spelling (oe, dj, tj) folded to the new one, and Roman numerals as Arabic
 * ("Keban II" = "Keban 2").
 */
export function regionKey(name: string): string {
  const s = writtenKey(name);
  // Most names have no Roman numeral: they skip the splitting.
  return spelling(ROMAN_WORD.test(s) ? s.split(' ').map(arabic).join('') : s.replace(/ /g, ''));
}

const UNITS: Record<string, number> = { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };

/** Numbers written as Indonesian words as digits: "dua puluh enam" → "26", "tiga belas" → "13". */
function numberWords(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let value = w === 'sepuluh' ? 10 : w === 'sebelas' ? 11 : UNITS[w];
    if (value === undefined) {
      out.push(w);
      continue;
    }
    if (value < 10 && words[i + 1] === 'belas') [value, i] = [10 + value, i + 1];
    else if (value < 10 && words[i + 1] === 'puluh') {
      [value, i] = [value * 10, i + 1];
      const unit = UNITS[words[i + 1] ?? ''];
      if (unit !== undefined) [value, i] = [value + unit, i + 1];
    }
    out.push(String(value));
  }
  return out;
}

/**
 * The key with numbers in words as digits too: Palembang's kelurahan are "Dua Ilir" and "Tiga-belas
 * Ulu" in the reference, "2 Ilir" and "13 Ulu" in a roster. A second key, looked at only when the
 * first finds nothing, so a name that only reads like a number ("Limapuluh" for "Lima Puluh") is
 * still found by the first.
 */
export function numberKey(name: string): string {
  return spelling(numberWords(writtenKey(name).split(' ').map(arabic)).join(''));
}

/** Doubled letters come and go between spellings ("Sabbangparu", "Sabangparu"): one of each. */
function single(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) !== s.charCodeAt(i - 1) || s.charCodeAt(i) < 97) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The numbers in a region key, in order: a village's number is part of its name, never a typo. */
export function numbersIn(key: string): string {
  return (key.match(/\d+/g) ?? []).join(' ');
}

/** Whether a regency name says it is a city (kota) or a regency (kabupaten), if it says. */
export function regencyKind(name: string): 'kota' | 'kabupaten' | undefined {
  const s = foldText(name);
  if (/^(kota|kotamadya)\b/.test(s)) return 'kota';
  if (/^(kabupaten|kab)\b/.test(s)) return 'kabupaten';
  return undefined;
}

/** Optimal string alignment distance, cut off early once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Spelling noise tolerated: one slip in a name of 5+ letters, two in 10+. */
export function allowedSlips(key: string): number {
  if (key.length >= 10) return 2;
  if (key.length >= 5) return 1;
  return 0;
}
