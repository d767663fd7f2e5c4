import type { Lang } from '../messages/index.js';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** 2025-12-31 as a clerk writes it in a title: "31 Desember 2025". Anything else is left as it is. */
export function longDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
}

/** A stored ISO time as the clerk's computer shows a date and time: "04/12/2025, 14:05". */
export function localDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** A percentage with one decimal, with the decimal comma in Indonesian: 53,8. */
export function decimal(value: number | null, lang: Lang): string {
  if (value === null) return '';
  const text = value.toFixed(1);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** "12 (+2)" where a count changed since the previous period, "12" where it did not. */
export function withChange(value: number, previous: number | undefined): string {
  if (previous === undefined || previous === value) return String(value);
  const d = value - previous;
  return `${value} (${d > 0 ? '+' : ''}${d})`;
}
