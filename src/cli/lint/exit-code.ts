// When `rdslic lint` fails the build: a finding at or above `--fail-on`, or more warnings than
// `--max-warnings` allows.
import { SEVERITY_ORDER, type Finding } from '../../core/findings';
import { EXIT_FINDINGS, EXIT_OK } from '../exit';

export type FailOn = 'error' | 'warning';

export function lintExitCode(findings: readonly Finding[], failOn: FailOn, maxWarnings?: number): number {
  const threshold = SEVERITY_ORDER[failOn];
  if (findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)) return EXIT_FINDINGS;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
