import type { Context } from '../context.js';
import { requireFormat } from '../context.js';
import { officeRegencyCode } from '../db/regions.js';
import { findCommunities } from '../core/community-ref.js';
import { isProvincial } from '../core/province/scope.js';
import { validateProvince } from '../core/province/validate.js';
import { loadRuleConfig } from '../core/rules/config.js';
import { findDistrictCode } from '../core/rules/scope.js';
import { runValidationInParallel, type Finding, type ValidationRun } from '../core/rules/validate.js';
import type { Dataset } from '../ui/render/dataset.js';
import { findingFieldLabel } from '../ui/render/field-label.js';
import { indented, type BlockLines } from '../ui/render/blocks.js';
import { renderTable } from '../ui/render/table.js';
import { fitText } from '../ui/render/text-width.js';
import { emit, writeData } from '../ui/output.js';
import { withDb } from './open.js';

interface ValidateOptions {
  district?: string;
  severity?: 'error' | 'warning';
}

export async function run(ctx: Context, args: string[], opts: ValidateOptions): Promise<number> {
  requireFormat(ctx, ['table', 'json', 'csv']);
  const result = await withDb(ctx, {}, async (db) => {
    const districtCode = opts.district ? findDistrictCode(db, opts.district) : undefined;
    const communityIds = args.length ? findCommunities(db, args).map((c) => c.id) : undefined;
    if (isProvincial(db)) return validateProvince(db, { communityIds, districtCode }, ctx);
    if (!officeRegencyCode(db) && loadRuleConfig(db).enabled['LEG-REGION']) ctx.warn(ctx.t('validate.noRegency'));
    return runValidationInParallel(db, { communityIds, districtCode, today: ctx.today, operator: ctx.operator, lang: ctx.lang });
  });
  const shown = opts.severity === 'error' ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  if (ctx.format === 'table') writeData(ctx, renderGrouped(ctx, result, shown));
  else {
    const json = { summary: result.summary, findings: shown.map(({ params: _params, ...contract }) => contract) };
    await emit(ctx, csvDataset(shown), json);
  }
  return result.summary.errors > 0 ? 1 : 0;
}

function csvDataset(findings: Finding[]): Dataset {
  const keys = ['rule', 'severity', 'category', 'community_id', 'community', 'community_number', 'officer_id', 'officer', 'nik', 'field', 'value', 'message'];
  return {
    // Stable, language-neutral headers: scripts read this file; the message is in the clerk's language.
    columns: keys.map((key) => ({ key, header: key })),
    rows: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      category: f.category,
      community_id: f.community.id,
      community: f.community.name,
      community_number: f.community.number,
      officer_id: f.officer?.id,
      officer: f.officer?.name,
      nik: f.officer?.nik,
      field: f.field,
      value: f.value,
      message: f.message,
    })),
  };
}

/**
 * For people: one heading and table per community with findings, then the summary. On a terminal
 * too narrow for the table, each finding is a block: what and where on one line, the message on
 * its own line under it.
 */
function renderGrouped(ctx: Context, result: ValidationRun, shown: Finding[]): string {
  const { t, color, width } = ctx;
  if (result.summary.communities === 0) return fitText(t('validate.noCommunities'), width) + '\n';
  const groups = new Map<number, Finding[]>();
  for (const f of shown) groups.set(f.community.id, [...(groups.get(f.community.id) ?? []), f]);
  const compliant = new Map(result.communities.map((c) => [c.id, c.compliant]));
  const paint = (f: Finding, text: string) => (f.severity === 'error' ? color.red(text) : color.yellow(text));
  const officer = (f: Finding) => (f.officer ? `${f.officer.name}${f.officer.nik ? ` (${f.officer.nik})` : ''}` : '');
  const block: BlockLines = (row, room) => {
    const f = row.finding as Finding;
    const field = [findingFieldLabel(t, f.field), f.value && `"${f.value}"`].filter(Boolean).join(': ');
    const head = [`${t(`validate.severity.${f.severity}`)} ${f.rule}`, officer(f), field].filter(Boolean).join(' · ');
    return [...indented(head, 2, room).map((line) => paint(f, line)), ...indented(f.message, 6, room)];
  };
  const columns = (['severity', 'rule', 'officer', 'field', 'value', 'message'] as const).map((key) => ({ key, header: t(`validate.col.${key}`) }));
  const row = (f: Finding) => ({
    finding: f,
    severity: paint(f, t(`validate.severity.${f.severity}`)),
    rule: paint(f, f.rule),
    officer: officer(f),
    field: findingFieldLabel(t, f.field),
    value: f.value ?? '',
    message: f.message,
  });
  // Each finding's row once; sized by all of them, so that every KIM's table has the same columns, or all are blocks.
  const built = shown.map(row);
  const rowOf = new Map(shown.map((f, i) => [f, built[i]!]));
  const sizeBy = width === undefined ? undefined : built;
  let out = '';
  for (const list of groups.values()) {
    const c = list[0]!.community;
    const ok = compliant.get(c.id) === true;
    const status = ok ? color.green(t('validate.status.compliant')) : color.red(t('validate.status.noncompliant'));
    out += color.bold(fitText(t('validate.community', { name: c.name, id: c.id, number: c.number ? `, ${c.number}` : '', status }), width)) + '\n';
    out += renderTable({ columns, rows: list.map((f) => rowOf.get(f)!) }, color, { width, block, sizeBy });
    out += '\n';
  }
  return out + fitText(t('validate.summary', { ...result.summary }), width) + '\n';
}
