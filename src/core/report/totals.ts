// CAL totals of an inventory: the one computation behind the report, the chart, hovers and the
// status bar. Pure functions over the parsed data; they accept partial documents (a pack with
// no quantity counts 0, an unknown version or type is grouped under '?').
import { GRACE_PERIOD_DAYS } from '../domain/licensing-modes';
import { dayNumber, formatDay } from '../domain/dates';
import { normalizeVersion, versionRank } from '../domain/versions';
import { isInService } from '../rules/inventory-index';
import type { CalPack, Inventory, LicenseServer, LicensingMode, Migration, SessionHost } from '../inventory/model';

export const UNKNOWN = '?';

export interface CalTotal {
  /** Canonical version ("2012 R2"), or '?' when missing or unknown. */
  version: string;
  /** perUser | perDevice, or '?'. */
  type: string;
  quantity: number;
  /** Sum of `issued` over the packs that say it. */
  issued: number;
  /** Sum of `quantity` over the packs that say how many are issued (issued is known for these). */
  issuedOf: number;
  packs: number;
}

export interface ServerTotals {
  name: string;
  status?: string;
  os?: string;
  /** Only active servers (or with no status) hand out CALs; the CALs of lost, decommissioned or
   * reinstalled servers serve no one until migrated or reissued. */
  inService: boolean;
  totals: CalTotal[];
  quantity: number;
}

export interface HostModeGroup {
  mode: LicensingMode | typeof UNKNOWN;
  hosts: string[];
}

export interface GraceEntry {
  host: string;
  start: string;
  /** Start + 120 days. */
  end: string;
  /** Days from `today` to `end` (negative once over). */
  daysLeft: number;
  licenseServers: string[];
}

export interface PendingMigration {
  id: string;
  from?: string;
  to?: string;
  reason?: string;
  method?: string;
  state?: string;
  licenses?: number;
  started?: string;
  /** Days since `started`, when it is a date. */
  daysOpen?: number;
  runbook?: string;
}

export interface InventoryTotals {
  servers: ServerTotals[];
  /** Over the servers in service only. */
  overall: CalTotal[];
  overallQuantity: number;
  /** CALs on servers that are not in service. */
  outOfService: CalTotal[];
  hostsByMode: HostModeGroup[];
  grace: GraceEntry[];
  pendingMigrations: PendingMigration[];
}

const TYPE_ORDER = ['perDevice', 'perUser'];

/** Totals of a list of packs by version and type, in release order then device before user. */
export function calTotals(packs: readonly { version?: unknown; type?: unknown; quantity?: unknown; issued?: unknown }[]): CalTotal[] {
  const byKey = new Map<string, CalTotal>();
  for (const pack of packs) {
    const version = normalizeVersion(pack.version) ?? UNKNOWN;
    const type = pack.type === 'perUser' || pack.type === 'perDevice' ? pack.type : UNKNOWN;
    const key = `${version}\u0000${type}`;
    const total = byKey.get(key) ?? { version, type, quantity: 0, issued: 0, issuedOf: 0, packs: 0 };
    const quantity = countOf(pack.quantity);
    total.quantity += quantity;
    total.packs += 1;
    if (typeof pack.issued === 'number' && Number.isFinite(pack.issued)) {
      total.issued += pack.issued;
      total.issuedOf += quantity;
    }
    byKey.set(key, total);
  }
  return [...byKey.values()].sort(compareTotals);
}

/** Adds totals of the same version and type together (servers into overall). */
export function mergeTotals(lists: readonly CalTotal[][]): CalTotal[] {
  const byKey = new Map<string, CalTotal>();
  for (const t of lists.flat()) {
    const key = `${t.version}\u0000${t.type}`;
    const sum = byKey.get(key) ?? { version: t.version, type: t.type, quantity: 0, issued: 0, issuedOf: 0, packs: 0 };
    sum.quantity += t.quantity;
    sum.issued += t.issued;
    sum.issuedOf += t.issuedOf;
    sum.packs += t.packs;
    byKey.set(key, sum);
  }
  return [...byKey.values()].sort(compareTotals);
}

export function sumQuantity(totals: readonly CalTotal[]): number {
  return totals.reduce((n, t) => n + t.quantity, 0);
}

function compareTotals(a: CalTotal, b: CalTotal): number {
  return rank(a.version) - rank(b.version) || typeRank(a.type) - typeRank(b.type);
}

function rank(version: string): number {
  const v = normalizeVersion(version);
  return v ? versionRank(v) : Number.MAX_SAFE_INTEGER;
}

function typeRank(type: string): number {
  const i = TYPE_ORDER.indexOf(type);
  return i === -1 ? TYPE_ORDER.length : i;
}

function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) as T[]) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Everything the report counts, for one or several inventories taken together. */
export function inventoryTotals(inventories: readonly Inventory[], today: string): InventoryTotals {
  const servers: ServerTotals[] = [];
  const hosts: SessionHost[] = [];
  const migrations: Migration[] = [];
  for (const inv of inventories) {
    for (const s of list<LicenseServer>(inv.licenseServers)) {
      const totals = calTotals(list<CalPack>(s.packs));
      const status = text(s.status);
      servers.push({
        name: text(s.name) ?? UNKNOWN,
        status,
        os: normalizeVersion(s.os) ?? text(s.os),
        inService: isInService(s),
        totals,
        quantity: sumQuantity(totals),
      });
    }
    hosts.push(...list<SessionHost>(inv.sessionHosts));
    migrations.push(...list<Migration>(inv.migrations));
  }
  const overall = mergeTotals(servers.filter((s) => s.inService).map((s) => s.totals));
  return {
    servers,
    overall,
    overallQuantity: sumQuantity(overall),
    outOfService: mergeTotals(servers.filter((s) => !s.inService).map((s) => s.totals)),
    hostsByMode: hostsByMode(hosts),
    grace: graceEntries(hosts, today),
    pendingMigrations: pendingMigrations(migrations, today),
  };
}

const MODE_ORDER: (LicensingMode | typeof UNKNOWN)[] = ['perUser', 'perDevice', 'notConfigured', UNKNOWN];

export function hostsByMode(hosts: readonly SessionHost[]): HostModeGroup[] {
  const groups = new Map<string, string[]>();
  for (const h of hosts) {
    const mode = h.licensingMode === 'perUser' || h.licensingMode === 'perDevice' || h.licensingMode === 'notConfigured' ? h.licensingMode : UNKNOWN;
    groups.set(mode, [...(groups.get(mode) ?? []), text(h.name) ?? UNKNOWN]);
  }
  return MODE_ORDER.filter((m) => groups.has(m)).map((mode) => ({ mode, hosts: groups.get(mode) ?? [] }));
}

/** End of each host's 120-day grace period, from `gracePeriodStart` or else `deployed`. */
export function graceEntries(hosts: readonly SessionHost[], today: string): GraceEntry[] {
  const now = dayNumber(today);
  const out: GraceEntry[] = [];
  for (const h of hosts) {
    const start = text(h.gracePeriodStart) ?? text(h.deployed);
    const startDay = dayNumber(start);
    if (start === undefined || startDay === undefined || now === undefined) continue;
    const endDay = startDay + GRACE_PERIOD_DAYS;
    out.push({
      host: text(h.name) ?? UNKNOWN,
      start,
      end: formatDay(endDay),
      daysLeft: endDay - now,
      licenseServers: Array.isArray(h.licenseServers) ? h.licenseServers.filter((s): s is string => typeof s === 'string') : [],
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.host.localeCompare(b.host));
}

export function pendingMigrations(migrations: readonly Migration[], today: string): PendingMigration[] {
  const now = dayNumber(today);
  return migrations
    .filter((m) => m.state !== 'done')
    .map((m) => {
      const startDay = dayNumber(m.started);
      return {
        id: text(m.id) ?? UNKNOWN,
        from: text(m.from),
        to: text(m.to),
        reason: text(m.reason),
        method: text(m.method),
        state: text(m.state),
        licenses: typeof m.licenses === 'number' ? m.licenses : undefined,
        started: text(m.started),
        daysOpen: startDay !== undefined && now !== undefined ? now - startDay : undefined,
        runbook: text(m.runbook),
      };
    });
}
