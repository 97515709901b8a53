// `--format junit`: JUnit XML for CI test reports. One <testsuite> per file; one <testcase> per
// finding, or a single passing <testcase> for a file without findings.
import type { Formatter } from './report';
import { oneBased } from './report';

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export const formatJunit: Formatter = (report) => {
  const byFile = new Map<string, typeof report.findings>(report.files.map((file) => [file, []]));
  for (const f of report.findings) {
    const file = f.file ?? '';
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(f);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = [...byFile.values()].reduce((n, list) => n + Math.max(1, list.length), 0);
  out.push(`<testsuites name="rdslic" tests="${total}" failures="${report.findings.length}" errors="0">`);
  for (const [file, findings] of byFile) {
    const name = escapeXml(file);
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" skipped="0">`);
    if (findings.length === 0) out.push(`    <testcase name="${name}" classname="${name}"/>`);
    for (const f of findings) {
      const p = oneBased(f);
      const where = `${p.line}:${p.column}`;
      out.push(`    <testcase name="${escapeXml(`${f.ruleId} ${where}`)}" classname="${name}">`);
      out.push(
        `      <failure type="${f.severity}" message="${escapeXml(f.message)}">${escapeXml(`${file}:${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
