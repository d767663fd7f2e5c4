import { parseDate } from './date.js';
import { foldText } from './names.js';

const MALE = new Set(['l', 'lk', 'laki', 'laki laki', 'lakilaki', 'pria', 'm', 'male', 'man']);
const FEMALE = new Set(['p', 'pr', 'perempuan', 'wanita', 'w', 'f', 'female', 'woman']);

/** Sex from the many ways a roster writes it: L/P, Laki-laki/Perempuan, Pria/Wanita, M/F. */
export function parseSex(text: string | null | undefined): 'M' | 'F' | null {
  if (!text) return null;
  const s = foldText(text);
  if (MALE.has(s)) return 'M';
  if (FEMALE.has(s)) return 'F';
  return null;
}

const YES = new Set(['ya', 'y', 'yes', 'sudah', 'sdh', 'ada', 'diketahui', 'v', 'x', 'ok', 'true', '1', 'benar', 'telah']);
const NO = new Set(['tidak', 'tdk', 't', 'no', 'n', 'belum', 'blm', 'tidak ada', 'false', '0', 'nihil']);

/**
 * Whether the officer list is acknowledged by the lurah/kades: a yes-word or a date means yes,
 * a no-word or a blank means no; anything else is unknown (null).
 */
export function parseAcknowledged(text: string | null | undefined): boolean | null {
  if (!text || !text.trim()) return false;
  const raw = text.trim();
  if (raw === '✓' || raw === '√' || raw === '✔') return true;
  const s = foldText(raw);
  if (YES.has(s) || s.startsWith('sudah ') || s.startsWith('ya ') || s.startsWith('diketahui ')) return true;
  if (NO.has(s) || s.startsWith('belum ') || s.startsWith('tidak ') || s === '') return false;
  if (parseDate(raw)) return true;
  return null;
}
