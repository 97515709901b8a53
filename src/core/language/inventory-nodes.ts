// The parts of an inventory the language features point at (servers, their packs, hosts,
// migrations and every place a server is named), read from the YAML AST so that each one
// keeps the exact range of its node, even in a document the schema rejects.
import { isMap, isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from '../findings';
import { child, mapItems, scalarItems, scalarText } from './ast';
import { rangeAt, type ParsedYaml } from './yaml-text';

export interface NamedNode {
  /** The name as written, or undefined when missing or not a scalar. */
  name?: string;
  /** Range of the name's text (inside the quotes when quoted). */
  nameRange?: Range;
  /** Range of the whole entry (a map item of a sequence). */
  range: Range;
  node: YAMLMap;
}

export interface PackNode extends NamedNode {
  type?: string;
  version?: string;
  quantity?: number;
}

export interface ServerNode extends NamedNode {
  packs: PackNode[];
}

export type ServerReferenceKind = 'host' | 'migrationFrom' | 'migrationTo';

export interface ServerReference {
  name: string;
  range: Range;
  kind: ServerReferenceKind;
}

export interface InventoryNodes {
  servers: ServerNode[];
  hosts: NamedNode[];
  migrations: NamedNode[];
  references: ServerReference[];
}

/** Range of a node; for a quoted scalar, the text between the quotes (what a rename replaces). */
function nodeRange(parsed: ParsedYaml, node: Node): Range {
  const r = node.range ?? [0, 0, 0];
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && r[1] - r[0] >= 2;
  return quoted ? rangeAt(parsed, r[0] + 1, r[1] - 1) : rangeAt(parsed, r[0], r[1]);
}

function named(parsed: ParsedYaml, map: YAMLMap, key: string): NamedNode {
  const nameNode = child(map, key);
  const name = scalarText(nameNode);
  return {
    name,
    nameRange: name !== undefined && nameNode ? nodeRange(parsed, nameNode) : undefined,
    range: nodeRange(parsed, map),
    node: map,
  };
}

function numberOf(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' ? node.value : undefined;
}

export function inventoryNodes(parsed: ParsedYaml): InventoryNodes {
  const root = parsed.doc.contents;
  const result: InventoryNodes = { servers: [], hosts: [], migrations: [], references: [] };
  if (!isMap(root)) return result;
  for (const map of mapItems(root, 'licenseServers')) {
    const packs = mapItems(map, 'packs').map((pack): PackNode => ({
      ...named(parsed, pack, 'keyPackId'),
      type: scalarText(child(pack, 'type')),
      version: scalarText(child(pack, 'version')),
      quantity: numberOf(child(pack, 'quantity')),
    }));
    result.servers.push({ ...named(parsed, map, 'name'), packs });
  }
  const reference = (node: Scalar | Node | undefined, kind: ServerReferenceKind) => {
    const name = scalarText(node);
    if (name !== undefined && name !== '' && node) result.references.push({ name, range: nodeRange(parsed, node), kind });
  };
  for (const map of mapItems(root, 'sessionHosts')) {
    result.hosts.push(named(parsed, map, 'name'));
    for (const item of scalarItems(map, 'licenseServers')) reference(item, 'host');
  }
  for (const map of mapItems(root, 'migrations')) {
    result.migrations.push(named(parsed, map, 'id'));
    reference(child(map, 'from'), 'migrationFrom');
    reference(child(map, 'to'), 'migrationTo');
  }
  return result;
}
