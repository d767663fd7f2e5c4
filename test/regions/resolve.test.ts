import { describe, expect, it } from 'vitest';
import { regionKey } from '../../src/core/regions/normalize.js';
import { loadRegencyReference } from '../../src/core/regions/reference.js';
import { RegionResolver } from '../../src/core/regions/resolve.js';

/** Musi Banyuasin (16.06): Kecamatan Sanga Desa holds both Keban I and Keban II. */
const muba = new RegionResolver({ ...loadRegencyReference('16.06'), regencyCode: '16.06' });
/** Kota Probolinggo (35.74). */
const probolinggo = new RegionResolver({ ...loadRegencyReference('35.74'), regencyCode: '35.74' });

describe('region keys', () => {
  it.each([
    ['Keban II', 'Keban 2'],
    ['Keban I', 'KEBAN 1'],
    ['Desa Keban II', 'Ds. Keban 2'],
    ['Nan XX', 'Nan 20'],
    ['Sabangparu', 'Sabbangparu'],
    ['Tjilatjap', 'Cilacap'],
  ])('%j = %j', (a, b) => expect(regionKey(a)).toBe(regionKey(b)));

  it.each([['Keban I', 'Keban II'], ['Keban 1', 'Keban 2'], ['Kuta Batu I', 'Kuta Batu']])('%j ≠ %j', (a, b) =>
    expect(regionKey(a)).not.toBe(regionKey(b)));
});

describe('a village written with either kind of numeral', () => {
  it.each([
    ['Sanga Desa', 'Keban 2', '16.06.05.2015'],
    ['Sanga Desa', 'Keban II', '16.06.05.2015'],
    ['Sanga Desa', 'KEBAN 1', '16.06.05.2014'],
    ['Sanga Desa', 'Keban I', '16.06.05.2014'],
    ['', 'Keban 2', '16.06.05.2015'],
  ])('%j / %j is %s, for certain', (district, village, code) => {
    expect(muba.resolve('', district, village)).toEqual({ districtCode: district ? '16.06.05' : null, villageCode: code, note: null });
  });

  it('never takes a village with another number for a slip: "Keban 3" is no village', () => {
    expect(muba.resolve('', 'Sanga Desa', 'Keban 3')).toMatchObject({ villageCode: null });
    expect(muba.resolve('', 'Sanga Desa', 'Kebam 2')).toMatchObject({ villageCode: '16.06.05.2015', note: { village: { how: 'near' } } });
  });
});

/** Kota Palembang (16.71): the reference spells its numbered kelurahan and kecamatan in words. */
const palembang = new RegionResolver({ ...loadRegencyReference('16.71'), regencyCode: '16.71' });
/** Ogan Komering Ilir (16.02): Sukadamai and Suka Damai are two desa. */
const oki = new RegionResolver({ ...loadRegencyReference('16.02'), regencyCode: '16.02' });

describe('a number written in words in the reference, in digits in the roster', () => {
  it.each([
    ['Ilir Timur II', '2 Ilir', '16.71.06', '16.71.06.1008'],
    ['Ilir Timur 2', '3 Ilir', '16.71.06', '16.71.06.1006'],
    ['Ilir Timur Dua', 'Dua Ilir', '16.71.06', '16.71.06.1008'],
    ['Seberang Ulu I', '7 Ulu', '16.71.02', '16.71.02.1006'],
    ['Seberang Ulu II', '13 Ulu', '16.71.03', '16.71.03.1003'],
    ['Seberang Ulu I', '3-4 Ulu', '16.71.02', '16.71.02.1004'],
    ['Ilir Barat I', '26 Ilir I', '16.71.04', '16.71.04.1003'],
  ])('%j / %j is %s / %s, for certain', (district, village, districtCode, villageCode) => {
    expect(palembang.resolve('', district, village)).toEqual({ districtCode, villageCode, note: null });
  });

  it('never takes another number: there is no "17 Ulu", and Tujuh Ulu or Lima-belas Ulu is not it', () => {
    expect(palembang.resolve('', 'Seberang Ulu II', '17 Ulu')).toMatchObject({ villageCode: null });
    expect(palembang.resolve('', '', '14 Ilir')).toMatchObject({ villageCode: '16.71.05.1004', note: null });
  });
});

/** Kabupaten Jayapura (91.03): some kampung are "Desa Adat …" in the reference. */
const jayapura = new RegionResolver({ ...loadRegencyReference('91.03'), regencyCode: '91.03' });

describe('a prefix of the village\'s kind, on either side', () => {
  it.each([
    ['SENTANI TIMUR', 'KAMPUNG AYAPO'],
    ['Distrik Sentani Timur', 'Ayapo'],
    ['Sentani Timur', 'Desa Adat Ayapo'],
  ])('%j / %j is Desa Adat Ayapo', (district, village) => {
    expect(jayapura.resolve('', district, village)).toEqual({ districtCode: '91.03.02', villageCode: '91.03.02.3003', note: null });
  });
});

describe('two villages with one key', () => {
  it('takes the one spelled as written, spaces and all', () => {
    expect(oki.resolve('', '', 'Sukadamai').villageCode).toBe('16.02.03.2009');
    expect(oki.resolve('', '', 'Suka Damai').villageCode).toBe('16.02.19.2011');
  });
});

describe('a village found only by its closest spelling, or by none for certain', () => {
  it('takes the one closest spelling and says so', () => {
    const r = probolinggo.resolve('', 'Kanigaran', 'Tisnonegaren');
    expect(r.villageCode).toBe('35.74.04.1001');
    expect(r.note).toEqual({ village: { written: 'Tisnonegaren', how: 'near', candidates: ['Tisnonegaran (35.74.04.1001)'] } });
  });

  it('takes a village written exactly in the whole regency, under the wrong kecamatan', () => {
    // Jati is a kelurahan of Mayangan, written under Kanigaran.
    expect(probolinggo.resolve('', 'Kanigaran', 'Jati')).toEqual({ districtCode: '35.74.04', villageCode: '35.74.03.1004', note: null });
  });

  it('does not guess between two villages of one name, and names both', () => {
    // Sumber Rejeki is a desa of two kecamatan of Musi Banyuasin.
    const r = muba.resolve('', '', 'Sumber Rejeki');
    expect(r.villageCode).toBeNull();
    expect(r.note?.village).toMatchObject({ how: 'ambiguous', candidates: [expect.stringContaining('16.06.07.2008'), expect.stringContaining('16.06.10.2015')] });
  });
});
