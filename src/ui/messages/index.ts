import type { Entry } from './entry.js';
import { pluralize } from './plural.js';
import { common } from './common.js';
import { cliMessages } from './cli.js';
import { admin } from './admin.js';
import { importMessages } from './import.js';
import { regions } from './regions.js';
import { validateMessages } from './validate.js';
import { numberMessages } from './number.js';
import { reportMessages } from './report.js';
import { interactiveMessages } from './interactive.js';
import { provinceMessages } from './province.js';

/**
 * Every sentence a clerk reads, in Indonesian and English. Each area keeps its own file so that
 * the sentences stay beside the feature; keys are prefixed by area so they never collide.
 */
const catalog = {
  ...common,
  ...cliMessages,
  ...admin,
  ...importMessages,
  ...regions,
  ...validateMessages,
  ...numberMessages,
  ...reportMessages,
  ...interactiveMessages,
  ...provinceMessages,
} satisfies Record<string, Entry>;

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
export type MessageKey = keyof typeof catalog;
export type MessageParams = Record<string, string | number | bigint | null | undefined>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalog, key);
}

/**
 * `{name}` placeholders are filled from params; a missing param stays visible rather than
 * vanishing. A count's noun agrees with it through ICU's `{count, plural, one {…} other {…}}`.
 */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const entry: Entry = catalog[key];
  const text = entry[lang].includes(', plural,') ? pluralize(entry[lang], lang, params) : entry[lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

export const translator = (lang: Lang): Translate => (key, params) => translate(lang, key, params);
