// What the status bar shows for an inventory: CALs, servers, hosts, totals by version and
// type, and the count of problems.
import type { Finding } from '../findings';
import type { InventoryNodes } from './inventory-nodes';
import { calTotals, type CalTotal } from './server-index';

/** Answer of the `rdslic/summary` request. */
export interface InventorySummary {
  /** Total CALs over every pack of every server. */
  cals: number;
  servers: number;
  hosts: number;
  /** One entry per (CAL version, CAL type), sorted by version then type. */
  byVersionAndType: Pick<CalTotal, 'version' | 'type' | 'quantity'>[];
  errors: number;
  warnings: number;
}

export function inventorySummary(nodes: InventoryNodes, findings: readonly Finding[]): InventorySummary {
  // The request's documented shape: version, type, quantity (issued counts stay in the report).
  const byVersionAndType = calTotals(nodes.servers.flatMap((s) => s.packs)).map(({ version, type, quantity }) => ({ version, type, quantity }));
  return {
    cals: byVersionAndType.reduce((n, t) => n + t.quantity, 0),
    servers: nodes.servers.length,
    hosts: nodes.hosts.length,
    byVersionAndType,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
