import { coreRoles } from '../rules/roles.js';
import type { HeaderMatch } from './headers.js';

/**
 * Headings that name an officer of one role ("Nama Ketua", "NIK Sekretaris"): a form with one row
 * per KIM and a group of columns per role. kim reads one officer per row, so such a form is
 * refused with what to do, rather than read as one officer per KIM.
 */
export function rolesAcross(match: HeaderMatch): string[] {
  const out: string[] = [];
  const roles = new Set<string>();
  for (const c of match.columns) {
    if (!c || !/(^|[^a-z])(nama|nm|nik)([^a-z]|$)/i.test(c.heading)) continue;
    const named = c.heading.split(/[^\p{L}]+/u).flatMap((w) => coreRoles(w));
    if (named.length !== 1) continue;
    roles.add(named[0]!);
    out.push(c.heading);
  }
  return roles.size >= 2 ? out : [];
}

/** A role several officers hold at once: what a cell merged over their rows says. */
export const isMemberRole = (role: string) => coreRoles(role).length === 0 && /^(anggota|seksi|sie)\b/i.test(role.trim());
