import { FINDING_COMMUNITY_FIELD, FINDING_OFFICER_FIELD, type EditField } from '../../core/edit/fields.js';
import type { MessageKey, Translate } from '../messages/index.js';

/** A field in the clerk's words ("pekerjaan", "tanggal SK"); an officer's end is recorded in two more. */
export function fieldLabel(t: Translate, field: EditField | 'endedAt' | 'endReason'): string {
  return t(`edit.field.${field}` as MessageKey);
}

/** The field a finding points at, in the clerk's words; its column name when no field stands for it. */
export function findingFieldLabel(t: Translate, column: string | null): string {
  if (!column) return '';
  const field = FINDING_OFFICER_FIELD[column] ?? FINDING_COMMUNITY_FIELD[column];
  return field ? fieldLabel(t, field) : column;
}
