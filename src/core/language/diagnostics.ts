// Findings as LSP diagnostics: same range, severity, rule id and message as `rdslic lint`,
// with a link to the rule's documentation and the fix hint in `data` for quick fixes.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import pkg from '../../../package.json';
import type { Finding, Severity } from '../findings';
import { DIAGNOSTIC_SOURCE } from './code-actions';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** docs/rules.md of the repository; each rule has an anchor named by its lower-case id. */
export const RULES_DOC_URL = `${String(pkg.repository.url).replace(/\.git$/, '')}/blob/main/docs/rules.md`;

export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC_URL}#${ruleId.toLowerCase()}`;
}

export function findingToDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.fix) diagnostic.data = finding.fix;
  return diagnostic;
}
