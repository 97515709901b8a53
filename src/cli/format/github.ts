// `--format github`: GitHub Actions workflow commands, shown as annotations on the pull request.
// Escaping follows the runner's rules (actions/toolkit `command.ts`): `%`, CR and LF in the
// message; additionally `:` and `,` in property values.
import type { Severity } from '../../core/findings';
import type { Formatter } from './report';
import { oneBased } from './report';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (report) =>
  report.findings
    .map((f) => {
      const p = oneBased(f);
      const properties = [
        `file=${escapeProperty(f.file ?? '')}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
