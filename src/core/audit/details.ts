import { maskNiksInText } from '../ids/mask.js';

/**
 * The details of an audit entry with every NIK masked. The entries are written by every command,
 * so the log does not trust them to have masked NIKs themselves.
 */
export function maskDetails(value: unknown): unknown {
  if (typeof value === 'string') return maskNiksInText(value);
  // A NIK stored as a number that parseDetails could not quote (the whole details, say).
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e15) return maskNiksInText(String(value));
  if (Array.isArray(value)) return value.map(maskDetails);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDetails(v)]));
  }
  return value;
}

/** A bare JSON number of 16 or more digits, which JSON.parse would round past 2^53. */
const LONG_NUMBER = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;

/** Parses a details column; text that is not JSON is kept as text (still masked). */
export function parseDetails(raw: string | null): unknown {
  if (raw === null || raw === '') return null;
  try {
    // Quoted first, so that a NIK written as a number keeps its real last digits when masked.
    return maskDetails(JSON.parse(raw.replace(LONG_NUMBER, '$1"$2"')));
  } catch {
    return maskNiksInText(raw);
  }
}

/** One line for a table cell: `key: value; key: value`, cut at `width` characters. */
export function summariseDetails(details: unknown, width = 80): string {
  if (details === null || details === undefined) return '';
  const text =
    typeof details === 'object' && !Array.isArray(details)
      ? Object.entries(details)
          .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join('; ')
      : typeof details === 'string'
        ? details
        : JSON.stringify(details);
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
}
