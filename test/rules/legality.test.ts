import { afterAll, describe, expect, it } from 'vitest';
import { issuerAllowed } from '../../src/core/rules/legality.js';
import { DEFAULT_ISSUERS } from '../../src/core/settings/rules.js';
import { check, codes, newDb } from './helpers.js';

const db = newDb();
afterAll(() => db.close());

describe('a clean KIM', () => {
  it('has no finding at all', () => {
    expect(check(db)).toEqual([]);
  });
});

describe('legality rules fire', () => {
  it.each([
    ['LEG-SK-MISSING', 'missing', { sk_number: null }],
    ['LEG-SK-MISSING', 'missing', { sk_number: '  ' }],
    ['LEG-SK-DATE', 'missing', { sk_date: null, sk_date_iso: null }],
    ['LEG-SK-DATE', 'impossible', { sk_date: '31 Februari 2025', sk_date_iso: null }],
    ['LEG-SK-DATE', 'invalid', { sk_date: 'awal tahun', sk_date_iso: null }],
    ['LEG-SK-DATE', 'future', { sk_date: '1 Desember 2026', sk_date_iso: '2026-12-01' }],
    ['LEG-SK-DATE', 'yearMismatch', { sk_number: '400/89/425.106/2024', sk_date: '2 Agustus 2025', sk_date_iso: '2025-08-02' }],
    ['LEG-SK-ISSUER', 'notAllowed', { sk_issuer: 'Camat Kanigaran' }],
    ['LEG-SK-ISSUER', 'notAllowed', { sk_issuer: 'Sekretaris Lurah Tisnonegaran' }],
    ['LEG-SK-ISSUER', 'notAllowed', { sk_issuer: 'Wali Kota Probolinggo' }],
    ['LEG-ACK', 'missing', { acknowledged: null }],
    ['LEG-ACK', 'no', { acknowledged: 'Belum' }],
    ['LEG-ACK', 'no', { acknowledged: 'Tidak' }],
    ['LEG-ACK', 'unclear', { acknowledged: 'lihat lampiran' }],
    ['LEG-REGION', 'villageMissing', { village_text: null, village_code: null }],
    ['LEG-REGION', 'villageUnknown', { village_text: 'Antah Berantah', village_code: null }],
    ['LEG-REGION', 'districtUnknown', { district_text: 'Kecamatan Entah', district_code: null }],
    // Jati is a kelurahan of Mayangan, not of Kanigaran.
    ['LEG-REGION', 'notInDistrict', { village_text: 'Jati', village_code: '35.74.03.1004' }],
    // Ngadisari is in Kabupaten Probolinggo (35.13), not the city.
    ['LEG-REGION', 'outsideRegency', { district_text: 'Sukapura', district_code: '35.13.01', village_text: 'Ngadisari', village_code: '35.13.01.2001' }],
    ['LEG-REGION', 'villageUnknown', { village_code: '35.74.04.1999' }],
    // "-" or "belum ada" says there is no SK: that is LEG-SK-MISSING alone, not a bad date.
    ['LEG-SK-MISSING', 'none', { sk_number: '-', sk_date: '-', sk_date_iso: null }],
    ['LEG-SK-MISSING', 'none', { sk_number: 'belum ada', sk_date: null, sk_date_iso: null }],
    ['LEG-SK-MISSING', 'none', { sk_number: 'Dalam proses', sk_date: null, sk_date_iso: null }],
    // A two-digit year read back into the last century: before any KIM existed.
    ['LEG-SK-DATE', 'tooOld', { sk_number: '140/12/SK', sk_date: '20-Jan-26', sk_date_iso: '1926-01-20' }],
    // What no roster of the KIM had a column for is named as the cause.
    ['LEG-SK-MISSING', 'noColumn', { sk_number: null, blind: 'sk_number,sk_date' }],
    ['LEG-SK-DATE', 'noColumn', { sk_date: null, sk_date_iso: null, blind: 'sk_date' }],
    ['LEG-ACK', 'noColumn', { acknowledged: null, blind: 'acknowledged' }],
    // A village that fits several, none taken: an error naming them.
    ['LEG-REGION', 'villageAmbiguous', { village_text: 'Sukamaju', village_code: null, region_note: JSON.stringify({ village: { written: 'Sukamaju', how: 'ambiguous', candidates: ['Sukamaju (1)', 'Sukamaju (2)'] } }) }],
  ])('%s (%s) for %j', (rule, reason, community) => {
    const found = check(db, community).filter((f) => f.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0]!.params.reason).toBe(reason);
    expect(found[0]!.officer).toBeNull();
  });
});

describe('legality rules stay silent', () => {
  it.each([
    ['LEG-SK-DATE', 'no SK at all: LEG-SK-MISSING says it', { sk_number: null, sk_date: null, sk_date_iso: null }],
    ['LEG-SK-DATE', 'an SK number without a year', { sk_number: '140/12/SK', sk_date: '2 Agustus 2025', sk_date_iso: '2025-08-02' }],
    ['LEG-SK-DATE', 'one of two years in the number agrees', { sk_number: '400/2024/SK/2025' }],
    ['LEG-SK-DATE', 'dated today', { sk_date: '23 November 2026', sk_date_iso: '2026-11-23', sk_number: '400/1/2026' }],
    ['LEG-SK-DATE', 'a date understood at validation though import left it', { sk_date: '02/08/2025', sk_date_iso: null }],
    ['LEG-SK-ISSUER', 'a blank issuer: unknown is not wrong', { sk_issuer: null }],
    ['LEG-SK-ISSUER', 'the lurah by name', { sk_issuer: 'Lurah Tisnonegaran' }],
    ['LEG-SK-ISSUER', 'an acting kepala desa', { sk_issuer: 'Plt. Kepala Desa Sukamaju' }],
    ['LEG-SK-ISSUER', 'kades', { sk_issuer: 'KADES' }],
    ['LEG-SK-ISSUER', 'kepala kelurahan', { sk_issuer: 'Kepala Kelurahan Jati' }],
    ['LEG-SK-ISSUER', 'a regional name for the head of a village', { sk_issuer: 'Pembakal Murung Kenanga' }],
    ['LEG-SK-ISSUER', 'a wali nagari', { sk_issuer: 'Wali Nagari Koto Tangah' }],
    ['LEG-ACK', 'ya', { acknowledged: 'Ya' }],
    ['LEG-ACK', 'a date', { acknowledged: '14/06/2025' }],
    ['LEG-ACK', 'a tick', { acknowledged: '✓' }],
    ['LEG-REGION', 'a kelurahan in its district', { village_text: 'Kanigaran', village_code: '35.74.04.1003' }],
    ['LEG-REGION', 'no district written, village known', { district_text: null, district_code: null }],
  ])('%s: %s', (rule, _why, community) => {
    expect(codes(check(db, community))).not.toContain(rule);
  });
});

describe('issuerAllowed', () => {
  it.each([
    ['Lurah Tisnonegaran', true],
    ['LURAH', true],
    ['Pj. Kepala Desa Ngadisari', true],
    ['Kades Wonotoro', true],
    ['Camat Kanigaran', false],
    ['Sekretaris Desa', false],
    ['Staf Kelurahan', false],
    ['Sekretaris Lurah', false],
    ['Kelurahan', false],
  ])('%s -> %s', (issuer, allowed) => {
    expect(issuerAllowed(issuer, DEFAULT_ISSUERS)).toBe(allowed);
  });

  it('accepts what an office adds, such as the camat', () => {
    expect(issuerAllowed('Camat Kanigaran', [...DEFAULT_ISSUERS, 'camat'])).toBe(true);
  });
});

describe('LEG-REGION on a village read by its closest spelling', () => {
  it('warns, naming what it was written and what it was read as', () => {
    const note = { village: { written: 'Tisnonegoro', how: 'near', candidates: ['Tisnonegaran (35.74.04.1001)'] } };
    const found = check(db, { village_text: 'Tisnonegoro', region_note: JSON.stringify(note) }).filter((f) => f.rule === 'LEG-REGION');
    expect(found).toMatchObject([{ severity: 'warning', params: { reason: 'villageNear', written: 'Tisnonegoro', taken: 'Tisnonegaran (35.74.04.1001)' } }]);
  });
});
