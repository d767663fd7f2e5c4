import { nikBirthDate, parseNik } from '../ids/nik.js';
import { parseNip } from '../ids/nip.js';
import { parseAcknowledged } from '../ids/values.js';
import { isBlind } from '../roster/coverage.js';
import { asnInOccupation, asnInStatus, isRetired } from './affiliation/asn.js';
import { ngoInText, namesVillageBody } from './affiliation/ngo.js';
import { isNone } from './affiliation/none.js';
import { partyInColumn, partyInText } from './affiliation/party.js';
import { missingCoreRoles } from './roles.js';
import type { Hit, OfficerRecord, Rule } from './types.js';

const blank = (s: string | null) => s === null || s.trim() === '';

const retiredIn = (...texts: (string | null)[]) => texts.some((t) => t !== null && isRetired(t));

function asnHits(o: OfficerRecord, warnTniPolri: boolean): Hit[] {
  // Any NIP marks an ASN, unless the occupation, status or notes say the officer has retired.
  const retired = retiredIn(o.occupation, o.employment_status, o.notes);
  if (!isNone(o.nip) && !retired) {
    return [{ field: 'nip', value: o.nip, params: { reason: parseNip(o.nip).ok ? 'nip' : 'nipOdd' } }];
  }
  // The occupation, then the status kepegawaian, then the free notes: the first that says ASN.
  const sources = [
    ['occupation', o.occupation, asnInOccupation, 'occupation'],
    ['employment_status', retired ? null : o.employment_status, asnInStatus, 'employmentStatus'],
    ['notes', o.notes, asnInOccupation, 'notes'],
  ] as const;
  let soldier: Hit | undefined;
  for (const [field, value, classify, reason] of sources) {
    const m = value ? classify(value) : null;
    if (m?.kind === 'asn') return [{ field, value, params: { reason, words: m.words } }];
    if (m?.kind === 'tniPolri' && warnTniPolri) soldier ??= { field, value, params: { reason: 'tniPolri', words: m.words }, severity: 'warning' };
  }
  return soldier ? [soldier] : [];
}

function partyHits(o: OfficerRecord): Hit[] {
  if (!isNone(o.party) && !namesVillageBody(o.party!)) {
    const m = partyInColumn(o.party!);
    // A "Partai (Ya/Tidak)" column says membership, not which party: "Ya" is no party's name.
    if (!m && parseAcknowledged(o.party) === true) return [{ field: 'party', value: o.party, params: { reason: 'columnYes', answer: o.party!.trim() } }];
    return [{ field: 'party', value: o.party, params: { reason: 'column', party: m?.party ?? o.party!.trim() } }];
  }
  for (const field of ['occupation', 'notes'] as const) {
    const text = o[field];
    const m = text ? partyInText(text) : null;
    // An explicit "-" in the party column outweighs an ambiguous abbreviation, not a party's name.
    if (!m || (!m.strong && !blank(o.party))) continue;
    const reason = field === 'notes' ? 'notes' : m.kind === 'named' ? 'occupation' : m.kind;
    return [{ field, value: text, params: { reason, party: m.party ?? '', words: m.words } }];
  }
  return [];
}

function ngoHits(o: OfficerRecord): Hit[] {
  if (!isNone(o.ngo) && !namesVillageBody(o.ngo!)) return [{ field: 'ngo', value: o.ngo, params: { reason: 'column' } }];
  for (const field of ['occupation', 'notes'] as const) {
    const words = o[field] ? ngoInText(o[field]!) : null;
    if (words) return [{ field, value: o[field], params: { reason: field, words } }];
  }
  return [];
}

/** Whole years from an ISO birth date to an ISO day. */
export function ageOn(birthIso: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return today.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

function ageHits(o: OfficerRecord, today: string, min: number): Hit[] {
  const nik = o.birth_date_iso ? null : parseNik(o.nik);
  const birth = o.birth_date_iso ?? (nik?.ok ? nikBirthDate(nik.nik, today) : null);
  if (!birth) return [];
  const age = ageOn(birth, today);
  if (age >= min) return [];
  const [field, value] = o.birth_date_iso ? ['birth_date', o.birth_date] : ['nik', o.nik];
  const reason = birth > today ? 'future' : o.birth_date_iso ? 'young' : 'youngByNik';
  return [{ field, value, params: { reason, age, min, birth } }];
}

export const administrativeRules: Rule[] = [
  { code: 'ADM-ASN', category: 'administrative', severity: 'error', description: 'rule.ADM-ASN', officer: (o, _c, env) => asnHits(o, env.config.warnTniPolri) },
  { code: 'ADM-PARTY', category: 'administrative', severity: 'error', description: 'rule.ADM-PARTY', officer: partyHits },
  { code: 'ADM-NGO', category: 'administrative', severity: 'error', description: 'rule.ADM-NGO', officer: ngoHits },
  {
    code: 'ADM-ROLES',
    category: 'administrative',
    severity: 'error',
    description: 'rule.ADM-ROLES',
    roster: (c, roles) => {
      const missing = missingCoreRoles(roles);
      if (missing.length === 0) return [];
      // No roster of this KIM had a role column: the roles are unknown, not missing.
      const reason = isBlind(c.blind, 'role') && roles.every((r) => r === null) ? 'noColumn' : 'missing';
      return [{ field: 'role', value: null, params: { reason, roles: missing.join(', ') } }];
    },
  },
  {
    code: 'ADM-SIZE',
    category: 'administrative',
    severity: 'warning',
    description: 'rule.ADM-SIZE',
    roster: (_c, roles, env) => {
      const { sizeMin: min, sizeMax: max } = env.config;
      const count = roles.length;
      if (count >= min && count <= max) return [];
      return [{ field: null, value: String(count), params: { reason: count < min ? 'tooFew' : 'tooMany', count, min, max } }];
    },
  },
  {
    code: 'ADM-AGE',
    category: 'administrative',
    severity: 'warning',
    description: 'rule.ADM-AGE',
    officer: (o, _c, env) => ageHits(o, env.today, env.config.ageMin),
  },
  {
    code: 'ADM-DUP-NIK',
    category: 'administrative',
    severity: 'warning',
    description: 'rule.ADM-DUP-NIK',
    officer: (o, c, env) => {
      const holders = o.nik_key ? env.nikCommunities.get(o.nik_key) : undefined;
      const others = holders?.filter((x) => x.id !== c.id) ?? [];
      if (others.length === 0) return [];
      return [{ field: 'nik', value: o.nik, params: { reason: 'elsewhere', communities: others.map((x) => `${x.name} (id ${x.id})`).join('; ') } }];
    },
  },
  {
    code: 'ADM-DUP-NIK-REGENCY',
    category: 'administrative',
    severity: 'warning',
    description: 'rule.ADM-DUP-NIK-REGENCY',
    scope: 'province',
    officer: (o, c, env) => {
      const holders = o.nik_key ? env.nikRegencies?.get(o.nik_key) : undefined;
      const own = holders?.find((x) => x.id === c.id)?.regency.code;
      const others = holders?.filter((x) => x.regency.code !== own) ?? [];
      if (own === undefined || others.length === 0) return [];
      return [{ field: 'nik', value: o.nik, params: { reason: 'otherRegency', communities: others.map((x) => `${x.name} (${x.regency.name})`).join('; ') } }];
    },
  },
];
