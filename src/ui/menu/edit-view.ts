import type { ChalkInstance } from 'chalk';
import type { CheckedEdit } from '../../core/edit/edit-and-check.js';
import type { FieldChange } from '../../core/edit/change.js';
import { maskNik } from '../../core/ids/mask.js';
import type { Finding } from '../../core/rules/validate.js';
import type { Translate } from '../messages/index.js';
import { fieldLabel } from '../render/field-label.js';

/** A change as printed: NIKs masked, as everywhere on screen and in JSON. */
function shownChange(c: FieldChange): FieldChange {
  return c.field === 'nik' ? { ...c, from: maskNik(c.from), to: maskNik(c.to) } : c;
}

const contractFinding = ({ params: _params, ...f }: Finding) => f;

/** `kim edit --format json`: the edit, then the KIM's result of the fresh check. */
export function editJson(edit: CheckedEdit) {
  const v = edit.validation;
  return {
    entity: edit.entity,
    id: edit.id,
    name: edit.name,
    community: edit.community,
    changes: edit.changes.map(shownChange),
    audit: edit.audit,
    validation: {
      compliant: v.compliant,
      errors: v.findings.filter((f) => f.severity === 'error').length,
      warnings: v.findings.filter((f) => f.severity === 'warning').length,
      fixed: v.fixed,
      findings: v.findings.map(contractFinding),
    },
  };
}

/** What changed, in the clerk's words: one line per field. */
export function changeLines(t: Translate, edit: CheckedEdit): string[] {
  const title =
    edit.entity === 'officer'
      ? t('edit.title.officer', { name: edit.name, id: edit.id, community: edit.community.name })
      : t('edit.title.community', { name: edit.name, id: edit.id });
  if (edit.changes.length === 0) return [title, t('edit.unchanged')];
  const shown = (v: string | null) => (v === null || v === '' ? t('edit.empty') : `"${v}"`);
  return [title, ...edit.changes.map(shownChange).map((c) => t('edit.change', { field: fieldLabel(t, c.field), from: shown(c.from), to: shown(c.to) }))];
}

/** The fresh check: what the fix solved, what is left, and the verdict. */
export function recheckLines(t: Translate, edit: CheckedEdit, color: ChalkInstance): string[] {
  const v = edit.validation;
  const out: string[] = [];
  const who = (officer: { name: string } | null, message: string) => (officer ? `${officer.name}: ${message}` : message);
  if (v.fixed.length) {
    out.push(t('edit.fixedTitle'));
    for (const f of v.fixed) out.push(color.green(t('edit.problemLine', { mark: '✓', rule: f.rule, message: who(f.officer, f.message) })));
  }
  if (v.findings.length) {
    out.push(t('edit.remainingTitle'));
    for (const f of v.findings) {
      const line = t('edit.problemLine', { mark: f.severity === 'error' ? '✗' : '!', rule: f.rule, message: who(f.officer, f.message) });
      out.push(f.severity === 'error' ? color.red(line) : color.yellow(line));
    }
  }
  const errors = v.findings.filter((f) => f.severity === 'error').length;
  const name = edit.community.name;
  if (errors > 0) out.push(color.bold(t('edit.stillErrors', { name, count: errors })));
  else if (v.findings.length > 0) out.push(color.bold(t('edit.onlyWarnings', { name, count: v.findings.length })));
  else out.push(color.bold(color.green(t('edit.noProblems', { name }))));
  return out;
}

export function editText(t: Translate, edit: CheckedEdit, color: ChalkInstance): string {
  return [...changeLines(t, edit), '', ...recheckLines(t, edit, color)].join('\n') + '\n';
}
