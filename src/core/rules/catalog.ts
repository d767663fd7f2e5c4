import { administrativeRules } from './administrative.js';
import { dataRules } from './data.js';
import { legalityRules } from './legality.js';
import { RULE_CODES, type Rule, type RuleCode } from './types.js';

/** Every rule, in the order of the contract's table. */
export const RULES: readonly Rule[] = [...legalityRules, ...administrativeRules, ...dataRules];

if (RULES.length !== RULE_CODES.length || RULES.some((r, i) => r.code !== RULE_CODES[i])) {
  throw new Error('rule catalog out of step with RULE_CODES');
}

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

export function isRuleCode(code: string): code is RuleCode {
  return (RULE_CODES as readonly string[]).includes(code);
}
