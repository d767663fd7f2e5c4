import { isValidDate, toIso } from './date.js';

/**
 * The NIP of an ASN (PNS or PPPK): 18 digits = birth date YYYYMMDD + appointment YYYYMM + sex
 * (1 male, 2 female) + serial (3). Usually written in groups: `19731211 199803 1 002`.
 */
export interface Nip {
  digits: string;
  birthDate: string;
  appointed: string;
  sex: 'M' | 'F';
  serial: string;
}

export type NipProblem = 'missing' | 'notDigits' | 'length' | 'birthDate' | 'appointment' | 'sex';

export type NipResult = { ok: true; nip: Nip } | { ok: false; problem: NipProblem };

export function parseNip(text: string | null | undefined): NipResult {
  const raw = (text ?? '').trim().replace(/^'/, '');
  if (raw === '') return { ok: false, problem: 'missing' };
  const digits = raw.replace(/[\s.\-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, problem: 'notDigits' };
  if (digits.length !== 18) return { ok: false, problem: 'length' };
  const [by, bm, bd] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))];
  if (!isValidDate(by, bm, bd)) return { ok: false, problem: 'birthDate' };
  const [ay, am] = [Number(digits.slice(8, 12)), Number(digits.slice(12, 14))];
  if (am < 1 || am > 12 || ay < by) return { ok: false, problem: 'appointment' };
  const sexDigit = digits[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, problem: 'sex' };
  return {
    ok: true,
    nip: {
      digits,
      birthDate: toIso(by, bm, bd),
      appointed: `${ay}-${String(am).padStart(2, '0')}`,
      sex: sexDigit === '1' ? 'M' : 'F',
      serial: digits.slice(15),
    },
  };
}
