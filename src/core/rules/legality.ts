import { parseDate, yearsIn } from '../ids/date.js';
import { foldText } from '../ids/names.js';
import { parseAcknowledged } from '../ids/values.js';
import type { CheckEnv, CommunityRecord, Hit, Rule } from './types.js';

const blank = (s: string | null) => s === null || s.trim() === '';

const skMissing: Rule = {
  code: 'LEG-SK-MISSING',
  category: 'legality',
  severity: 'error',
  description: 'rule.LEG-SK-MISSING',
  community: (c) => (blank(c.sk_number) ? [{ field: 'sk_number', value: null, params: { reason: 'missing' } }] : []),
};

function skDateHits(c: CommunityRecord, env: CheckEnv): Hit[] {
  if (blank(c.sk_date)) {
    // With neither number nor date there is no SK at all, and LEG-SK-MISSING already says so.
    return blank(c.sk_number) ? [] : [{ field: 'sk_date', value: null, params: { reason: 'missing' } }];
  }
  const iso = c.sk_date_iso ?? parseDate(c.sk_date);
  if (!iso) return [{ field: 'sk_date', value: c.sk_date, params: { reason: 'invalid' } }];
  if (iso > env.today) return [{ field: 'sk_date', value: c.sk_date, params: { reason: 'future', date: iso, today: env.today } }];
  const years = blank(c.sk_number) ? [] : yearsIn(c.sk_number!);
  const year = Number(iso.slice(0, 4));
  if (years.length > 0 && !years.includes(year)) {
    return [{ field: 'sk_date', value: c.sk_date, params: { reason: 'yearMismatch', year, numberYears: years.join(', '), number: c.sk_number! } }];
  }
  return [];
}

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
    const reason = blank(c.acknowledged) ? 'missing' : ack === false ? 'no' : 'unclear';
    return [{ field: 'acknowledged', value: blank(c.acknowledged) ? null : c.acknowledged, params: { reason } }];
  },
};

function regionHits(c: CommunityRecord, env: CheckEnv): Hit[] {
  const hit = (field: string, reason: string, extra: Record<string, string> = {}): Hit[] => [
    {
      field,
      value: [c.district_text, c.village_text].filter((s) => !blank(s)).join(' / ') || null,
      params: { reason, district: c.district_text ?? '', village: c.village_text ?? '', ...extra },
    },
  ];
  if (blank(c.village_text) && !c.village_code) return hit('village', 'villageMissing');
  if (!c.village_code) return hit('village', 'villageUnknown');
  if (!blank(c.district_text) && !c.district_code) return hit('district', 'districtUnknown');
  const villageDistrict = c.village_code.split('.').slice(0, 3).join('.');
  if (c.district_code && villageDistrict !== c.district_code) return hit('village', 'notInDistrict', { code: c.village_code });
  if (env.regency) {
    if (!c.village_code.startsWith(env.regency + '.')) return hit('village', 'outsideRegency', { code: c.village_code, regency: env.regency });
    // The reference may have changed since import (a new Kepmendagri): the code must still exist.
    if (!env.regions.has(c.village_code)) return hit('village', 'villageUnknown');
  }
  return [];
}

const region: Rule = { code: 'LEG-REGION', category: 'legality', severity: 'error', description: 'rule.LEG-REGION', community: regionHits };

export const legalityRules: Rule[] = [skMissing, skDate, skIssuer, acknowledged, region];
