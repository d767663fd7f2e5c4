import { describe, expect, it } from 'vitest';
import { KimError } from '../../src/errors.js';
import { translate } from '../../src/ui/messages/index.js';
import {
  maxSeq,
  missingTokens,
  overflows,
  parseTemplate,
  renderNumber,
  scopeKey,
} from '../../src/core/numbering/template.js';
import { tokenValues } from '../../src/core/numbering/values.js';

const KANIGARAN = { village_code: '35.74.04.1003', district_code: '35.74.04' };
const values = tokenValues(KANIGARAN, '2025-10-14');

describe('numbering templates', () => {
  it.each([
    ['{village}.{seq:2}', 1, '35.74.04.1003.01', 'village=35.74.04.1003'],
    ['{village}.{seq:2}', 42, '35.74.04.1003.42', 'village=35.74.04.1003'],
    ['{district}/{seq:3}', 7, '35.74.04/007', 'district=35.74.04'],
    ['{regency}-{year}-{seq:4}', 12, '35.74-2025-0012', 'regency=35.74;year=2025'],
    ['KIM.{province}.{seq}', 123, 'KIM.35.123', 'province=35'],
    ['{seq}', 5, '5', ''],
    ['{year}/{village}/{seq:1}', 9, '2025/35.74.04.1003/9', 'year=2025;village=35.74.04.1003'],
    ['{ Village }.{SEQ:2}', 3, '35.74.04.1003.03', 'village=35.74.04.1003'],
    ['{village}.{village}.{seq:2}', 1, '35.74.04.1003.35.74.04.1003.01', 'village=35.74.04.1003'],
  ])('%s with seq %i gives %s in scope "%s"', (source, seq, number, scope) => {
    const t = parseTemplate(source);
    expect(renderNumber(t, values, seq)).toBe(number);
    expect(scopeKey(t, values)).toBe(scope);
  });

  it.each([
    ['', 'number.template.empty'],
    ['{village}', 'number.template.noSeq'],
    ['KIM-01', 'number.template.noSeq'],
    ['{village}.{seq}.{seq:2}', 'number.template.twoSeq'],
    ['{village}.{nomor}.{seq}', 'number.template.unknownToken'],
    ['{kecamatan}.{seq}', 'number.template.unknownToken'],
    ['{seq:x}', 'number.template.unknownToken'],
    ['{village.{seq}', 'number.template.unbalanced'],
    ['{village}}.{seq}', 'number.template.unbalanced'],
    ['{village}.{seq', 'number.template.unbalanced'],
    ['{village}.{seq:0}', 'number.template.badWidth'],
    ['{village}.{seq:10}', 'number.template.badWidth'],
  ])('refuses %j with %s (exit 2)', (source, key) => {
    let error: unknown;
    try {
      parseTemplate(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KimError);
    expect((error as KimError).key).toBe(key);
    expect((error as KimError).exitCode).toBe(2);
  });

  it('names the unknown token and the template in the sentence, with the literal tokens intact', () => {
    try {
      parseTemplate('{desa}.{seq:2}');
      expect.unreachable();
    } catch (e) {
      const text = translate('en', (e as KimError).key, (e as KimError).params);
      expect(text).toBe(
        'Unknown token {desa} in the number template "{desa}.{seq:2}". Allowed: {province} {regency} {district} {village} {year} {seq} {seq:N}.',
      );
    }
  });

  it.each([
    ['{village}.{seq:2}', 99, false],
    ['{village}.{seq:2}', 100, true],
    ['{village}.{seq:1}', 10, true],
    ['{village}.{seq:3}', 999, false],
    ['{village}.{seq}', 1_000_000, false],
  ])('%s overflows at %i: %s', (source, seq, expected) => {
    const t = parseTemplate(source);
    expect(overflows(t, seq)).toBe(expected);
    if (expected) expect(() => renderNumber(t, values, seq)).toThrow(/does not fit/);
  });

  it('knows the largest sequence a width can write', () => {
    expect(maxSeq(parseTemplate('{seq:2}'))).toBe(99);
    expect(maxSeq(parseTemplate('{seq:4}'))).toBe(9999);
    expect(maxSeq(parseTemplate('{seq}'))).toBeNull();
  });
});

describe('token values of a community', () => {
  it.each([
    [{ village_code: '35.74.04.1003', district_code: '35.74.04' }, { village: '35.74.04.1003', district: '35.74.04', regency: '35.74', province: '35' }],
    // The village code wins over a disagreeing district code: it is the more precise fact.
    [{ village_code: '35.74.04.1003', district_code: '35.74.01' }, { village: '35.74.04.1003', district: '35.74.04', regency: '35.74', province: '35' }],
    [{ village_code: null, district_code: '35.74.02' }, { district: '35.74.02', regency: '35.74', province: '35' }],
    [{ village_code: null, district_code: null }, {}],
    [{ village_code: '?Kanigaran|Tisnonegaran', district_code: 'x' }, {}],
  ])('%j gives %j', (codes, expected) => {
    expect(tokenValues(codes, '2024-03-01')).toEqual({ ...expected, year: '2024' });
  });

  it('lists the tokens a community cannot fill', () => {
    const noVillage = tokenValues({ village_code: null, district_code: '35.74.02' }, '2025-01-01');
    expect(missingTokens(parseTemplate('{village}.{seq:2}'), noVillage)).toEqual(['village']);
    expect(missingTokens(parseTemplate('{district}.{seq:2}'), noVillage)).toEqual([]);
    expect(missingTokens(parseTemplate('{year}.{seq:3}'), tokenValues({ village_code: null, district_code: null }, '2025-01-01'))).toEqual([]);
  });
});
