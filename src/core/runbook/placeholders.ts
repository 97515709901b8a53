// `{{...}}` placeholders of runbooks: where they are in a text, and what they stand for in an
// inventory. The set is fixed and documented in runbooks/README.md (a unit test keeps the table
// below and the README's table identical). `server` is the license server named in the runbook's
// front matter, `pack` one of that server's CAL packs, `migration` the inventory migration whose
// `to` is that server. A placeholder that cannot be resolved gets a reason, never a guess: the
// admin fills it in.
import * as l10n from '@vscode/l10n';
import { closestWord } from '../closest-word';
import type { CalPack, Inventory, LicenseServer, Migration } from '../inventory/model';
import type { InventoryPath } from '../inventory/parse';

/** Which inventory object a placeholder reads from. */
export type PlaceholderScope = 'inventory' | 'server' | 'pack' | 'migration';

export interface PlaceholderDefinition {
  /** The name between the braces, e.g. `server.serverId`. */
  name: string;
  scope: PlaceholderScope;
  /** Keys from the scope's object to the value, e.g. `['backup', 'location']`. */
  keys: readonly string[];
  /** The inventory key as runbooks/README.md writes it, e.g. `licenseServers[].serverId`. */
  inventoryKey: string;
}

const SCOPE_PREFIX: Record<PlaceholderScope, string> = {
  inventory: '',
  server: 'licenseServers[].',
  pack: 'packs[].',
  migration: 'migrations[].',
};

function define(name: string): PlaceholderDefinition {
  const [scope, ...keys] = name.split('.') as [PlaceholderScope, ...string[]];
  return { name, scope, keys, inventoryKey: SCOPE_PREFIX[scope] + keys.join('.') };
}

/** Every placeholder a runbook may use, in the order of runbooks/README.md. */
export const PLACEHOLDERS: readonly PlaceholderDefinition[] = [
  'inventory.organization',
  'inventory.site',
  'server.name',
  'server.serverId',
  'server.os',
  'server.connectionMethod',
  'server.backup.location',
  'pack.keyPackId',
  'pack.program',
  'pack.agreementNumber',
  'pack.type',
  'pack.version',
  'pack.quantity',
  'migration.from',
].map(define);

const BY_NAME = new Map(PLACEHOLDERS.map((p) => [p.name, p]));

export function placeholderDefinition(name: string): PlaceholderDefinition | undefined {
  return BY_NAME.get(name);
}

const NAMES = PLACEHOLDERS.map((p) => p.name);
const SCOPES = [...new Set(PLACEHOLDERS.map((p) => p.scope))];

const braces = (name: string) => `{{${name}}}`;

/**
 * The known placeholder an unknown `name` is most likely a typo of. With a known scope, only the
 * part after it is compared (among that scope's placeholders), so that the shared `server.` does
 * not make `server.bogus` "close" to `server.os`; otherwise the whole name (`servr.serverId`).
 */
export function closestPlaceholder(name: string): string | undefined {
  const [scope, ...rest] = name.split('.');
  const sameScope = PLACEHOLDERS.filter((p) => p.scope === scope);
  if (sameScope.length === 0 || rest.length === 0) return closestWord(name, NAMES);
  const key = closestWord(rest.join('.'), sameScope.map((p) => p.keys.join('.')));
  return key === undefined ? undefined : `${scope}.${key}`;
}

/**
 * Why an unknown `name` is never filled in, with the closest placeholder ("did you mean") or the
 * ones it could have been: the message of RDS606 and the reason a placeholder hover gives.
 * `suggestion`: closestPlaceholder(name), when the caller already has it.
 */
export function unknownPlaceholderReason(name: string, suggestion = closestPlaceholder(name)): string {
  if (suggestion) return l10n.t('{0} is not a placeholder rdslic knows: did you mean {1}? (see runbooks/README.md)', braces(name), braces(suggestion));
  const scope = name.split('.')[0];
  const sameScope = NAMES.filter((n) => n.startsWith(`${scope}.`));
  if (sameScope.length > 0) {
    return l10n.t('{0} is not a placeholder rdslic knows, so it is never filled in. The {1} placeholders are: {2} (see runbooks/README.md).', braces(name), `${scope}.*`, sameScope.map(braces).join(', '));
  }
  return l10n.t(
    '{0} is not a placeholder rdslic knows, so it is never filled in. Placeholders start with {1} (see runbooks/README.md).',
    braces(name),
    SCOPES.map((s) => `${s}.`).join(', '),
  );
}

/** One `{{...}}` occurrence in a text. */
export interface PlaceholderOccurrence {
  /** The name between the braces, spaces trimmed (`server.name`). */
  name: string;
  /** UTF-16 offset of the first `{`. */
  offset: number;
  /** Length of the whole `{{...}}`, braces included. */
  length: number;
  /** The definition, when the name is one of PLACEHOLDERS. */
  definition?: PlaceholderDefinition;
}

// Same name syntax as the placeholder pattern of schemas/runbook.schema.json.
const PLACEHOLDER = /\{\{[ \t]*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)[ \t]*\}\}/g;

/** The placeholders of `text`, in order (known or not: an unknown one is worth a hover too). */
export function findPlaceholders(text: string): PlaceholderOccurrence[] {
  const found: PlaceholderOccurrence[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    found.push({ name: m[1], offset: m.index, length: m[0].length, definition: BY_NAME.get(m[1]) });
  }
  return found;
}

/** The placeholder whose `{{...}}` contains `offset` (both ends included), if any. */
export function placeholderAt(text: string, offset: number): PlaceholderOccurrence | undefined {
  return findPlaceholders(text).find((p) => offset >= p.offset && offset <= p.offset + p.length);
}

/** What the placeholders of one runbook are resolved against. */
export interface PlaceholderContext {
  /** The parsed inventory (ParsedInventory.inventory). */
  inventory: Inventory;
  /** The license server named in the runbook's front matter (`server:`). */
  serverName?: string;
  /**
   * The CAL pack worked on: its index among the server's packs or its keyPackId. Without it,
   * `pack.*` resolves only when the server has exactly one pack.
   */
  pack?: number | string;
  /**
   * The migration worked on, by its `id`. Without it, `migration.*` resolves only when exactly one
   * migration of the inventory goes to the server.
   */
  migration?: string;
}

export type PlaceholderResolution =
  | {
      resolved: true;
      /** The value as it is written into the runbook. */
      value: string;
      /** Where the value is in the inventory, e.g. `['licenseServers', 2, 'serverId']`. */
      path: InventoryPath;
    }
  | {
      resolved: false;
      /** Why not, for the admin (localised). */
      reason: string;
      /** The inventory object that was looked at, when there is one (to point at it). */
      path?: InventoryPath;
    };

/** Case-insensitive, final-dot-insensitive comparison of server names (DNS names). */
function sameServer(a: unknown, b: string): boolean {
  const key = (s: string) => s.trim().replace(/\.$/, '').toLowerCase();
  return typeof a === 'string' && key(a) === key(b) && key(b).length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The chosen server and its index in `licenseServers`, or why there is none. */
export function findServer(
  inventory: Inventory,
  serverName: string | undefined,
): { server: LicenseServer; index: number } | { reason: string } {
  if (!serverName || findPlaceholders(serverName).length > 0) {
    return { reason: l10n.t('The runbook names no license server: set server: in its front matter.') };
  }
  const servers = list(inventory.licenseServers);
  const index = servers.findIndex((s) => isObject(s) && sameServer(s.name, serverName));
  if (index < 0) return { reason: l10n.t('The inventory has no license server named {0}.', serverName) };
  return { server: servers[index] as LicenseServer, index };
}

type ScopeObject = { object: Record<string, unknown>; path: InventoryPath } | { reason: string; path?: InventoryPath };

function scopeObject(scope: PlaceholderScope, context: PlaceholderContext): ScopeObject {
  const inventory = isObject(context.inventory) ? context.inventory : {};
  if (scope === 'inventory') return { object: inventory, path: [] };
  const found = findServer(inventory, context.serverName);
  if ('reason' in found) return found;
  const serverPath: InventoryPath = ['licenseServers', found.index];
  const serverName = String(found.server.name);
  if (scope === 'server') return { object: found.server as Record<string, unknown>, path: serverPath };
  if (scope === 'pack') return packObject(found.server, serverName, serverPath, context.pack);
  return migrationObject(inventory, serverName, context.migration);
}

function packObject(server: LicenseServer, serverName: string, serverPath: InventoryPath, wanted: number | string | undefined): ScopeObject {
  const packs = list(server.packs);
  const at = (index: number): ScopeObject =>
    isObject(packs[index]) ? { object: packs[index] as Record<string, unknown>, path: [...serverPath, 'packs', index] } : { reason: l10n.t('{0} has no CAL pack number {1}.', serverName, index + 1), path: serverPath };
  if (typeof wanted === 'number') return at(wanted);
  if (typeof wanted === 'string') {
    const index = packs.findIndex((p) => isObject(p) && typeof p.keyPackId === 'string' && p.keyPackId.toUpperCase() === wanted.toUpperCase());
    return index >= 0 ? at(index) : { reason: l10n.t('{0} has no CAL pack with key pack ID {1}.', serverName, wanted), path: serverPath };
  }
  if (packs.length === 0) return { reason: l10n.t('{0} has no CAL packs in the inventory.', serverName), path: serverPath };
  if (packs.length > 1) return { reason: l10n.t('{0} has {1} CAL packs: write the value of the pack you work on.', serverName, packs.length), path: serverPath };
  return at(0);
}

function migrationObject(inventory: Inventory, serverName: string, wanted: string | undefined): ScopeObject {
  const all = list(inventory.migrations);
  const indexes = all.map((m, i) => (isObject(m) && sameServer(m.to, serverName) ? i : -1)).filter((i) => i >= 0);
  if (wanted !== undefined) {
    const index = all.findIndex((m) => isObject(m) && m.id === wanted);
    if (index < 0) return { reason: l10n.t('The inventory has no migration with id {0}.', wanted) };
    return { object: all[index] as Record<string, unknown>, path: ['migrations', index] };
  }
  if (indexes.length === 0) return { reason: l10n.t('No migration of the inventory goes to {0}.', serverName) };
  if (indexes.length > 1) {
    const ids = indexes.map((i) => (all[i] as Migration).id ?? `#${i + 1}`).join(', ');
    return { reason: l10n.t('{0} migrations go to {1} ({2}): write the value of the one you work on.', indexes.length, serverName, ids) };
  }
  return { object: all[indexes[0]] as Record<string, unknown>, path: ['migrations', indexes[0]] };
}

/** Resolves one placeholder name against an inventory. Never throws. */
export function resolvePlaceholder(name: string, context: PlaceholderContext): PlaceholderResolution {
  const definition = BY_NAME.get(name);
  if (!definition) return { resolved: false, reason: unknownPlaceholderReason(name) };
  const scope = scopeObject(definition.scope, context);
  if ('reason' in scope) return { resolved: false, reason: scope.reason, path: scope.path };
  let value: unknown = scope.object;
  const path: (string | number)[] = [...scope.path];
  for (const key of definition.keys) {
    value = isObject(value) ? value[key] : undefined;
    path.push(key);
  }
  const where = definition.inventoryKey;
  if (value === undefined || value === null || value === '') {
    return { resolved: false, reason: l10n.t('{0} is not filled in in the inventory.', where), path: scope.path };
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return { resolved: false, reason: l10n.t('{0} is not a single value in the inventory.', where), path };
  }
  const text = String(value);
  // A line break would change the runbook's structure (a new paragraph, a broken command line).
  if (/[\r\n]/.test(text)) return { resolved: false, reason: l10n.t('{0} spans several lines in the inventory.', where), path };
  return { resolved: true, value: text, path };
}

/** `['licenseServers', 2, 'serverId']` → `licenseServers[2].serverId` (how a hover shows it). */
export function formatInventoryPath(path: InventoryPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}
