import { isImpossibleDate, parseDate, yearsIn } from '../ids/date.js';
import { foldText } from '../ids/names.js';
import { parseAcknowledged } from '../ids/values.js';
import { isBlind } from '../roster/coverage.js';
import { isNone } from './affiliation/none.js';
import type { CheckEnv, CommunityRecord, FindingParams, Hit, Rule } from './types.js';

const blank = (s: string | null) => s === null || s.trim() === '';
/** "-", "belum ada", "tidak ada" in an SK cell: no SK, said in so many words. */
const noSk = (s: string | null) => blank(s) || isNone(s);

const skMissing: Rule = {
  code: 'LEG-SK-MISSING',
  category: 'legality',
  severity: 'error',
  description: 'rule.LEG-SK-MISSING',
  community: (c) => {
    if (!noSk(c.sk_number)) return [];
    const reason = !blank(c.sk_number) ? 'none' : isBlind(c.blind, 'sk_number') ? 'noColumn' : 'missing';
    return [{ field: 'sk_number', value: blank(c.sk_number) ? null : c.sk_number, params: reason === 'none' ? { reason, value: c.sk_number!.trim() } : ({ reason } as FindingParams) }];
  },
};

function skDateHits(c: CommunityRecord, env: CheckEnv): Hit[] {
  if (noSk(c.sk_date)) {
    // With neither number nor date there is no SK at all, and LEG-SK-MISSING already says so.
    if (noSk(c.sk_number)) return [];
    return [{ field: 'sk_date', value: null, params: { reason: isBlind(c.blind, 'sk_date') ? 'noColumn' : 'missing' } }];
  }
  const iso = c.sk_date_iso ?? parseDate(c.sk_date);
  if (!iso) {
    const params: FindingParams = isImpossibleDate(c.sk_date!) ? { reason: 'impossible', value: c.sk_date! } : { reason: 'invalid' };
    return [{ field: 'sk_date', value: c.sk_date, params }];
  }
  if (iso > env.today) return [{ field: 'sk_date', value: c.sk_date, params: { reason: 'future', date: iso, today: env.today } }];
  // No lurah or kepala desa formed a KIM before the programme began: such a date has a wrong
  // year (a two-digit year that, read not to lie in the future, fell a century back).
  if (iso < EARLIEST_SK) return [{ field: 'sk_date', value: c.sk_date, params: { reason: 'tooOld', date: iso } }];
  const years = blank(c.sk_number) ? [] : yearsIn(c.sk_number!);
  const year = Number(iso.slice(0, 4));
  if (years.length > 0 && !years.includes(year)) {
    return [{ field: 'sk_date', value: c.sk_date, params: { reason: 'yearMismatch', year, numberYears: years.join(', '), number: c.sk_number! } }];
  }
  return [];
}

/** Before this day no SK can have formed a KIM (the programme began in the 2000s). */
const EARLIEST_SK = '1990-01-01';

const skDate: Rule = { code: 'LEG-SK-DATE', category: 'legality', severity: 'error', description: 'rule.LEG-SK-DATE', community: skDateHits };

// "Sekretaris Lurah" or "Staf Kelurahan" signed for someone else: not the lurah's own decree.
const NOT_THE_HEAD = /\b(sekretaris|sekretariat|staf|staff|wakil|kasi|kaur)\s+$/;

/** Whether an issuer names one of the allowed offices as whole words ("Lurah Tisnonegaran", "Plt. Kepala Desa"). */
export function issuerAllowed(issuer: string, allowed: readonly string[]): boolean {
  const text = ` ${foldText(issuer)} `;
  return allowed.some((a) => {
    const phrase = foldText(a);
    if (!phrase) return false;
    for (let at = text.indexOf(` ${phrase} `); at >= 0; at = text.indexOf(` ${phrase} `, at + 1)) {
      if (!NOT_THE_HEAD.test(text.slice(0, at + 1))) return true;
    }
    return false;
  });
}

const skIssuer: Rule = {
  code: 'LEG-SK-ISSUER',
  category: 'legality',
  severity: 'warning',
  description: 'rule.LEG-SK-ISSUER',
  // A blank issuer is unknown, not wrong: most rosters have no issuer column at all.
  community: (c, env) =>
    blank(c.sk_issuer) || issuerAllowed(c.sk_issuer!, env.config.allowedIssuers)
      ? []
      : [{ field: 'sk_issuer', value: c.sk_issuer, params: { reason: 'notAllowed', allowed: env.config.allowedIssuers.join(', ') } }],
};

const acknowledged: Rule = {
  code: 'LEG-ACK',
  category: 'legality',
  severity: 'error',
  description: 'rule.LEG-ACK',
  community: (c) => {
    const ack = parseAcknowledged(c.acknowledged);
    if (ack === true) return [];
    const reason = blank(c.acknowledged) ? (isBlind(c.blind, 'acknowledged') ? 'noColumn' : 'missing') : ack === false ? 'no' : 'unclear';
    return [{ field: 'acknowledged', value: blank(c.acknowledged) ? null : c.acknowledged, params: { reason } }];
  },
};

/** How the import read a village or district it could not find as written (RegionGuess). */
interface RegionNote {
  district?: { written: string; how: 'near' | 'ambiguous'; candidates: string[] };
  village?: { written: string; how: 'near' | 'ambiguous'; candidates: string[] };
}

function regionHits(c: CommunityRecord, env: CheckEnv): Hit[] {
  const hit = (field: string, reason: string, extra: Record<string, string> = {}, severity?: 'warning'): Hit[] => [
    {
      field,
      value: [c.district_text, c.village_text].filter((s) => !blank(s)).join(' / ') || null,
      params: { reason, district: c.district_text ?? '', village: c.village_text ?? '', ...extra },
      ...(severity && { severity }),
    },
  ];
  const note = c.region_note ? (JSON.parse(c.region_note) as RegionNote) : {};
  if (blank(c.village_text) && !c.village_code) return hit('village', 'villageMissing');
  if (!c.village_code) {
    const fits = note.village?.how === 'ambiguous' ? note.village.candidates : [];
    return fits.length ? hit('village', 'villageAmbiguous', { candidates: fits.join('; ') }) : hit('village', 'villageUnknown');
  }
  if (!blank(c.district_text) && !c.district_code) return hit('district', 'districtUnknown');
  const villageDistrict = c.village_code.split('.').slice(0, 3).join('.');
  if (c.district_code && villageDistrict !== c.district_code) return hit('village', 'notInDistrict', { code: c.village_code });
  if (env.regency) {
    if (!c.village_code.startsWith(env.regency + '.')) return hit('village', 'outsideRegency', { code: c.village_code, regency: env.regency });
    // The reference may have changed since import (a new Kepmendagri): the code must still exist.
    if (!env.regions.has(c.village_code)) return hit('village', 'villageUnknown');
  }
  // Found, but only by its closest spelling: right most of the time, so a warning to check.
  for (const field of ['village', 'district'] as const) {
    const guess = note[field];
    if (guess?.how === 'near') return hit(field, field === 'village' ? 'villageNear' : 'districtNear', { written: guess.written, taken: guess.candidates[0] ?? '' }, 'warning');
  }
  return [];
}

const region: Rule = { code: 'LEG-REGION', category: 'legality', severity: 'error', description: 'rule.LEG-REGION', community: regionHits };

export const legalityRules: Rule[] = [skMissing, skDate, skIssuer, acknowledged, region];
