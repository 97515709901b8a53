// One pass over the inventory that every rule shares: servers by name, packs, hosts,
// migrations, with their paths. Rules then look things up instead of scanning lists, so that
// checking stays linear in the size of the document.
import type { InventoryPath } from '../inventory/parse';
import type { CalPack, Inventory, LicenseServer, Migration, SessionHost } from '../inventory/model';
import { normalizeVersion, versionRank, WindowsVersion } from '../domain/versions';

export interface Located<T> {
  value: T;
  path: InventoryPath;
}

export interface ServerEntry extends Located<LicenseServer> {
  /** Name as written (string) or undefined. */
  name?: string;
  /** Case-insensitive key of the name. */
  key?: string;
  packs: PackEntry[];
}

export interface PackEntry extends Located<CalPack> {
  server: ServerEntry;
}

export interface InventoryIndex {
  servers: ServerEntry[];
  /** First server listed under each name key. */
  serverByKey: Map<string, ServerEntry>;
  packs: PackEntry[];
  hosts: Located<SessionHost>[];
  migrations: Located<Migration>[];
  /** Migrations by the name key of their source server. */
  migrationsFrom: Map<string, Located<Migration>[]>;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const serverKeys = new Map<string, string>();

/** Case-insensitive key of a server name (FQDNs are not case-sensitive; a final dot is ignored). */
export function serverKey(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  // Every host names its servers, and three rule families look them up: remember the keys.
  let key = serverKeys.get(name);
  if (key === undefined) {
    if (serverKeys.size >= 10000) serverKeys.clear();
    key = name.trim().replace(/\.$/, '').toLowerCase();
    serverKeys.set(name, key);
  }
  return key.length > 0 ? key : undefined;
}

/** Statuses of a server that hands out CALs. A missing status is taken as active. */
export function isInService(server: LicenseServer): boolean {
  return server.status === undefined || server.status === 'active';
}

/** Lost or decommissioned: a server that will never hand out CALs again (RDS305, RDS312, gen hosts). */
export function isRetired(status: LicenseServer['status']): status is 'lost' | 'decommissioned' {
  return status === 'lost' || status === 'decommissioned';
}

export function buildIndex(inventory: Inventory): InventoryIndex {
  const servers: ServerEntry[] = [];
  const serverByKey = new Map<string, ServerEntry>();
  const packs: PackEntry[] = [];
  asList(inventory.licenseServers).forEach((s, i) => {
    if (!isObject(s)) return;
    const server = s as LicenseServer;
    const entry: ServerEntry = { value: server, path: ['licenseServers', i], name: asString(server.name), key: serverKey(server.name), packs: [] };
    asList(server.packs).forEach((p, j) => {
      if (!isObject(p)) return;
      const pack: PackEntry = { value: p as CalPack, path: ['licenseServers', i, 'packs', j], server: entry };
      entry.packs.push(pack);
      packs.push(pack);
    });
    servers.push(entry);
    if (entry.key !== undefined && !serverByKey.has(entry.key)) serverByKey.set(entry.key, entry);
  });
  const hosts: Located<SessionHost>[] = [];
  asList(inventory.sessionHosts).forEach((h, i) => {
    if (isObject(h)) hosts.push({ value: h as SessionHost, path: ['sessionHosts', i] });
  });
  const migrations: Located<Migration>[] = [];
  const migrationsFrom = new Map<string, Located<Migration>[]>();
  asList(inventory.migrations).forEach((m, i) => {
    if (!isObject(m)) return;
    const entry = { value: m as Migration, path: ['migrations', i] };
    migrations.push(entry);
    const from = serverKey(entry.value.from);
    if (from !== undefined) {
      const list = migrationsFrom.get(from);
      if (list) list.push(entry);
      else migrationsFrom.set(from, [entry]);
    }
  });
  return { servers, serverByKey, packs, hosts, migrations, migrationsFrom };
}

/** Positive integer quantity of a pack, or 0 when missing or invalid. */
export function quantityOf(pack: CalPack): number {
  return typeof pack.quantity === 'number' && Number.isFinite(pack.quantity) && pack.quantity > 0 ? pack.quantity : 0;
}

export interface HostServers {
  /** Listed servers found in the inventory, with the index of their entry in the host's list. */
  known: { server: ServerEntry; item: number }[];
  /** Listed names that match no server. */
  unknown: { name: string; item: number }[];
}

/** The license servers a session host points at, resolved by name. */
export function serversOfHost(index: InventoryIndex, host: SessionHost): HostServers {
  const known: HostServers['known'] = [];
  const unknown: HostServers['unknown'] = [];
  asList(host.licenseServers).forEach((name, item) => {
    const key = serverKey(name);
    if (key === undefined) return;
    const server = index.serverByKey.get(key);
    if (server) known.push({ server, item });
    else unknown.push({ name: name as string, item });
  });
  return { known, unknown };
}

/** What one server holds, per CAL type: summed once per server, so per-host checks stay cheap. */
export interface TypeHoldings {
  packs: number;
  /** Latest CAL version among the packs of that type (undefined if none is valid). */
  newest?: WindowsVersion;
}

const holdingsCache = new WeakMap<ServerEntry, Map<string, TypeHoldings>>();

export function holdingsOf(server: ServerEntry): Map<string, TypeHoldings> {
  let holdings = holdingsCache.get(server);
  if (holdings) return holdings;
  holdings = new Map();
  for (const pack of server.packs) {
    const type = pack.value.type;
    if (typeof type !== 'string') continue;
    const entry = holdings.get(type) ?? { packs: 0 };
    entry.packs++;
    const v = normalizeVersion(pack.value.version);
    if (v !== undefined && (entry.newest === undefined || versionRank(v) > versionRank(entry.newest))) entry.newest = v;
    holdings.set(type, entry);
  }
  holdingsCache.set(server, holdings);
  return holdings;
}

/** Whether any in-service server among `servers` holds CALs of `type`. */
export function holdsType(servers: readonly ServerEntry[], type: string): boolean {
  return servers.some((s) => isInService(s.value) && (holdingsOf(s).get(type)?.packs ?? 0) > 0);
}

/** Latest CAL version of `type` on the in-service servers among `servers`. */
export function newestOfType(servers: readonly ServerEntry[], type: string): WindowsVersion | undefined {
  let newest: WindowsVersion | undefined;
  for (const s of servers) {
    if (!isInService(s.value)) continue;
    const v = holdingsOf(s).get(type)?.newest;
    if (v !== undefined && (newest === undefined || versionRank(v) > versionRank(newest))) newest = v;
  }
  return newest;
}
