// Helpers for inventory tests: a valid header, and findings reduced to what a user sees
// (rule id and 1-based line) so that assertions read like the editor's problem list.
import { lintInventory, LintOptions } from '../../../src/core/inventory/lint';
import type { Finding } from '../../../src/core/findings';

export const TODAY = '2026-11-22';

export const HEADER = 'kind: RdsLicensingInventory\nversion: 1\norganization: Contoso\n';

/** Lint `body` (YAML after the header) with today = TODAY. */
export function lint(body: string, options: LintOptions = {}) {
  return lintInventory(HEADER + body, { today: TODAY, ...options });
}

/** "RULE@line" for each finding (1-based line), sorted as returned. */
export function ids(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** The text a finding's range covers. */
export function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  if (f.range.start.line === f.range.end.line) return lines[f.range.start.line].slice(f.range.start.character, f.range.end.character);
  return [lines[f.range.start.line].slice(f.range.start.character), ...lines.slice(f.range.start.line + 1, f.range.end.line), lines[f.range.end.line].slice(0, f.range.end.character)].join('\n');
}

/** A server with one pack of `type`/`version`, as YAML list item lines. */
export function server(name: string, opts: { os?: string | number; status?: string; packs?: string } = {}): string {
  return [
    `  - name: ${name}`,
    `    os: ${opts.os ?? 2022}`,
    `    status: ${opts.status ?? 'active'}`,
    ...(opts.packs !== undefined ? ['    packs:', opts.packs] : []),
  ].join('\n');
}

export function pack(type: string, version: string | number, quantity = 20, extra = ''): string {
  return [`      - type: ${type}`, `        version: ${version}`, `        quantity: ${quantity}`, ...(extra ? [extra] : [])].join('\n');
}
