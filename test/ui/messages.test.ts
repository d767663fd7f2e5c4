import { describe, expect, it } from 'vitest';
import { LANGS, translate } from '../../src/ui/messages/index.js';
import { pluralize } from '../../src/ui/messages/plural.js';
import { CATALOG_KEYS as KEYS } from '../helpers/catalog.js';

/** The placeholders that hold a count set to n; the others (names, paths, codes) to a word. */
const COUNTS = new Set(['count', 'communities', 'officers', 'errors', 'warnings', 'compliant', 'created', 'updated', 'restored', 'rows', 'max', 'digits', 'problems', 'references', 'districts', 'villages', 'skipped', 'assigned', 'moved', 'merged']);
const all = (n: number) => new Proxy({}, { get: (_target, name) => (COUNTS.has(String(name)) ? n : 'X') }) as Record<string, number>;

describe('plurals in the catalog', () => {
  it.each([
    ['{n, plural, one {# KIM} other {# KIMs}}', 'en', 1, '1 KIM'],
    ['{n, plural, one {# KIM} other {# KIMs}}', 'en', 0, '0 KIMs'],
    ['{n, plural, one {# KIM} other {# KIMs}}', 'en', 2, '2 KIMs'],
    ['{n, plural, =0 {no KIM} one {# KIM} other {# KIMs}} left', 'en', 0, 'no KIM left'],
    ['Give {n, plural, one {this number} other {these # numbers}}? {x}', 'en', 1, 'Give this number? {x}'],
    ['{n, plural, one {# KIM} other {# KIM}}', 'id', 1, '1 KIM'],
  ] as const)('%s with %s and %i: %s', (text, lang, n, expected) => {
    expect(pluralize(text, lang, { n })).toBe(expected);
  });

  it('leaves no English count of one with a plural noun, and no plural form unfilled', () => {
    expect(KEYS.length).toBeGreaterThan(500);
    // "1 KIMs checked", "1 error findings", "1 rows were rejected": a count of one, then a plural.
    const PLURAL = /(?<![\w.])1 (?:(?!with )[a-z-]+ )?(KIMs|rows|records|officers|errors|warnings|findings|digits|cells|districts|villages|problems|references|numbers|were|have|are|need)\b/g;
    const wrong = KEYS.flatMap((key) => [...translate('en', key, all(1)).matchAll(PLURAL)].map((m) => `${key}: ${m[0]}`));
    expect(wrong).toEqual([]);
    for (const lang of LANGS) for (const key of KEYS) expect(translate(lang, key, all(2))).not.toMatch(/, plural,/);
  });
});
