// Go to definition, find references and rename for server names, over the workspace index.
import * as l10n from '@vscode/l10n';
import type { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Position, Range } from '../findings';
import type { InventoryNodes } from './inventory-nodes';
import { serverKey, type ServerDefinition, type ServerNameIndex } from './server-index';

export interface NameAt {
  name: string;
  range: Range;
  /** The name is where the server is defined (not a reference). */
  isDefinition: boolean;
}

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The server name under the cursor, whether defined or referred to here. */
export function serverNameAt(nodes: InventoryNodes, position: Position): NameAt | undefined {
  for (const s of nodes.servers) {
    if (s.name !== undefined && s.nameRange && contains(s.nameRange, position)) return { name: s.name, range: s.nameRange, isDefinition: true };
  }
  for (const r of nodes.references) {
    if (contains(r.range, position)) return { name: r.name, range: r.range, isDefinition: false };
  }
  return undefined;
}

export function definitionLocations(index: ServerNameIndex, name: string): Location[] {
  return index.definitions(name).map((d) => ({ uri: d.uri, range: d.range }));
}

export function referenceLocations(index: ServerNameIndex, name: string, includeDeclaration: boolean): Location[] {
  const refs = index.references(name).map((r) => ({ uri: r.uri, range: r.range }));
  return includeDeclaration ? [...definitionLocations(index, name), ...refs] : refs;
}

/**
 * A server name is written plain in YAML (FQDN or NetBIOS name). Refusing anything else keeps
 * a rename from producing YAML that means something else (`a: b`, `#x`, `[x]`).
 */
export function isValidServerName(name: string): boolean {
  return /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(name);
}

/** File name of a URI, for messages (`a.rdslic.yaml:8`). */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * Why `name` cannot be renamed to `newName` (undefined: it can): a name that is not plain
 * YAML, or the name of another server (the rename would merge two servers into a duplicate;
 * a change of case only is the same server).
 */
export function renameProblem(index: ServerNameIndex, name: string, newName: string): string | undefined {
  if (!isValidServerName(newName)) return l10n.t('"{0}" is not a valid server name (letters, digits, ".", "-", "_").', newName);
  const taken: ServerDefinition | undefined = serverKey(newName) === serverKey(name) ? undefined : index.definitions(newName)[0];
  if (!taken) return undefined;
  const where = `${fileName(taken.uri)}:${taken.range.start.line + 1}`;
  return l10n.t('A license server named "{0}" already exists ({1}): renaming would merge the two.', taken.name, where);
}

/** Every occurrence of the server's name, definitions and references, in every indexed file. */
export function renameEdits(index: ServerNameIndex, name: string, newName: string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const loc of referenceLocations(index, name, true)) (changes[loc.uri] ??= []).push({ range: loc.range, newText: newName });
  return { changes };
}
