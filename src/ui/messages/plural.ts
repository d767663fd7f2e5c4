import type { Lang } from './index.js';

const RULES: Record<Lang, Intl.PluralRules> = { id: new Intl.PluralRules('id'), en: new Intl.PluralRules('en') };
const START = /\{(\w+), plural,\s*/y;

/**
 * ICU's plural form, the part of it the catalog needs: `{count, plural, one {# KIM} other {# KIMs}}`
 * picks the case the language's plural rules (Intl.PluralRules) give the number, `=0` before them,
 * `other` when none fits, and writes the number for `#`. Indonesian has one form: its messages
 * need none of this. Placeholders inside a case are filled afterwards like any other.
 */
export function pluralize(text: string, lang: Lang, params: Record<string, unknown>): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('{', i);
    if (open < 0) return out + text.slice(i);
    START.lastIndex = open;
    const head = START.exec(text);
    if (!head) {
      out += text.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    const cases = new Map<string, string>();
    let at = START.lastIndex;
    while (text[at] !== '}') {
      const key = /^\s*(=?\w+)\s*\{/.exec(text.slice(at));
      if (!key) throw new Error(`a plural case is malformed in: ${text}`);
      at += key[0].length;
      let depth = 1;
      const from = at;
      for (; depth > 0; at++) depth += text[at] === '{' ? 1 : text[at] === '}' ? -1 : 0;
      cases.set(key[1]!, text.slice(from, at - 1));
      while (text[at] === ' ') at++;
    }
    const value = params[head[1]!];
    const n = Number(value);
    const chosen = cases.get(`=${n}`) ?? (Number.isFinite(n) ? cases.get(RULES[lang].select(n)) : undefined) ?? cases.get('other') ?? '';
    // A missing count stays visible as its placeholder, as translate() leaves any other.
    out += text.slice(i, open) + chosen.replace(/#/g, value === undefined || value === null ? `{${head[1]}}` : String(value));
    i = at + 1;
  }
}
