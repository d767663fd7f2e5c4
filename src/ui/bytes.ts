import type { Lang } from './messages/index.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A file size as a clerk reads it: `1,5 MiB` in Indonesian, `1.5 MiB` in English. */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
