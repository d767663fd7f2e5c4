import { describe, expect, it } from 'vitest';
import { titleCase } from '../../src/core/regions/reference.js';

describe('a region name as the recap and the headers print it', () => {
  it.each([
    ['KABUPATEN MUSI BANYUASIN', 'Kabupaten Musi Banyuasin'],
    ['BANYUASIN II', 'Banyuasin II'],
    ['Banyuasin III', 'Banyuasin III'],
    ['KOTA BARU IV', 'Kota Baru IV'],
    ['VIII KOTO', 'VIII Koto'],
    ['DESA VII ILIR', 'Desa VII Ilir'],
    ['SUKARAME XXXIX', 'Sukarame XXXIX'],
    // Words that only hold the letters of numerals, or start with them, stay words.
    ['SUNGAI LILIN', 'Sungai Lilin'],
    ['MIX VILLA', 'Mix Villa'],
    ['KEBAN (I)', 'Keban (I)'],
    ['LUBUK LINGGAU-II', 'Lubuk Linggau-II'],
  ])('%s → %s', (given, printed) => {
    expect(titleCase(given)).toBe(printed);
  });
});
