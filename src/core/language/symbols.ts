// Outline of an inventory: license servers with their CAL packs, session hosts, migrations.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { Range } from '../findings';
import type { InventoryNodes, NamedNode, PackNode } from './inventory-nodes';
import { calTotals, type NamedEntry } from './server-index';

function symbol(node: NamedNode, name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const selectionRange: Range = node.nameRange ?? { start: node.range.start, end: node.range.start };
  return { name, kind, detail, range: node.range, selectionRange, children };
}

function packLabel(pack: PackNode): string {
  return `${pack.quantity ?? '?'} × ${pack.type ?? '?'} ${pack.version ?? '?'}`;
}

export function documentSymbols(nodes: InventoryNodes): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  nodes.servers.forEach((server, i) => {
    const packs = server.packs.map((p, j) => symbol(p, packLabel(p), SymbolKind.Field, p.name ?? `packs[${j}]`));
    const cals = calTotals(server.packs).reduce((n, t) => n + t.quantity, 0);
    out.push(symbol(server, server.name ?? `licenseServers[${i}]`, SymbolKind.Class, `${cals} CALs`, packs));
  });
  nodes.hosts.forEach((host, i) => out.push(symbol(host, host.name ?? `sessionHosts[${i}]`, SymbolKind.Object, 'session host')));
  nodes.migrations.forEach((m, i) => out.push(symbol(m, m.name ?? `migrations[${i}]`, SymbolKind.Event, 'migration')));
  return out;
}

const KIND: Record<NamedEntry['kind'], SymbolKind> = { server: SymbolKind.Class, host: SymbolKind.Object, migration: SymbolKind.Event };
const CONTAINER: Record<NamedEntry['kind'], string> = { server: 'licenseServers', host: 'sessionHosts', migration: 'migrations' };

/** Workspace symbols whose name contains the query's characters in order (as editors filter). */
export function workspaceSymbols(entries: NamedEntry[], query: string, limit = 500): SymbolInformation[] {
  const q = query.toLowerCase();
  const matches = (name: string) => {
    let i = 0;
    const n = name.toLowerCase();
    for (const ch of q) {
      i = n.indexOf(ch, i);
      if (i < 0) return false;
      i++;
    }
    return true;
  };
  const out: SymbolInformation[] = [];
  for (const e of entries) {
    if (!matches(e.name)) continue;
    out.push({ name: e.name, kind: KIND[e.kind], location: { uri: e.uri, range: e.range }, containerName: CONTAINER[e.kind] });
    if (out.length >= limit) break;
  }
  return out;
}
