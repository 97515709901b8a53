// The inventory a runbook is linked to: its front matter's `inventory:` (a path relative to the
// runbook) and `server:` (a `licenseServers[].name` in that inventory). The linter, the
// placeholder hovers and "New runbook from template" all need the same answer to "which
// inventory, which server, and if none, why", so it is worked out here, once. File access is
// the caller's (`readFile`): the CLI reads the disk, the language server prefers the editor's
// unsaved text, the extension may read through VS Code.
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { LicenseServer } from '../inventory/model';
import { parseInventory, type ParsedInventory } from '../inventory/parse';
import { findPlaceholders } from './placeholders';

/**
 * Reads a file: its text, or its bytes (decoded here as UTF-8, a byte order mark dropped).
 * Throws when the file cannot be read; an error whose `code` is `ENOENT` (or `FileNotFound`,
 * as VS Code's file system says) means that it does not exist.
 */
export type ReadInventoryFile = (absolutePath: string) => string | Uint8Array;
export type ReadInventoryFileAsync = (absolutePath: string) => Promise<string | Uint8Array>;

/**
 * Why a runbook has no usable inventory or server:
 * - `noInventory`: no `inventory:` key (or not a string): nothing to check;
 * - `inventoryPlaceholder`: `inventory:` is a `{{...}}` placeholder (a template);
 * - `inventoryNotFound`: the file does not exist;
 * - `inventoryUnreadable`: it exists but cannot be read or is not UTF-8 text;
 * - `inventoryUnparseable`: its YAML cannot be read (syntax error, not a mapping);
 * - `noServer`: the inventory is fine but there is no `server:` key (or not a string);
 * - `serverPlaceholder`: `server:` is a `{{...}}` placeholder (a template);
 * - `unknownServer`: the inventory has no license server of that name.
 */
export type LinkedInventoryProblemKind =
  | 'noInventory'
  | 'inventoryPlaceholder'
  | 'inventoryNotFound'
  | 'inventoryUnreadable'
  | 'inventoryUnparseable'
  | 'noServer'
  | 'serverPlaceholder'
  | 'unknownServer';

export interface LinkedInventory {
  /** `inventory:` as written, when it is a string. */
  reference?: string;
  /** Absolute path `reference` resolves to (relative to the runbook's folder), unless a placeholder. */
  path?: string;
  /** The inventory, parsed, when it could be read and its YAML is usable (`parsed.checkable`). */
  parsed?: ParsedInventory;
  /** `server:` as written, when it is a string. */
  serverName?: string;
  /** The `licenseServers` entry `server:` names, and its index there. */
  server?: { value: LicenseServer; index: number };
  /** Why `parsed` or `server` is missing; absent when both are there. */
  problem?: { kind: LinkedInventoryProblemKind; message: string };
}

/** True when a front matter value holds a `{{...}}` placeholder (a template not filled in yet). */
export function hasPlaceholder(value: string): boolean {
  return findPlaceholders(value).length > 0;
}

/** Server names are DNS names: compared without case and without a final dot. */
export function sameServerName(a: unknown, b: string): boolean {
  const key = (s: string) => s.trim().replace(/\.$/, '').toLowerCase();
  return typeof a === 'string' && key(b).length > 0 && key(a) === key(b);
}

/** The entry of `licenseServers` named `name`, with its index (first one when several). */
export function findLicenseServer(parsed: ParsedInventory, name: string): { value: LicenseServer; index: number } | undefined {
  const servers = parsed.inventory.licenseServers;
  if (!Array.isArray(servers)) return undefined;
  const index = servers.findIndex((s) => typeof s === 'object' && s !== null && sameServerName((s as LicenseServer).name, name));
  return index < 0 ? undefined : { value: servers[index] as LicenseServer, index };
}

function stringField(data: unknown, key: string): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

type Start = { done: LinkedInventory } | { link: LinkedInventory; path: string };

/** Reads `inventory:`/`server:` and says which file to read, if any. */
function start(runbookPath: string, frontMatterData: unknown): Start {
  const reference = stringField(frontMatterData, 'inventory');
  const serverName = stringField(frontMatterData, 'server');
  const link: LinkedInventory = {};
  if (reference !== undefined) link.reference = reference;
  if (serverName !== undefined) link.serverName = serverName;
  if (reference === undefined || reference.trim() === '') {
    return { done: { ...link, problem: { kind: 'noInventory', message: l10n.t('The front matter names no inventory (inventory:).') } } };
  }
  if (hasPlaceholder(reference)) {
    return {
      done: {
        ...link,
        problem: { kind: 'inventoryPlaceholder', message: l10n.t('inventory: is still a placeholder ({0}): this runbook is a template.', reference) },
      },
    };
  }
  const absolute = path.resolve(path.dirname(runbookPath), reference);
  return { link: { ...link, path: absolute }, path: absolute };
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound';
}

function readFailure(link: LinkedInventory, err: unknown): LinkedInventory {
  const reference = link.reference!;
  if (isNotFound(err)) {
    return { ...link, problem: { kind: 'inventoryNotFound', message: l10n.t('The inventory "{0}" does not exist (the path is relative to the runbook).', reference) } };
  }
  const detail = (err as { code?: unknown } | null)?.code ?? (err instanceof Error ? err.message : String(err));
  return { ...link, problem: { kind: 'inventoryUnreadable', message: l10n.t('The inventory "{0}" cannot be read ({1}).', reference, String(detail)) } };
}

/** Parses the inventory text and finds the server in it. */
function finish(link: LinkedInventory, content: string | Uint8Array): LinkedInventory {
  const reference = link.reference!;
  let text: string;
  if (typeof content === 'string') {
    text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return { ...link, problem: { kind: 'inventoryUnreadable', message: l10n.t('The inventory "{0}" is not UTF-8 text.', reference) } };
    }
  }
  const parsed = parseInventory(text);
  if (!parsed.checkable) {
    const first = parsed.findings.find((f) => f.severity === 'error') ?? parsed.findings[0];
    const where = first ? l10n.t('line {0}: {1}', first.range.start.line + 1, first.message) : '';
    return {
      ...link,
      problem: { kind: 'inventoryUnparseable', message: l10n.t('The inventory "{0}" cannot be read as YAML ({1}): run rdslic lint on it.', reference, where) },
    };
  }
  const linked: LinkedInventory = { ...link, parsed };
  const serverName = link.serverName;
  if (serverName === undefined || serverName.trim() === '') {
    return { ...linked, problem: { kind: 'noServer', message: l10n.t('The front matter names no license server (server:).') } };
  }
  if (hasPlaceholder(serverName)) {
    return { ...linked, problem: { kind: 'serverPlaceholder', message: l10n.t('server: is still a placeholder ({0}): this runbook is a template.', serverName) } };
  }
  const server = findLicenseServer(parsed, serverName);
  if (!server) {
    const known = (Array.isArray(parsed.inventory.licenseServers) ? parsed.inventory.licenseServers : [])
      .map((s) => (typeof s === 'object' && s !== null ? (s as LicenseServer).name : undefined))
      .filter((n): n is string => typeof n === 'string');
    const message =
      known.length > 0
        ? l10n.t('The inventory "{0}" has no license server named "{1}". Its license servers: {2}.', reference, serverName, known.join(', '))
        : l10n.t('The inventory "{0}" has no license server named "{1}" (it lists none).', reference, serverName);
    return { ...linked, problem: { kind: 'unknownServer', message } };
  }
  return { ...linked, server };
}

/**
 * The inventory and license server a runbook's front matter points at.
 *
 * @param runbookPath absolute path of the runbook file (for a notebook cell: the notebook's file);
 *   `inventory:` is resolved against its folder.
 * @param frontMatterData the parsed front matter (`parseRunbook(text).frontMatter?.data`).
 * @param readFile reads the inventory (see ReadInventoryFile); called at most once.
 * @returns never throws: what was found, and `problem` (kind + localised message) when the
 *   inventory or the server is not available.
 */
export function loadLinkedInventory(runbookPath: string, frontMatterData: unknown, readFile: ReadInventoryFile): LinkedInventory {
  const first = start(runbookPath, frontMatterData);
  if ('done' in first) return first.done;
  let content: string | Uint8Array;
  try {
    content = readFile(first.path);
  } catch (err) {
    return readFailure(first.link, err);
  }
  return finish(first.link, content);
}

/** loadLinkedInventory with an asynchronous reader (e.g. `vscode.workspace.fs.readFile`). */
export async function loadLinkedInventoryAsync(runbookPath: string, frontMatterData: unknown, readFile: ReadInventoryFileAsync): Promise<LinkedInventory> {
  const first = start(runbookPath, frontMatterData);
  if ('done' in first) return first.done;
  let content: string | Uint8Array;
  try {
    content = await readFile(first.path);
  } catch (err) {
    return readFailure(first.link, err);
  }
  return finish(first.link, content);
}
