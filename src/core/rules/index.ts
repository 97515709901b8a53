// The rule table: every rule rdslic reports, with its documentation (docs/rules.md is
// generated from it: npm run docs), and the checks that produce them.
import type { Severity } from '../findings';
import { compatibilityCheck, COMPATIBILITY_RULES } from './compatibility';
import { consistencyCheck, CONSISTENCY_RULES } from './consistency';
import { identifierCheck, IDENTIFIER_RULES } from './identifiers';
import { securityCheck, SECURITY_RULES } from './security';
import { SHAPE_RULES } from './shape';
import { LIMIT_RULES } from '../inventory/limits';
import { timeCheck, TIME_RULES } from './time';
import { RUNBOOK_RULES } from './runbook';
import { FILE_RULES } from '../config/types';
import { SUPPRESSION_RULES } from '../inventory/suppression';
import type { Rule, RuleCheck } from './types';

export type { Rule, RuleCheck, RuleContext, RuleDoc, RuleFamily } from './types';

export const RULES: readonly Rule[] = [
  ...SHAPE_RULES,
  ...LIMIT_RULES,
  ...IDENTIFIER_RULES,
  ...COMPATIBILITY_RULES,
  ...CONSISTENCY_RULES,
  ...TIME_RULES,
  ...SECURITY_RULES,
  ...RUNBOOK_RULES,
  ...FILE_RULES,
  ...SUPPRESSION_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Domain checks, run in this order on every checkable inventory. */
export const CHECKS: readonly RuleCheck[] = [identifierCheck, compatibilityCheck, consistencyCheck, timeCheck, securityCheck];

export function defaultSeverity(ruleId: string): Severity | undefined {
  return RULES_BY_ID.get(ruleId)?.defaultSeverity;
}
