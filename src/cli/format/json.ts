// `--format json`: exactly one JSON array, one flat object per finding (ESLint-like positions).
import type { Formatter } from './report';
import { oneBased } from './report';

export const formatJson: Formatter = (report) => {
  const rows = report.findings.map((f) => ({
    file: f.file ?? '',
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...oneBased(f),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
};
