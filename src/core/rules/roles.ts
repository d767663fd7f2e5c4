import { dataFile } from '../data-file.js';
import { foldText } from '../ids/names.js';
import { memoize } from './affiliation/match.js';

export type CoreRole = 'ketua' | 'sekretaris' | 'bendahara';
export const CORE_ROLES: readonly CoreRole[] = ['ketua', 'sekretaris', 'bendahara'];

interface Raw {
  spellings: Record<CoreRole, string[]>;
  sections: string[];
  deputies: string[];
  acting: string[];
  joiners: string[];
}

interface Words {
  spelling: Map<string, CoreRole>;
  sections: Set<string>;
  deputies: Set<string>;
  acting: Set<string>;
  joiners: RegExp;
}

let words: Words | undefined;

/** data/roles.json: spellings seen on rosters ("Sekertaris", "Bendahari", "Ketum"), kept as data. */
function load(): Words {
  if (words) return words;
  const raw = dataFile<Raw>('roles.json');
  const spelling = new Map<string, CoreRole>();
  for (const role of CORE_ROLES) for (const s of raw.spellings[role]) spelling.set(foldText(s), role);
  const joiners = raw.joiners.map((j) => foldText(j)).sort((a, b) => b.length - a.length);
  words = {
    spelling,
    sections: new Set(raw.sections.map(foldText)),
    deputies: new Set(raw.deputies.map(foldText)),
    acting: new Set(raw.acting.map(foldText)),
    // Two roles in one cell: "Sekretaris merangkap Bendahara", "Sekretaris/Bendahara", "Ketua & Humas".
    joiners: new RegExp(`\\s*(?:[/&+,;]|\\b(?:${joiners.join('|')})\\b)\\s*`, 'i'),
  };
  return words;
}

/** The core role one part of a role cell names, if any. */
function partRole(text: string): CoreRole | null {
  const w = load();
  const parts = foldText(text).split(' ').filter(Boolean);
  if (parts[0] !== undefined && w.acting.has(parts[0])) parts.shift();
  const head = parts[0];
  if (head === undefined || w.deputies.has(head)) return null;
  const role = w.spelling.get(head) ?? null;
  if (role === 'ketua' && parts[1] !== undefined && w.sections.has(parts[1])) return null;
  // "Kepala" alone is a chair; "Kepala Desa" on a roster is somebody's office, not a KIM role.
  if (head === 'kepala' && parts.length > 1 && parts[1] !== 'kim') return null;
  return role;
}

/**
 * The core roles a roster's "Jabatan" names: usually one, two for "Sekretaris merangkap
 * Bendahara". A deputy ("Wakil Ketua") or a section head ("Ketua Bidang Penyebaran Informasi")
 * fills none; numbering ("Bendahara I") and the KIM's name after it ("Ketua KIM Maju") do not matter.
 */
export function coreRoles(text: string | null | undefined): CoreRole[] {
  return text ? rolesOf(text) : [];
}

const rolesOf = memoize((text: string): CoreRole[] => {
  const parts = text.split(load().joiners);
  const roles = parts.map(partRole).filter((r): r is CoreRole => r !== null);
  return [...new Set(roles)];
});

/** The core roles no role of a roster fills, in CORE_ROLES order: one look-up per officer, run for every KIM. */
export function missingCoreRoles(roles: readonly (string | null)[]): CoreRole[] {
  const filled = new Set<CoreRole>();
  for (const role of roles) {
    if (role) for (const r of rolesOf(role)) filled.add(r);
    if (filled.size === CORE_ROLES.length) return [];
  }
  return CORE_ROLES.filter((r) => !filled.has(r));
}
