import { usageError } from '../../errors.js';
import { foldText } from '../ids/names.js';
import { RULES } from '../rules/catalog.js';
import type { Severity } from '../rules/types.js';
import type { SettingDef } from './types.js';

/**
 * The SK issuers accepted by default: the lurah or kepala desa, as the regulation says, under the
 * names regions give the head of a village (Pembakal in Kalimantan Selatan, Wali Nagari in
 * Sumatera Barat, Keuchik in Aceh, Kuwu in Cirebon, Perbekel in Bali, Hukum Tua in Minahasa…).
 */
export const DEFAULT_ISSUERS = [
  'lurah', 'kepala kelurahan', 'kepala desa', 'kades', 'pembakal', 'pambakal', 'wali nagari', 'walinagari', 'keuchik', 'geuchik',
  'kepala kampung', 'kepala gampong', 'kuwu', 'perbekel', 'hukum tua', 'kepala lembang', 'petinggi', 'kepala pekon', 'peratin',
  'kepala tiyuh', 'datuk penghulu', 'kepala negeri', 'kepala jorong',
];

const SEVERITIES: Record<string, Severity> = { error: 'error', galat: 'error', kesalahan: 'error', warning: 'warning', peringatan: 'warning' };
const TRUE = new Set(['true', 'yes', 'ya', 'on', '1', 'aktif', 'enabled']);
const FALSE = new Set(['false', 'no', 'tidak', 'off', '0', 'nonaktif', 'disabled']);

function severity(key: string) {
  return (text: string): Severity => {
    const s = SEVERITIES[foldText(text)];
    if (!s) throw usageError('config.badSeverity', { key, value: text });
    return s;
  };
}

function flag(key: string) {
  return (text: string): boolean => {
    const s = foldText(text);
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
    throw usageError('config.badBoolean', { key, value: text });
  };
}

function whole(key: string, min: number, max: number) {
  return (text: string): number => {
    const t = text.trim();
    const n = Number(t);
    if (!/^\d+$/.test(t) || n < min || n > max) throw usageError('config.badWholeNumber', { key, value: text, min, max });
    return n;
  };
}

function list(key: string) {
  return (text: string): string[] => {
    const items = text.split(/[,;]/).map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
    if (items.length === 0) throw usageError('config.badList', { key, value: text });
    return items;
  };
}

const bool = (v: boolean) => String(v);

/** The rule settings: each rule's severity and on/off switch, and the bounds and lists rules use. */
export function ruleSettings(): SettingDef[] {
  const perRule = RULES.flatMap((r): SettingDef[] => [
    { key: `rules.${r.code}.severity`, defaultValue: r.severity, describe: 'settings.rules.severity', describeParams: { code: r.code }, parse: severity(`rules.${r.code}.severity`) },
    { key: `rules.${r.code}.enabled`, defaultValue: true, describe: 'settings.rules.enabled', describeParams: { code: r.code }, parse: flag(`rules.${r.code}.enabled`), show: bool },
  ]);
  return [
    ...perRule,
    { key: 'rules.ADM-SIZE.min', defaultValue: 3, describe: 'settings.rules.sizeMin', parse: whole('rules.ADM-SIZE.min', 1, 1000) },
    { key: 'rules.ADM-SIZE.max', defaultValue: 30, describe: 'settings.rules.sizeMax', parse: whole('rules.ADM-SIZE.max', 1, 1000) },
    { key: 'rules.ADM-AGE.min', defaultValue: 17, describe: 'settings.rules.ageMin', parse: whole('rules.ADM-AGE.min', 0, 100) },
    {
      key: 'rules.LEG-SK-ISSUER.allowed',
      defaultValue: DEFAULT_ISSUERS,
      describe: 'settings.rules.issuers',
      parse: list('rules.LEG-SK-ISSUER.allowed'),
      show: (v) => (v as string[]).join(', '),
    },
    { key: 'rules.ADM-ASN.warnTniPolri', defaultValue: false, describe: 'settings.rules.tniPolri', parse: flag('rules.ADM-ASN.warnTniPolri'), show: bool },
  ];
}
