// What every output format receives: the files checked and their findings. Finding positions
// are 0-based (LSP); formats print them 1-based, columns in UTF-16 code units + 1, as ESLint.
import type { Finding, Severity } from '../../core/findings';

/** What a format needs to know about a rule (from the core's rule table). */
export interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  title: string;
  description: string;
}

export interface LintReport {
  /** Every file checked, relative to the working folder with `/` separators, in order. */
  files: string[];
  /** Findings with `file` set (same spelling as in `files`), sorted. */
  findings: Finding[];
  /** Rules rdslic knows, for formats that describe them (SARIF). */
  rules: RuleInfo[];
}

export interface FormatOptions {
  color: boolean;
}

export type Formatter = (report: LintReport, options: FormatOptions) => string;

/** 1-based position of a finding, as printed by every format. */
export function oneBased(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
