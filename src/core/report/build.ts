// What `rdslic report` shows, computed once for both formats: totals, packs (with their
// references masked), hosts by mode, lint findings summary, pending migrations, grace periods.
// Every text in it is masked (maskSecrets): a product key pasted into `organization` or a
// server name must not reach a wiki page.
import { maskSecrets, maskSecretsDeep, maskTail } from '../domain/secrets';
import type { Finding, Severity } from '../findings';
import { lintInventory, type RuleSetting } from '../inventory/lint';
import type { CalPack, Inventory, LicenseServer } from '../inventory/model';
import { normalizeVersion } from '../domain/versions';
import { inventoryTotals, UNKNOWN, type InventoryTotals } from './totals';

export interface ReportInput {
  file: string;
  text: string;
  /** Rule settings from the configuration that applies to this file. */
  rules?: Record<string, RuleSetting>;
}

export interface PackRow {
  server: string;
  localId?: number;
  program?: string;
  /** The program's reference, masked: never a full key, code or number. */
  reference?: string;
  type: string;
  version: string;
  quantity?: number;
  issued?: number;
  installed?: string;
}

export interface RuleCount {
  ruleId: string;
  severity: Severity;
  count: number;
  /** Where it first occurs, "file:line", and its message (secrets masked). */
  firstAt: string;
  firstMessage: string;
}

export interface FindingsSummary {
  bySeverity: Record<Severity, number>;
  byRule: RuleCount[];
}

export interface ReportData {
  files: string[];
  today: string;
  organizations: string[];
  totals: InventoryTotals;
  packs: PackRow[];
  findings: FindingsSummary;
}

export function buildReport(inputs: readonly ReportInput[], today: string): ReportData {
  const inventories: Inventory[] = [];
  const findings: { file: string; finding: Finding }[] = [];
  for (const input of inputs) {
    const { findings: found, parsed } = lintInventory(input.text, { file: input.file, rules: input.rules, today });
    inventories.push(parsed.inventory);
    for (const f of found) findings.push({ file: input.file, finding: f });
  }
  const organizations = [...new Set(inventories.map((i) => (typeof i.organization === 'string' ? i.organization : undefined)).filter((o): o is string => !!o))];
  return maskSecretsDeep({
    files: inputs.map((i) => i.file),
    today,
    organizations,
    totals: inventoryTotals(inventories, today),
    packs: inventories.flatMap(packRows),
    findings: summarizeFindings(findings),
  });
}

function packRows(inventory: Inventory): PackRow[] {
  const servers = Array.isArray(inventory.licenseServers) ? (inventory.licenseServers as LicenseServer[]) : [];
  return servers.flatMap((s) =>
    (Array.isArray(s?.packs) ? (s.packs as CalPack[]) : []).filter((p) => typeof p === 'object' && p !== null).map((p) => ({
      server: typeof s.name === 'string' ? s.name : UNKNOWN,
      localId: typeof p.localId === 'number' ? p.localId : undefined,
      program: typeof p.program === 'string' ? p.program : undefined,
      reference: packReference(p),
      type: p.type === 'perUser' || p.type === 'perDevice' ? p.type : UNKNOWN,
      version: normalizeVersion(p.version) ?? UNKNOWN,
      quantity: typeof p.quantity === 'number' ? p.quantity : undefined,
      issued: typeof p.issued === 'number' ? p.issued : undefined,
      installed: typeof p.installed === 'string' ? p.installed : undefined,
    })),
  );
}

/** The pack's reference for a reader, masked: enough to find the paper, not to reuse it. */
function packReference(p: CalPack): string | undefined {
  const parts: string[] = [];
  if (typeof p.keyPackId === 'string') parts.push(`keyPackId ${maskTail(p.keyPackId)}`);
  if (typeof p.agreementNumber === 'string') parts.push(`agreement ${maskTail(p.agreementNumber)}`);
  if (typeof p.licenseNumber === 'string') parts.push(`license ${maskTail(p.licenseNumber)}`);
  // retailCodeLast5 is 5 characters by design; the whole report is masked again (maskSecretsDeep).
  if (typeof p.retailCodeLast5 === 'string') parts.push(`retail …${p.retailCodeLast5}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function summarizeFindings(all: readonly { file: string; finding: Finding }[]): FindingsSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, RuleCount>();
  for (const { file, finding } of all) {
    bySeverity[finding.severity] += 1;
    const key = `${finding.ruleId}\u0000${finding.severity}`;
    const entry = byRule.get(key);
    if (entry) entry.count += 1;
    else
      byRule.set(key, {
        ruleId: finding.ruleId,
        severity: finding.severity,
        count: 1,
        firstAt: `${file}:${finding.range.start.line + 1}`,
        firstMessage: maskSecrets(finding.message),
      });
  }
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return { bySeverity, byRule: [...byRule.values()].sort((a, b) => order[a.severity] - order[b.severity] || a.ruleId.localeCompare(b.ruleId)) };
}
