// Findings as LSP diagnostics: same range, severity, rule id and message as `rdslic lint`,
// with a link to the rule's documentation and the fix hint in `data` for quick fixes.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { ruleHelpUri } from '../cli/project';
import type { Finding, Severity } from '../core/findings';
import { DIAGNOSTIC_SOURCE } from '../core/language/code-actions';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function findingToDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    // The same page the CLI's SARIF output links to.
    codeDescription: { href: ruleHelpUri(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.fix) diagnostic.data = finding.fix;
  return diagnostic;
}
