import { nikDateText, parseNik, type Nik } from '../ids/nik.js';
import { parsePhone } from '../ids/phone.js';
import { isNone } from './affiliation/none.js';
import { isBlind } from '../roster/coverage.js';
import type { CommunityRecord, Hit, OfficerRecord, Rule } from './types.js';

function nikHits(o: OfficerRecord, c: CommunityRecord): Hit[] {
  const r = parseNik(o.nik);
  if (r.ok) return [];
  // A roster without a NIK column could not give one: that is the cause to name.
  const reason = r.problem === 'missing' && isBlind(c.blind, 'nik') ? 'noColumn' : r.problem;
  return [{ field: 'nik', value: r.problem === 'missing' ? null : o.nik, params: r.digits === undefined ? { reason } : { reason, digits: r.digits } }];
}

const two = (n: number) => (n < 10 ? '0' + n : String(n));
const nikIsoTail = (nik: Nik) => `${two(nik.yy)}-${two(nik.month)}-${two(nik.day)}`;

function mismatchHits(o: OfficerRecord): Hit[] {
  const r = parseNik(o.nik);
  if (!r.ok) return [];
  const nik = r.nik;
  const hits: Hit[] = [];
  const iso = o.birth_date_iso;
  // YY-MM-DD of the column against the NIK's: the NIK does not say the century.
  if (iso && iso.slice(2) !== nikIsoTail(nik)) {
    const date = `${iso.slice(8)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    hits.push({ field: 'birth_date', value: o.birth_date, params: { reason: 'birthDate', nikDate: nikDateText(nik), date } });
  }
  if (o.sex && o.sex !== nik.sex) {
    hits.push({ field: 'gender', value: o.gender, params: { reason: nik.sex === 'F' ? 'sexNikFemale' : 'sexNikMale' } });
  }
  return hits;
}

function phoneHits(o: OfficerRecord): Hit[] {
  if (isNone(o.phone)) return [];
  const r = parsePhone(o.phone);
  return r && !r.ok ? [{ field: 'phone', value: o.phone, params: { reason: r.problem, part: r.part } }] : [];
}

export const dataRules: Rule[] = [
  { code: 'DAT-NIK', category: 'data', severity: 'error', description: 'rule.DAT-NIK', officer: nikHits },
  { code: 'DAT-NIK-MISMATCH', category: 'data', severity: 'warning', description: 'rule.DAT-NIK-MISMATCH', officer: mismatchHits },
  { code: 'DAT-PHONE', category: 'data', severity: 'warning', description: 'rule.DAT-PHONE', officer: phoneHits },
];
