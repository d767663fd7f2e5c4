import { describe, expect, it } from 'vitest';
import { KimError } from '../../src/errors.js';
import { findProvince, findRegency } from '../../src/core/regions/resolve.js';
import { translate } from '../../src/ui/messages/index.js';

/** The sentence a refusal gives a clerk, in English. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof KimError && e.exitCode === 2) return translate('en', e.key, e.params);
    throw e;
  }
  throw new Error('not refused');
}

describe('kim init --province: the province a clerk names', () => {
  it.each([
    ['16', '16'],
    ['35', '35'],
    ['Sumatera Selatan', '16'],
    ['SUMATERA SELATAN', '16'],
    ['Provinsi Sumatera Selatan', '16'],
    ['Prov. Jawa Timur', '35'],
    ['Sumatra Selatan', '16'],
    ['Jawa Timor', '35'],
    ['DKI Jakarta', '31'],
  ])('%j is %s', (text, code) => expect(findProvince(text).code).toBe(code));

  it.each([
    ['99', 'Province code "99" is not in the Kemendagri reference. A valid code looks like 16.'],
    ['Atlantis', 'No province named "Atlantis". Check the spelling, or use its code (e.g. 16).'],
  ])('%j is refused', (text, sentence) => expect(refusal(() => findProvince(text))).toBe(sentence));

  it('leaves finding a regency as it was', () => {
    expect(findRegency('Kota Probolinggo').code).toBe('35.74');
    expect(findRegency('Musi Banyuasin').code).toBe('16.06');
    expect(refusal(() => findRegency('Probolinggo'))).toMatch(/^"Probolinggo" matches several regions: 35.13 Kabupaten Probolinggo, 35.74 Kota Probolinggo/);
  });
});
