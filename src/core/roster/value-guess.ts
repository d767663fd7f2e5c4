import { parseDate } from '../ids/date.js';
import { parseNik } from '../ids/nik.js';
import { parseNip } from '../ids/nip.js';
import { parsePhone } from '../ids/phone.js';
import { parseSex } from '../ids/values.js';
import { coreRoles } from '../rules/roles.js';
import { RULE_NEEDS } from './coverage.js';
import type { ColumnTarget } from './fields.js';

/** What a column's values look like, by the field whose parser takes every one of them. */
const BY_VALUE: [ColumnTarget, (v: string) => boolean][] = [
  ['nik', (v) => parseNik(v).ok],
  ['nip', (v) => parseNip(v).ok],
  ['phone', (v) => parsePhone(v)?.ok === true],
  ['gender', (v) => parseSex(v) !== null],
  ['role', (v) => coreRoles(v).length > 0 || /^anggota\b/i.test(v.trim())],
  ['birth_date', (v) => parseDate(v) !== null],
];

/** The field every one of these values fits the shape of (a NIK, L/P, a date…), if any. */
export function looksLike(values: readonly string[]): ColumnTarget | null {
  return BY_VALUE.find(([, test]) => values.every(test))?.[0] ?? null;
}

/**
 * The fields a column the clerk must name most likely holds, likeliest first: those its heading
 * half matched, then the one its sample values look like, then the fields the rules need that no
 * other column gives yet. For the desk, which offers these before "leave out".
 */
export function likelyFields(candidates: readonly ColumnTarget[], samples: readonly string[], taken: ReadonlySet<ColumnTarget>): ColumnTarget[] {
  const out: ColumnTarget[] = [...candidates];
  const values = samples.filter((s) => s.trim() !== '');
  const shape = values.length ? looksLike(values) : null;
  if (shape) out.push(shape);
  for (const n of RULE_NEEDS) if (!n.columns.some((c) => taken.has(c))) out.push(n.columns[0]);
  return [...new Set(out)].filter((f) => f !== '_ignore' && !taken.has(f));
}
