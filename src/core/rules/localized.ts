// Rule titles and descriptions in the active language, for the rule descriptors of reports
// (SARIF shortDescription and fullDescription) and pickers. The English text in the rule table
// is the l10n key, so the table stays the one source; test/unit/l10n-coverage.test.ts checks
// every title and description has a French entry. The rule documentation (docs/rules.md) stays
// English.
import * as l10n from '@vscode/l10n';

export function ruleTitle(rule: { title: string }): string {
  return l10n.t(rule.title);
}

export function ruleDescription(rule: { description: string }): string {
  return l10n.t(rule.description);
}
