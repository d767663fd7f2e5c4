import { foldText } from '../ids/names.js';
import { memoize } from './affiliation/match.js';

export type CoreRole = 'ketua' | 'sekretaris' | 'bendahara';
export const CORE_ROLES: readonly CoreRole[] = ['ketua', 'sekretaris', 'bendahara'];

// Spellings seen on rosters: "Sekertaris", "Sekretaris I", "Bendahari", "Ketum", "Sekum", "Bendum".
const SPELLINGS: [RegExp, CoreRole][] = [
  [/^(ketua|ketum|kepala)$/, 'ketua'],
  [/^(sekretaris|sekertaris|sekretaries|sekum|sekr|sekre|sek|carik)$/, 'sekretaris'],
  [/^(bendahara|bendahari|bendum|bend|bendaharawan)$/, 'bendahara'],
];

// Words after "Ketua" that make it the head of a section, not of the KIM: "Ketua Bidang Humas".
const SECTION = new Set(['bidang', 'bid', 'seksi', 'sie', 'si', 'divisi', 'div', 'pokja', 'kelompok', 'komisi', 'departemen', 'dept', 'unit', 'tim', 'rt', 'rw']);
// An acting chair (Plt./Pj. Ketua) does fill the role, so only deputies are listed.
const DEPUTY = new Set(['wakil', 'wk', 'waka', 'wa']);

/**
 * The core role a roster's "Jabatan" names, if any. A deputy ("Wakil Ketua") or a section head
 * ("Ketua Bidang Penyebaran Informasi") does not fill the core role; numbering ("Bendahara I")
 * and the KIM's name after it ("Ketua KIM Maju") do not matter.
 */
export function coreRole(text: string | null | undefined): CoreRole | null {
  return text ? roleOf(text) : null;
}

const roleOf = memoize((text: string): CoreRole | null => {
  const words = foldText(text).split(' ').filter(Boolean);
  if (words[0] === 'plt' || words[0] === 'pj') words.shift();
  const head = words[0];
  if (head === undefined || DEPUTY.has(head)) return null;
  const role = SPELLINGS.find(([re]) => re.test(head))?.[1] ?? null;
  if (role === 'ketua' && words[1] !== undefined && SECTION.has(words[1])) return null;
  // "Kepala" alone is a chair; "Kepala Desa" on a roster is somebody's office, not a KIM role.
  if (head === 'kepala' && words.length > 1 && words[1] !== 'kim') return null;
  return role;
});
