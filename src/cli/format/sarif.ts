// `--format sarif`: SARIF 2.1.0 for GitHub code scanning (upload with
// github/codeql-action/upload-sarif). Paths are relative to %SRCROOT%, the repository root, so
// run `rdslic lint` from there.
import type { Finding, Severity } from '../../core/findings';
import { PROJECT_URL, VERSION, ruleHelpUri } from '../project';
import type { Formatter, RuleInfo } from './report';
import { oneBased } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function describeUnknownRule(finding: Finding): RuleInfo {
  return { id: finding.ruleId, defaultSeverity: finding.severity, title: finding.ruleId, description: finding.ruleId };
}

export const formatSarif: Formatter = (report) => {
  // Every rule rdslic knows, plus any id a finding carries that the table lacks, so that each
  // result's ruleIndex points at a descriptor.
  const rules: RuleInfo[] = [...report.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const f of report.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, rules.length);
      rules.push(describeUnknownRule(f));
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rdslic',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: PROJECT_URL,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              helpUri: ruleHelpUri(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => {
          const p = oneBased(f);
          return {
            ruleId: f.ruleId,
            ruleIndex: index.get(f.ruleId)!,
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(f.file ?? ''), uriBaseId: '%SRCROOT%' },
                  region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
