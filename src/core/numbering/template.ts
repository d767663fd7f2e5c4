import { usageError } from '../../errors.js';

/** The tokens a numbering template may hold, besides `{seq}` and `{seq:N}`. */
export const REGION_TOKENS = ['province', 'regency', 'district', 'village'] as const;
export const VALUE_TOKENS = [...REGION_TOKENS, 'year'] as const;
export type ValueToken = (typeof VALUE_TOKENS)[number];

export const DEFAULT_TEMPLATE = '{village}.{seq:2}';
export const MAX_SEQ_WIDTH = 9;

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; token: ValueToken }
  | { kind: 'seq'; width: number | null };

export interface Template {
  source: string;
  parts: TemplatePart[];
  /** The value tokens in the order they appear, each once: they make the sequence's scope. */
  scopeTokens: ValueToken[];
  /** Zero-padding width of `{seq:N}`, or null for `{seq}` (no padding, never overflows). */
  seqWidth: number | null;
}

const ALLOWED = [...VALUE_TOKENS.map((t) => `{${t}}`), '{seq}', '{seq:N}'].join(' ');

/**
 * Reads a template such as `{village}.{seq:2}` or `KIM/{district}/{year}/{seq:3}`. Refuses, with a
 * sentence for the clerk, anything that could not make unique, well-formed numbers: no `{seq}`,
 * two of them, an unknown token or a stray brace.
 */
export function parseTemplate(source: string): Template {
  const text = source.trim();
  if (text === '') throw usageError('number.template.empty');
  const parts: TemplatePart[] = [];
  const scopeTokens: ValueToken[] = [];
  let seqWidth: number | null = null;
  let seqCount = 0;
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '}') throw usageError('number.template.unbalanced', { template: text });
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const close = text.indexOf('}', i);
    if (close < 0 || text.slice(i + 1, close).includes('{')) throw usageError('number.template.unbalanced', { template: text });
    const name = text.slice(i + 1, close).trim().toLowerCase();
    if (literal) parts.push({ kind: 'text', text: literal });
    literal = '';
    const seq = /^seq(?::(\d+))?$/.exec(name);
    if (seq) {
      const width = seq[1] === undefined ? null : Number(seq[1]);
      if (width !== null && (width < 1 || width > MAX_SEQ_WIDTH)) {
        throw usageError('number.template.badWidth', { template: text, max: MAX_SEQ_WIDTH });
      }
      seqCount++;
      seqWidth = width;
      parts.push({ kind: 'seq', width });
    } else if ((VALUE_TOKENS as readonly string[]).includes(name)) {
      const token = name as ValueToken;
      if (!scopeTokens.includes(token)) scopeTokens.push(token);
      parts.push({ kind: 'value', token });
    } else {
      throw usageError('number.template.unknownToken', { template: text, token: text.slice(i, close + 1), allowed: ALLOWED });
    }
    i = close + 1;
  }
  if (literal) parts.push({ kind: 'text', text: literal });
  if (seqCount === 0) throw usageError('number.template.noSeq', { template: text });
  if (seqCount > 1) throw usageError('number.template.twoSeq', { template: text });
  return { source: text, parts, scopeTokens, seqWidth };
}

export type TokenValues = Partial<Record<ValueToken, string>>;

/**
 * The scope a sequence counts in: the values of the template's other tokens, e.g.
 * `village=35.74.03.1007`. A template with no other token counts in one office-wide scope ('').
 * The template's literal text is left out on purpose, so that changing `.` to `/` or widening
 * `{seq:2}` to `{seq:3}` continues the count instead of starting again at 1.
 */
export function scopeKey(template: Template, values: TokenValues): string {
  return template.scopeTokens.map((t) => `${t}=${values[t] ?? ''}`).join(';');
}

/** The tokens of the template that have no value for this community. */
export function missingTokens(template: Template, values: TokenValues): ValueToken[] {
  return template.scopeTokens.filter((t) => !values[t]);
}

/** True when seq does not fit the `{seq:N}` width (seq 100 under `{seq:2}`). */
export function overflows(template: Template, seq: number): boolean {
  return template.seqWidth !== null && String(seq).length > template.seqWidth;
}

/** The number for one sequence value. Callers check overflows() and missingTokens() first. */
export function renderNumber(template: Template, values: TokenValues, seq: number): string {
  if (overflows(template, seq)) throw new Error(`sequence ${seq} does not fit ${template.source}`);
  return template.parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'seq') return p.width === null ? String(seq) : String(seq).padStart(p.width, '0');
      const value = values[p.token];
      if (!value) throw new Error(`no value for {${p.token}}`);
      return value;
    })
    .join('');
}

/** The largest sequence value the template can write, or null when unbounded. */
export function maxSeq(template: Template): number | null {
  return template.seqWidth === null ? null : 10 ** template.seqWidth - 1;
}
