/**
 * Turning a finding into a sentence in the clerk's language.
 *
 *   describeFinding(t, { rule, params }): string
 *
 * `params` is the findings table's `params` column (JSON text) or the parsed object; it always has
 * a `reason`, which picks the sentence `rule.<CODE>.<reason>` of the catalog. The findings table
 * (one row per problem of a community's latest validation) holds: community_id, officer_id (null for
 * a community-level finding), rule, severity, category, field, value (NIKs already masked), params.
 */
import { hasMessage, type MessageParams, type Translate } from '../../ui/messages/index.js';
import { isRuleCode, ruleByCode } from './catalog.js';

export interface DescribableFinding {
  rule: string;
  params: string | Record<string, unknown> | null;
}

function parseParams(params: DescribableFinding['params']): Record<string, unknown> {
  if (params === null) return {};
  if (typeof params !== 'string') return params;
  try {
    return JSON.parse(params) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export function describeFinding(t: Translate, finding: DescribableFinding): string {
  const params = parseParams(finding.params);
  const key = `rule.${finding.rule}.${String(params.reason ?? '')}`;
  const values = params as MessageParams;
  if (hasMessage(key)) return t(key, values);
  // A finding stored by another kim version: the rule's description still says what is wrong.
  const rule = isRuleCode(finding.rule) ? ruleByCode(finding.rule) : undefined;
  return rule ? t(rule.description, values) : finding.rule;
}
