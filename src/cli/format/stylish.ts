// `--format stylish` (default): ESLint's layout, for people. A header per file, then
// `line:col  severity  message  ruleId` aligned in columns, then a summary line.
import * as l10n from '@vscode/l10n';
import type { Severity } from '../../core/findings';
import { palette } from '../color';
import type { Formatter } from './report';
import { countBySeverity, oneBased } from './report';

function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    default:
      return l10n.t('info');
  }
}

function summary(counts: Record<Severity, number>): string {
  const total = counts.error + counts.warning + counts.info;
  const parts = [
    counts.error === 1 ? l10n.t('1 error') : l10n.t('{0} errors', counts.error),
    counts.warning === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', counts.warning),
  ];
  if (counts.info > 0) parts.push(counts.info === 1 ? l10n.t('1 info') : l10n.t('{0} infos', counts.info));
  const problems = total === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', total);
  return `\u2716 ${problems} (${parts.join(', ')})`;
}

// Width as a terminal shows it, ignoring colour codes.
const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;

export const formatStylish: Formatter = (report, options) => {
  if (report.findings.length === 0) return '';
  const c = palette(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const byFile = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    const file = f.file ?? '';
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(f);
  }
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    const rows = findings.map((f) => {
      const p = oneBased(f);
      return [c.dim(`${p.line}:${p.column}`), paint[f.severity](severityLabel(f.severity)), f.message.replace(/\s*[\r\n]+\s*/g, ' '), c.dim(f.ruleId)];
    });
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => visible(r[i]))));
    out.push('', c.underline(file));
    for (const row of rows) {
      // Positions right-aligned as ESLint does; the last column is not padded.
      const position = ' '.repeat(widths[0] - visible(row[0])) + row[0];
      const cells = [position, ...[1, 2].map((i) => row[i] + ' '.repeat(widths[i] - visible(row[i]))), row[3]];
      out.push('  ' + cells.join('  '));
    }
  }
  const counts = countBySeverity(report.findings);
  const line = summary(counts);
  out.push('', c.bold(counts.error > 0 ? c.red(line) : counts.warning > 0 ? c.yellow(line) : line), '');
  return out.join('\n') + '\n';
};
