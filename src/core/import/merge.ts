// `rdslic import wmi --into FILE`: brings what WMI says into an inventory the admin already
// keeps, without disturbing it. The YAML is edited through the `yaml` Document API, so the
// user's comments, key order, quoting and blank lines stay; only values WMI knows are
// changed, and only when they differ. New servers, packs and hosts are appended with their
// TODO comments. Nothing is ever deleted: a pack the export no longer lists is reported.
import * as l10n from '@vscode/l10n';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { normalizeVersion } from '../domain/versions';
import type { CalPack, Inventory, LicenseServer, SessionHost } from '../inventory/model';
import type { TodoNote } from './build-inventory';
import { keepOriginalSpacing } from './keep-spacing';
import { attachTodos } from './render';

export interface MergeResult {
  /** The merged YAML; undefined when the existing file could not be read as an inventory. */
  text?: string;
  /** One line per change, for the user. */
  changes: string[];
  /** Problems (the existing file is not YAML, not a mapping...). */
  errors: string[];
  /** Things worth a look that were left alone. */
  notes: string[];
}

type Path = (string | number)[];

export function mergeInventory(existingText: string, imported: Inventory, todos: readonly TodoNote[]): MergeResult {
  const result: MergeResult = { changes: [], errors: [], notes: [] };
  const doc = parseDocument(existingText, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) result.errors.push(l10n.t('{0}:{1}: {2}', e.linePos?.[0].line ?? 1, e.linePos?.[0].col ?? 1, e.message.split('\n')[0]));
    return result;
  }
  if (doc.contents === null) doc.contents = doc.createNode({ kind: imported.kind, version: imported.version, organization: imported.organization }) as never;
  if (!isMap(doc.contents)) {
    result.errors.push(l10n.t('The existing file is not an inventory (its top level is not a mapping).'));
    return result;
  }
  const newTodos: TodoNote[] = [];
  const remap = (from: Path, to: Path) => {
    for (const t of todos) {
      if (from.every((seg, i) => t.path[i] === seg)) newTodos.push({ path: [...to, ...t.path.slice(from.length)], text: t.text });
    }
  };

  (imported.licenseServers ?? []).forEach((server, si) => {
    const servers = ensureSeq(doc, ['licenseServers']);
    const index = findByName(servers, server.name);
    if (index === -1) {
      servers.items.push(doc.createNode(server) as YAMLMap);
      remap(['licenseServers', si], ['licenseServers', servers.items.length - 1]);
      result.changes.push(l10n.t('added license server {0} with {1} CAL pack(s)', server.name ?? '', server.packs?.length ?? 0));
      return;
    }
    const node = servers.items[index] as YAMLMap;
    const label = server.name ?? '';
    for (const key of ['serverId', 'productId', 'os', 'publishedInAD', 'joined', 'domainController'] as const) {
      updateValue(doc, node, key, (server as Record<string, unknown>)[key], l10n.t('license server {0}', label), result);
    }
    mergePacks(doc, node, ['licenseServers', index], server, si, remap, result);
  });

  (imported.sessionHosts ?? []).forEach((host, hi) => {
    const hosts = ensureSeq(doc, ['sessionHosts']);
    const index = findByName(hosts, host.name);
    if (index === -1) {
      hosts.items.push(doc.createNode(host) as YAMLMap);
      remap(['sessionHosts', hi], ['sessionHosts', hosts.items.length - 1]);
      result.changes.push(l10n.t('added session host {0}', host.name ?? ''));
      return;
    }
    const node = hosts.items[index] as YAMLMap;
    for (const key of ['os', 'licensingMode', 'licenseServers', 'configuredBy', 'joined'] as const) {
      updateValue(doc, node, key, (host as SessionHost)[key], l10n.t('session host {0}', host.name ?? ''), result);
    }
  });

  attachTodos(doc, newTodos);
  // No padding inside flow collections: `[a, b]`, as the format's examples and most people write.
  const options = { lineWidth: 0, flowCollectionPadding: false };
  result.text = keepOriginalSpacing(existingText, doc.toString(options));
  return result;
}

function mergePacks(
  doc: Document,
  serverNode: YAMLMap,
  serverPath: Path,
  server: LicenseServer,
  importedServerIndex: number,
  remap: (from: Path, to: Path) => void,
  result: MergeResult,
): void {
  const imported = server.packs ?? [];
  const existing: unknown = serverNode.get('packs', true);
  let seq: YAMLSeq;
  if (isSeq(existing)) seq = existing;
  else {
    seq = new YAMLSeq();
    serverNode.set('packs', seq);
  }
  const matched = new Set<number>();
  imported.forEach((pack, pi) => {
    const twins = imported.filter((p) => p.type === pack.type && normalizeVersion(p.version) === normalizeVersion(pack.version) && p.quantity === pack.quantity);
    const index = findPack(seq, pack, matched, twins.length === 1);
    const label = l10n.t('pack {0} on {1}', pack.localId ?? pi + 1, server.name ?? '');
    if (index === -1) {
      seq.items.push(doc.createNode(pack) as YAMLMap);
      matched.add(seq.items.length - 1);
      remap(['licenseServers', importedServerIndex, 'packs', pi], [...serverPath, 'packs', seq.items.length - 1]);
      result.changes.push(l10n.t('added {0}: {1} {2} x{3}', label, String(pack.version ?? ''), pack.type ?? '', pack.quantity ?? '?'));
      return;
    }
    matched.add(index);
    const node = seq.items[index] as YAMLMap;
    for (const key of ['localId', 'description', 'type', 'version', 'quantity', 'issued'] as const) {
      updateValue(doc, node, key, (pack as Record<string, unknown>)[key], label, result);
    }
    // A program WMI can name (retail, openLicense) fills a gap, never overrides the user's.
    if (pack.program && !node.has('program')) updateValue(doc, node, 'program', pack.program, label, result);
  });
  seq.items.forEach((item, i) => {
    if (matched.has(i) || !isMap(item)) return;
    const localId = scalarValue(item.get('localId', true));
    if (localId !== undefined) {
      result.notes.push(l10n.t('pack localId {0} on {1} is not in the export: removed, migrated or rebuilt? Left as it is.', String(localId), server.name ?? ''));
    }
  });
}

/** The pack with the same local KeyPackId or Clearinghouse ID; else the one unnumbered pack of the same kind. */
function findPack(seq: YAMLSeq, pack: CalPack, taken: Set<number>, uniqueInImport: boolean): number {
  const maps = seq.items.map((item, i) => ({ item, i })).filter(({ item, i }) => isMap(item) && !taken.has(i)) as { item: YAMLMap; i: number }[];
  const byId = maps.find(
    ({ item }) =>
      (pack.localId !== undefined && scalarValue(item.get('localId', true)) === pack.localId) ||
      (pack.keyPackId !== undefined && scalarValue(item.get('keyPackId', true)) === pack.keyPackId),
  );
  if (byId) return byId.i;
  // A pack written by hand before the first import has no localId yet: match it when exactly one
  // unnumbered pack has the same type, version and quantity, and the export has one such pack.
  if (!uniqueInImport) return -1;
  const sameKind = maps.filter(
    ({ item }) =>
      !item.has('localId') &&
      scalarValue(item.get('type', true)) === pack.type &&
      normalizeVersion(scalarValue(item.get('version', true))) === normalizeVersion(pack.version) &&
      scalarValue(item.get('quantity', true)) === pack.quantity,
  );
  return sameKind.length === 1 ? sameKind[0].i : -1;
}

function findByName(seq: YAMLSeq, name: string | undefined): number {
  if (!name) return -1;
  return seq.items.findIndex((item) => isMap(item) && String(scalarValue(item.get('name', true)) ?? '').toLowerCase() === name.toLowerCase());
}

function ensureSeq(doc: Document, path: Path): YAMLSeq {
  const node = doc.getIn(path, true);
  if (isSeq(node)) return node;
  const seq = new YAMLSeq();
  doc.setIn(path, seq);
  return seq;
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** Sets `key` to `value` when it differs, editing a scalar in place so its comments and style stay. */
function updateValue(doc: Document, map: YAMLMap, key: string, value: unknown, label: string, result: MergeResult): void {
  if (value === undefined) return;
  const current = map.get(key, true);
  if (current === undefined) {
    // New plain values go before the first nested list or mapping (packs:, backup:), where a
    // person would have written them.
    const pair = doc.createPair(key, value);
    const firstNested = map.items.findIndex((p) => isSeq(p.value) || isMap(p.value));
    if (typeof value !== 'object' && firstNested !== -1) map.items.splice(firstNested, 0, pair as never);
    else map.items.push(pair as never);
    result.changes.push(l10n.t('{0}: set {1} to {2}', label, key, show(value)));
    return;
  }
  if (isScalar(current)) {
    if (sameValue(key, current.value, value)) return;
    const before = current.value;
    if (typeof value === 'object') map.set(key, doc.createNode(value));
    else {
      current.value = value;
      // A string that looked like a number keeps its quotes only if it still needs them.
      if (typeof value !== 'string') current.type = Scalar.PLAIN;
    }
    result.changes.push(l10n.t('{0}: {1} {2} → {3}', label, key, show(before), show(value)));
    return;
  }
  const plain = (current as { toJSON(): unknown }).toJSON();
  if (JSON.stringify(plain) === JSON.stringify(value)) return;
  map.set(key, doc.createNode(value));
  result.changes.push(l10n.t('{0}: {1} {2} → {3}', label, key, show(plain), show(value)));
}

function sameValue(key: string, a: unknown, b: unknown): boolean {
  if (key === 'version' || key === 'os') return normalizeVersion(a) !== undefined && normalizeVersion(a) === normalizeVersion(b);
  if (key === 'serverId' && typeof a === 'string' && typeof b === 'string') return a.replace(/[-\s]/g, '').toUpperCase() === b.replace(/[-\s]/g, '').toUpperCase();
  return a === b;
}

function show(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}
