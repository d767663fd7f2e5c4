import type { ChalkInstance } from 'chalk';
import { describeFinding } from '../../core/rules/describe.js';
import type { FollowUp, StoredProblem } from '../../core/reports/follow-up.js';
import type { Translate } from '../messages/index.js';
import type { Dataset } from './dataset.js';

/** A stored problem in the clerk's words, naming the officer it is about. */
export function problemText(t: Translate, p: StoredProblem): string {
  const message = describeFinding(t, { rule: p.rule, params: p.params });
  return p.officer ? t('report.findings.officerProblem', { officer: p.officer.name, message }) : message;
}

export interface FollowUpDocument {
  regency: { code: string; name: string } | null;
  /** Set in a provincial database, whose rows each name their regency. */
  province?: { code: string; name: string };
  asOf: string;
  summary: { communities: number; errors: number; warnings: number };
  rows: unknown[];
}

export function followUpJson(t: Translate, list: FollowUp[], regency: FollowUpDocument['regency'], today: string, province?: FollowUpDocument['province']): FollowUpDocument {
  return {
    regency,
    ...(province && { province }),
    asOf: today,
    summary: {
      communities: list.length,
      errors: list.reduce((n, f) => n + f.errors, 0),
      warnings: list.reduce((n, f) => n + f.warnings, 0),
    },
    rows: list.map((f) => ({
      ...(f.regency !== undefined && { regency: f.regency }),
      district: f.district,
      village: f.village,
      community: f.community,
      errors: f.errors,
      warnings: f.warnings,
      problems: f.problems.map((p) => ({
        rule: p.rule,
        severity: p.severity,
        officer: p.officer,
        field: p.field,
        value: p.value,
        message: problemText(t, p),
      })),
      officers: f.officers,
    })),
  };
}

/**
 * The follow-up list as a dataset: one row per KIM. In a terminal or a spreadsheet each problem
 * gets its own line in the cell (coloured by severity on a terminal); CSV and Markdown keep one
 * line per KIM, problems separated by "; ".
 */
export function followUpDataset(t: Translate, list: FollowUp[], title: string, options: { multiline: boolean; color?: ChalkInstance }): Dataset {
  const { multiline, color } = options;
  const regency = list.some((f) => f.regency !== undefined);
  const columns = ([...(regency ? (['regency'] as const) : []), 'district', 'village', 'kim', 'number', 'problems', 'officersConcerned'] as const).map((key) => ({
    key,
    header: t(`report.col.${key}`),
    width: key === 'problems' ? 70 : key === 'officersConcerned' ? 28 : 18,
    tableWidth: key === 'problems' ? 62 : undefined,
  }));
  const line = (p: StoredProblem) => {
    const text = problemText(t, p) + (p.severity === 'warning' ? ` (${t('validate.severity.warning')})` : '');
    if (!color) return text;
    return p.severity === 'error' ? color.red(text) : color.yellow(text);
  };
  return {
    title,
    columns,
    rows: list.map((f) => ({
      regency: f.regency?.name,
      district: f.district,
      village: f.village,
      kim: f.community.name,
      number: f.community.number,
      problems: f.problems.map(line).join(multiline ? '\n' : '; '),
      officersConcerned: f.officers.map((o) => o.name).join(multiline ? '\n' : ', '),
    })),
  };
}
