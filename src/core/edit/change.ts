import { maskNik } from '../ids/mask.js';
import { DERIVED, FIELD_COLUMN, fieldColumns, type EditField } from './fields.js';

/** One field as it was and as it is now, as written. */
export interface FieldChange {
  field: EditField | 'endedAt' | 'endReason';
  from: string | null;
  to: string | null;
}

/** What an edit asks for: field → value as typed ('' empties an optional field). */
export type EditValues = Partial<Record<EditField, string>>;

/**
 * Parses every typed value before anything is opened for writing, so one bad value changes
 * nothing. Returns the columns to write (derived ones included) and the fields they came from.
 */
export function parseEdit(values: EditValues, today: string): { columns: Record<string, string | null>; fields: EditField[] } {
  const columns: Record<string, string | null> = {};
  const fields: EditField[] = [];
  for (const [field, raw] of Object.entries(values) as [EditField, string | undefined][]) {
    if (raw === undefined) continue;
    Object.assign(columns, fieldColumns(field, raw, today));
    fields.push(field);
  }
  return { columns, fields };
}

/**
 * Keeps only the columns whose value differs from the stored one, with the fields to report.
 * A derived column is written whenever its source is, so the pair never disagrees.
 */
export function diff(
  stored: Record<string, unknown>,
  parsed: { columns: Record<string, string | null>; fields: EditField[] },
): { columns: Record<string, string | null>; changes: FieldChange[] } {
  const columns: Record<string, string | null> = {};
  const changes: FieldChange[] = [];
  for (const field of parsed.fields) {
    const main = FIELD_COLUMN[field];
    const own = [main, ...(DERIVED[field] ?? [])];
    if (own.every((c) => (stored[c] ?? null) === (parsed.columns[c] ?? null))) continue;
    for (const c of own) if (c in parsed.columns) columns[c] = parsed.columns[c]!;
    changes.push({ field, from: (stored[main] as string | null) ?? null, to: parsed.columns[main] ?? null });
  }
  return { columns, changes };
}

/** Changes as the audit log keeps them: NIKs masked, since the log is read by every clerk. */
export function auditedChanges(changes: FieldChange[]): Record<string, { from: string | null; to: string | null }> {
  return Object.fromEntries(
    changes.map((c) => [c.field, c.field === 'nik' ? { from: maskNik(c.from), to: maskNik(c.to) } : { from: c.from, to: c.to }]),
  );
}
