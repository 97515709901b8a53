// Workspace index of server names: where each license server is defined
// (`licenseServers[].name`) and where it is referred to (`sessionHosts[].licenseServers[]`,
// `migrations[].from/to`), across every inventory file. Updated one file at a time: a file's
// entries are replaced, the rest of the index is left as it is.
import type { Range } from '../findings';
import { calTotals, type CalTotal } from '../report/totals';
import type { InventoryNodes, ServerReferenceKind } from './inventory-nodes';

// CAL totals are computed once for the report, hovers and the status bar (src/core/report/totals).
export { calTotals, type CalTotal };

export interface ServerDefinition {
  uri: string;
  name: string;
  range: Range;
  /** The whole server entry (for workspace symbols). */
  entryRange: Range;
  packCount: number;
  totals: CalTotal[];
}

export interface ServerReferenceEntry {
  uri: string;
  name: string;
  range: Range;
  kind: ServerReferenceKind;
}

export interface NamedEntry {
  uri: string;
  name: string;
  range: Range;
  kind: 'server' | 'host' | 'migration';
}

export interface FileEntries {
  definitions: ServerDefinition[];
  references: ServerReferenceEntry[];
  /** Hosts and migrations too, for workspace symbols. */
  symbols: NamedEntry[];
}

/** Server names compare as DNS names do: without regard to case. */
export function serverKey(name: string): string {
  return name.trim().toLowerCase();
}

export function fileEntries(uri: string, nodes: InventoryNodes): FileEntries {
  const definitions: ServerDefinition[] = [];
  const symbols: NamedEntry[] = [];
  for (const server of nodes.servers) {
    if (server.name === undefined || !server.nameRange) continue;
    definitions.push({
      uri,
      name: server.name,
      range: server.nameRange,
      entryRange: server.range,
      packCount: server.packs.length,
      totals: calTotals(server.packs),
    });
    symbols.push({ uri, name: server.name, range: server.range, kind: 'server' });
  }
  for (const host of nodes.hosts) if (host.name !== undefined) symbols.push({ uri, name: host.name, range: host.range, kind: 'host' });
  for (const m of nodes.migrations) if (m.name !== undefined) symbols.push({ uri, name: m.name, range: m.range, kind: 'migration' });
  const references = nodes.references.map((r) => ({ uri, ...r }));
  return { definitions, references, symbols };
}

interface NameBucket {
  definitions: Map<string, ServerDefinition[]>;
  references: Map<string, ServerReferenceEntry[]>;
}

export class ServerNameIndex {
  private readonly files = new Map<string, { stamp: string; entries: FileEntries }>();
  private readonly names = new Map<string, NameBucket>();

  /** What the file's entries were computed from (document version, or mtime and size). */
  stampOf(uri: string): string | undefined {
    return this.files.get(uri)?.stamp;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Replaces the entries of one file. */
  update(uri: string, stamp: string, entries: FileEntries): void {
    this.remove(uri);
    this.files.set(uri, { stamp, entries });
    const group = <T extends { name: string }>(list: T[], pick: (b: NameBucket) => Map<string, T[]>) => {
      const byKey = new Map<string, T[]>();
      for (const e of list) {
        const key = serverKey(e.name);
        byKey.set(key, [...(byKey.get(key) ?? []), e]);
      }
      for (const [key, items] of byKey) pick(this.bucket(key)).set(uri, items);
    };
    group(entries.definitions, (b) => b.definitions);
    group(entries.references, (b) => b.references);
  }

  private bucket(key: string): NameBucket {
    let bucket = this.names.get(key);
    if (!bucket) this.names.set(key, (bucket = { definitions: new Map(), references: new Map() }));
    return bucket;
  }

  remove(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    const keys = new Set([...old.entries.definitions, ...old.entries.references].map((e) => serverKey(e.name)));
    for (const key of keys) {
      const bucket = this.names.get(key);
      if (!bucket) continue;
      bucket.definitions.delete(uri);
      bucket.references.delete(uri);
      if (bucket.definitions.size === 0 && bucket.references.size === 0) this.names.delete(key);
    }
  }

  definitions(name: string): ServerDefinition[] {
    const bucket = this.names.get(serverKey(name));
    return bucket ? [...bucket.definitions.values()].flat() : [];
  }

  references(name: string): ServerReferenceEntry[] {
    const bucket = this.names.get(serverKey(name));
    return bucket ? [...bucket.references.values()].flat() : [];
  }

  /** Every defined server name once (first spelling met), sorted. */
  serverNames(): string[] {
    const names: string[] = [];
    for (const bucket of this.names.values()) {
      const first = bucket.definitions.values().next();
      if (!first.done && first.value.length > 0) names.push(first.value[0].name);
    }
    return names.sort((a, b) => a.localeCompare(b));
  }

  symbols(): NamedEntry[] {
    return [...this.files.values()].flatMap((f) => f.entries.symbols);
  }
}
