import type { ChalkInstance } from 'chalk';
import type { CommunityDetail, FieldChange } from '../../core/reports/community-detail.js';
import { findingFieldLabel } from './field-label.js';
import type { Lang, MessageKey, Translate } from '../messages/index.js';
import type { Dataset } from './dataset.js';
import { problemText } from './follow-up-view.js';
import { renderMarkdown } from './markdown.js';
import { indented } from './blocks.js';
import { renderTable } from './table.js';
import { fitText } from './text-width.js';

type Field = [label: string, value: string];

const text = (v: unknown) => (v === null || v === undefined || v === '' ? '' : String(v));
const day = (iso: unknown) => text(iso).replace('T', ' ').replace(/\.\d+Z$/, '');

/** The community's own fields, as label/value lines. */
export function showFields(t: Translate, d: CommunityDetail): Field[] {
  const c = d.community;
  const join = (a: unknown, b: unknown) => [text(a), text(b)].filter(Boolean).join(' ');
  const compliant = c.compliant === null ? t('list.notChecked') : t(c.compliant ? 'word.yes' : 'word.no');
  const fields: Field[] = [
    [t('show.field.id'), text(c.id)],
    [t('show.field.number'), text(c.number) || t('word.none')],
    [t('show.field.office'), c.regencyCode ? t('show.officeLine', { name: text(c.regency), code: text(c.regencyCode) }) : ''],
    [t('show.field.district'), join(c.district, c.districtCode ? `(${c.districtCode})` : '')],
    [t('show.field.village'), join(c.village, c.villageCode ? `(${c.villageCode})` : '')],
    [t('show.field.address'), text(c.address)],
    [t('show.field.sk'), c.skNumber || c.skDate ? t('show.skLine', { number: text(c.skNumber) || '-', date: text(c.skDate) || '-' }) : t('word.none')],
    [t('show.field.skIssuer'), text(c.skIssuer)],
    [t('show.field.acknowledged'), text(c.acknowledged)],
    [t('show.field.founded'), text(c.foundedDate)],
    [t('show.field.compliant'), c.validatedAt ? t('show.validatedLine', { verdict: compliant, at: day(c.validatedAt) }) : compliant],
    [t('show.field.ended'), c.endedAt ? t('show.endedLine', { date: text(c.endedAt), reason: text(c.endReason) || '-' }) : ''],
    [t('show.field.recorded'), t('show.recordedLine', { created: day(c.createdAt), updated: day(c.updatedAt) })],
  ];
  return fields.filter(([, v]) => v !== '');
}

/** The sections under the fields: officers, findings, numbers, imports, changes. */
export function showSections(t: Translate, d: CommunityDetail, color?: ChalkInstance): { title: string; data: Dataset }[] {
  const cols = (prefix: string, keys: string[]) => keys.map((key) => ({ key, header: t(`${prefix}.${key}` as MessageKey) }));
  const sev = (s: 'error' | 'warning') => {
    const word = t(`validate.severity.${s}`);
    return color ? (s === 'error' ? color.red(word) : color.yellow(word)) : word;
  };
  return [
    {
      title: t('show.section.officers', { count: d.officers.filter((o) => !o.endedAt).length }),
      data: {
        columns: cols('show.col', ['role', 'name', 'nik', 'sex', 'birthDate', 'occupation', 'phone', 'endedAt']),
        rows: d.officers.map((o) => ({ ...o, sex: o.sex === 'M' ? 'L' : o.sex === 'F' ? 'P' : '' })),
        heading: ['name'],
      },
    },
    {
      title: t('show.section.findings', { count: d.findings.length }),
      data: {
        columns: cols('show.col', ['severity', 'rule', 'message']),
        rows: d.findings.map((f) => ({ severity: sev(f.severity), rule: f.rule, message: problemText(t, f) })),
      },
    },
    {
      title: t('show.section.numbers'),
      data: {
        columns: cols('show.col', ['number', 'source', 'assignedAt', 'operator', 'revoked']),
        rows: d.numbers.map((n) => ({
          ...n,
          source: t(`show.source.${n.source}`),
          assignedAt: day(n.assignedAt),
          revoked: n.revokedAt ? t('show.revokedLine', { at: day(n.revokedAt), by: n.revokedBy ?? '-', reason: n.reason ?? '-' }) : '',
        })),
      },
    },
    {
      title: t('show.section.batches'),
      data: {
        columns: cols('show.col', ['batch', 'when', 'operator', 'files', 'effect']),
        rows: d.batches.map((b) => ({
          batch: b.id + (b.undoneAt ? ` (${t('show.undone', { at: day(b.undoneAt) })})` : ''),
          when: day(b.startedAt),
          operator: b.operator,
          files: b.files.join(', '),
          effect: (b.createdCommunity ? t('show.effect.community') : '') + t('show.effect', { created: b.created, updated: b.updated }),
        })),
      },
    },
    {
      title: t('show.section.changes'),
      data: {
        columns: cols('show.col', ['when', 'operator', 'batch', 'record', 'action', 'fields']),
        rows: d.changes.map((c) => ({
          when: day(c.at),
          operator: c.operator,
          batch: c.batch,
          record: c.entity === 'community' ? t('show.entity.community') : t('show.entity.officer', { name: c.name ?? `#${c.entityId}` }),
          action: c.action === 'update' || c.action === 'end' ? t(`show.action.${c.action}`) : c.action,
          fields: c.fields.map((f) => changeText(t, f)).join('; '),
        })),
      },
    },
  ];
}

/** "occupation: PNS Dinas Pendidikan → Pensiunan PNS", in the clerk's words; a blank shown as "–". */
function changeText(t: Translate, f: FieldChange): string {
  const label = findingFieldLabel(t, f.field);
  if (f.after === undefined) return label;
  return `${label}: ${f.before ?? '–'} → ${f.after ?? '–'}`;
}

/** `kim show` for people; `width` is the terminal's, which every line fits (none in a pipe). */
export function renderShowTable(t: Translate, d: CommunityDetail, color: ChalkInstance, width?: number): string {
  const fields = showFields(t, d);
  const labels = Math.max(...fields.map(([label]) => label.length));
  let out = color.bold(fitText(String(d.community.name), width)) + '\n';
  for (const [label, value] of fields) {
    const first = `  ${color.dim(label.padEnd(labels))}  `;
    out += (width === undefined ? first + value : indented(value, labels + 4, width, first).join('\n')) + '\n';
  }
  for (const s of showSections(t, d, color)) {
    out += '\n' + color.bold(fitText(s.title, width)) + '\n';
    out += s.data.rows.length ? renderTable(s.data, color, { width }) : `  ${t('word.none')}\n`;
  }
  return out;
}

export function renderShowMarkdown(t: Translate, _lang: Lang, d: CommunityDetail): string {
  let out = `# ${text(d.community.name)}\n\n`;
  for (const [label, value] of showFields(t, d)) out += `- **${label}**: ${value}\n`;
  for (const s of showSections(t, d)) {
    out += `\n## ${s.title}\n\n` + (s.data.rows.length ? renderMarkdown(s.data) : `${t('word.none')}\n`);
  }
  return out;
}
