// Findings as LSP diagnostics: same range, severity, rule id and message as `rdslic lint`,
// with a link to the rule's documentation and the fix hint in `data` for quick fixes.
import * as l10n from '@vscode/l10n';
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

/**
 * Most diagnostics sent for one document. A file just under the size limit can hold hundreds of
 * thousands of findings (a pasted list of product keys): the editor's Problems view cannot use
 * them and sending them costs more than linting. The rest is counted in one last diagnostic;
 * `rdslic lint` still lists every finding.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_DOCUMENT) return diagnostics;
  const shown = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_DOCUMENT);
  const firstHidden = diagnostics[MAX_DIAGNOSTICS_PER_DOCUMENT];
  shown.push({
    range: firstHidden.range,
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: l10n.t('{0} more problems from here on are not shown (at most {1} per file): run rdslic lint on this file to list them all.', diagnostics.length - MAX_DIAGNOSTICS_PER_DOCUMENT, MAX_DIAGNOSTICS_PER_DOCUMENT),
  });
  return shown;
}
