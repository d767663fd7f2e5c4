import { audit } from '../../db/audit.js';
import { writeTransaction, type Db } from '../../db/connection.js';
import type { Translate } from '../../ui/messages/index.js';
import { maskNik } from '../ids/mask.js';
import { RULES } from '../rules/catalog.js';
import type { Finding } from '../rules/check.js';
import { describeFinding } from '../rules/describe.js';
import { scopeIds, type Scope } from '../rules/scope.js';
import type { Category, FindingParams, RuleCode, Severity } from '../rules/types.js';
import type { CommunityResult, ValidationRun } from '../rules/validate.js';
import { storeProvinceFindings } from './duplicates.js';

// Each KIM's findings in the order its validation stored them; the province's rule comes last.
const STORED_SQL = `
  SELECT f.rule, f.severity, f.category, f.field, f.value, f.params, c.id, c.name, c.number, c.compliant,
         o.id AS officer_id, o.name AS officer, o.nik
  FROM communities c JOIN findings f ON f.community_id = c.id LEFT JOIN officers o ON o.id = f.officer_id
  WHERE c.id IN (SELECT value FROM json_each(?))
  ORDER BY c.id, f.officer_id IS NOT NULL, f.officer_id, f.id`;

interface StoredRow {
  rule: RuleCode;
  severity: Severity;
  category: Category;
  field: string | null;
  value: string | null;
  params: string | null;
  id: number;
  name: string;
  number: string | null;
  compliant: number | null;
  officer_id: number | null;
  officer: string | null;
  nik: string | null;
}

/**
 * `kim validate` in a provincial database: the offices' own results stand as they were merged
 * (a KIM is judged where it is kept), so only the province's rule is checked again and stored;
 * the run reports every stored finding of the KIMs in scope, in the shape of an office's run.
 */
export function validateProvince(db: Db, scope: Scope, who: { today: string; operator: string; t: Translate }): ValidationRun {
  return writeTransaction(db, () => {
    storeProvinceFindings(db, who.today, who.t);
    const ids = scopeIds(db, scope);
    const rows = db.prepare(STORED_SQL).all(JSON.stringify(ids)) as StoredRow[];
    const findings: Finding[] = rows.map((r) => {
      const params = JSON.parse(r.params ?? '{}') as FindingParams;
      return {
        rule: r.rule,
        severity: r.severity,
        category: r.category,
        community: { id: r.id, name: r.name, number: r.number },
        officer: r.officer_id === null ? null : { id: r.officer_id, name: r.officer ?? '', nik: maskNik(r.nik) },
        field: r.field,
        value: r.value,
        message: describeFinding(who.t, { rule: r.rule, params }),
        params,
      };
    });
    const communities = db
      .prepare(`SELECT id, name, number, compliant FROM communities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(ids)) as { id: number; name: string; number: string | null; compliant: number | null }[];
    const results: CommunityResult[] = communities.map((c) => {
      const errors = new Set(findings.filter((f) => f.community.id === c.id && f.severity === 'error').map((f) => f.rule));
      return { id: c.id, name: c.name, number: c.number, compliant: c.compliant === 1, errorRules: RULES.map((r) => r.code).filter((code) => errors.has(code)) };
    });
    const officers = db.prepare(`SELECT count(*) FROM officers WHERE ended_at IS NULL AND community_id IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number;
    const summary = {
      communities: ids.length,
      officers,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      compliant: results.filter((r) => r.compliant).length,
    };
    audit(db, { operator: who.operator, action: 'validate', entity: 'database', details: { scope, province: true, ...summary } });
    return { summary, findings, communities: results };
  });
}
