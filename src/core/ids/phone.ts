/**
 * Indonesian phone numbers as rosters write them: mobiles `0812-3456-7890` (08…, 10–13 digits)
 * or `+62 812 3456 7890`, and landlines with an area code (`(0335) 421234`). One cell may hold
 * several numbers: `0812… / 0857…`.
 */
export type PhoneProblem = 'leadingZero' | 'format';

export type PhoneResult = { ok: true; numbers: string[] } | { ok: false; problem: PhoneProblem; part: string };

const MOBILE = /^8\d{8,11}$/;
const LANDLINE = /^[2-79]\d{7,10}$/;

/** The national part after 0 or +62, or null when the number has neither prefix. */
function nationalPart(digitsWithPlus: string): string | null {
  let s = digitsWithPlus;
  if (s.startsWith('+62')) s = s.slice(3);
  else if (s.startsWith('0062')) s = s.slice(4);
  else if (s.startsWith('62') && s.length >= 11) s = s.slice(2); // the "+" lost in a spreadsheet
  else if (s.startsWith('0')) return s.slice(1);
  else return null;
  // "+62 0812…" is a common slip with an unmistakable meaning.
  return s.startsWith('0') ? s.slice(1) : s;
}

function parseOne(part: string): PhoneResult {
  const compact = part.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return { ok: false, problem: 'format', part };
  const national = nationalPart(compact);
  if (national === null) {
    // 812… with the 0 gone: what a number cell in a spreadsheet does to a mobile number.
    return { ok: false, problem: MOBILE.test(compact) ? 'leadingZero' : 'format', part };
  }
  if (MOBILE.test(national) || LANDLINE.test(national)) return { ok: true, numbers: ['+62' + national] };
  return { ok: false, problem: 'format', part };
}

// What clerks write around a number: "0812… (WA)", "HP: 0812…", "WA/Telp 0812…". Excel's text
// marker is a leading apostrophe.
const LABEL = /\(\s*(?:wa|whatsapp|hp|sms|telp|tlp|telepon|aktif|rumah|kantor|pribadi)[^)]*\)|\b(?:no|nomor|wa|whatsapp|hp|telp|tlp|telepon|sms)\b\.?\s*:?/gi;

/** Null for a blank cell: a missing phone number is not a wrong one. */
export function parsePhone(text: string | null | undefined): PhoneResult | null {
  const raw = (text ?? '').trim().replace(/^'/, '').replace(LABEL, ' ').replace(/^[\s/,;:.-]+|[\s/,;:.-]+$/g, '');
  if (raw === '') return (text ?? '').trim() === '' ? null : { ok: false, problem: 'format', part: (text ?? '').trim() };
  const parts = raw.split(/\s*(?:[/,;|&]|\bdan\b|\batau\b)\s*/i).filter((p) => p !== '');
  const numbers: string[] = [];
  for (const part of parts) {
    const r = parseOne(part);
    if (!r.ok) return r;
    numbers.push(...r.numbers);
  }
  return numbers.length ? { ok: true, numbers } : { ok: false, problem: 'format', part: raw };
}
