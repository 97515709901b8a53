// "New runbook from template": pick a shipped runbook (the UI language's first), an inventory of
// the workspace and one of its license servers, and where to save; the runbook is written with
// the inventory's values filled in and its checklist empty, then opened as a notebook. Every
// choice can be passed as an argument instead (tests, other commands), so that no quick pick
// shows. Writing a new file is all it does: it works in untrusted workspaces too.
import * as path from 'path';
import * as vscode from 'vscode';
import { decodeRunbook, encodeRunbook, instantiateTemplate } from '../../core/runbook';
import type { InstantiatedRunbook } from '../../core/runbook';
import { parseInventory } from '../../core/inventory/parse';
import type { LicenseServer, Migration } from '../../core/inventory/model';
import { INVENTORY_GLOB } from '../inventory/detect';
import { listTemplates, type RunbookTemplate } from './templates';
import { openAsRunbook } from './openCommands';

export interface NewRunbookArgs {
  /**
   * The template: a Uri, or a shipped file's name with or without its language folder
   * (`fr/recover-lost-cals.runbook.md`, `recover-lost-cals`; without a folder, the UI language's).
   */
  template?: vscode.Uri | string;
  /** The inventory: a Uri or a path relative to the first workspace folder. */
  inventory?: vscode.Uri | string;
  /** A `licenseServers[].name` of that inventory. */
  server?: string;
  /** Where to write: a Uri or a path relative to the first workspace folder. Never overwritten. */
  target?: vscode.Uri | string;
  /** The CAL pack (index or keyPackId) and migration (id) for `pack.*`/`migration.*`. */
  pack?: number | string;
  migration?: string;
  /** Open the new runbook as a notebook (default true). */
  open?: boolean;
}

export interface NewRunbookResult {
  uri: vscode.Uri;
  result: InstantiatedRunbook;
}

function workspaceFolderUri(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  if (value instanceof vscode.Uri) return value;
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(value) && !/^[A-Za-z]:[\\/]/.test(value)) return vscode.Uri.parse(value);
  if (path.isAbsolute(value)) return vscode.Uri.file(value);
  const folder = workspaceFolderUri();
  return folder ? vscode.Uri.joinPath(folder, value) : vscode.Uri.file(path.resolve(value));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return decodeRunbook(await vscode.workspace.fs.readFile(uri)).text;
}

function fail(message: string): undefined {
  void vscode.window.showErrorMessage(message);
  return undefined;
}

async function chooseTemplate(extensionUri: vscode.Uri, wanted: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
  if (wanted instanceof vscode.Uri) return wanted;
  const templates = await listTemplates(extensionUri, vscode.env.language);
  if (typeof wanted === 'string') {
    const name = wanted.replace(/\\/g, '/');
    const withExt = name.endsWith('.runbook.md') ? name : `${name}.runbook.md`;
    const found = templates.find((t) => `${t.lang}/${t.fileName}` === withExt || t.fileName === withExt);
    if (!found) return fail(vscode.l10n.t('No shipped runbook is named "{0}".', wanted));
    return found.uri;
  }
  type Item = vscode.QuickPickItem & { template?: RunbookTemplate };
  const items: Item[] = [];
  let lang = '';
  for (const t of templates) {
    if (t.lang !== lang) {
      lang = t.lang;
      items.push({ label: lang === 'fr' ? 'Français' : 'English', kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: t.title, description: `${t.lang}/${t.fileName}`, detail: t.summary, template: t });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New runbook from template'),
    placeHolder: vscode.l10n.t('Choose the procedure'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.template?.uri;
}

async function chooseInventory(wanted: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
  if (wanted !== undefined) return toUri(wanted);
  const found = (await vscode.workspace.findFiles(INVENTORY_GLOB, '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
  if (found.length === 0) return fail(vscode.l10n.t('No inventory (*.rdslic.yaml) in this workspace: create one first with "New Inventory from Template".'));
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: path.posix.basename(uri.path), description: vscode.workspace.asRelativePath(uri), uri })),
    { title: vscode.l10n.t('New runbook from template'), placeHolder: vscode.l10n.t('Choose the inventory the values come from') },
  );
  return picked?.uri;
}

async function chooseServer(servers: LicenseServer[], wanted: string | undefined): Promise<string | undefined> {
  if (wanted !== undefined) return wanted;
  if (servers.length === 1) return servers[0].name;
  const picked = await vscode.window.showQuickPick(
    servers.map((s) => ({
      label: String(s.name),
      description: [s.status, s.os !== undefined ? `Windows Server ${s.os}` : undefined].filter(Boolean).join(' · '),
      detail: s.serverId ? vscode.l10n.t('License Server ID {0}', s.serverId) : vscode.l10n.t('No License Server ID recorded'),
      name: String(s.name),
    })),
    { title: vscode.l10n.t('New runbook from template'), placeHolder: vscode.l10n.t('Choose the license server this runbook works on') },
  );
  return picked?.name;
}

/** The pack index (undefined: leave `pack.*` to fill in; null: cancelled); asks only with 2+ packs. */
async function choosePack(server: LicenseServer): Promise<number | undefined | null> {
  const packs = Array.isArray(server.packs) ? server.packs : [];
  if (packs.length < 2) return undefined;
  const leave = { label: vscode.l10n.t('None: leave the pack values to fill in'), index: undefined as number | undefined };
  const picked = await vscode.window.showQuickPick(
    [
      ...packs.map((p, index) => ({
        label: typeof p?.keyPackId === 'string' ? p.keyPackId : `#${index + 1}`,
        description: [p?.type, p?.version, p?.quantity !== undefined ? `× ${p.quantity}` : undefined].filter((x) => x !== undefined).join(' '),
        detail: [p?.program, p?.agreementNumber].filter(Boolean).join(' · '),
        index: index as number | undefined,
      })),
      leave,
    ],
    { title: vscode.l10n.t('New runbook from template'), placeHolder: vscode.l10n.t('Choose the CAL pack this runbook works on') },
  );
  return picked ? picked.index : null;
}

/** The migration id (undefined: leave `migration.*` to fill in; null: cancelled); asks only with 2+. */
async function chooseMigration(all: unknown, serverName: string): Promise<string | undefined | null> {
  const key = (s: unknown) => (typeof s === 'string' ? s.trim().replace(/\.$/, '').toLowerCase() : undefined);
  const migrations = (Array.isArray(all) ? all : []).filter(
    (m): m is Migration => typeof m === 'object' && m !== null && key(m.to) === key(serverName) && typeof m.id === 'string',
  );
  if (migrations.length < 2) return undefined;
  const leave = { label: vscode.l10n.t('None: leave the migration values to fill in'), id: undefined as string | undefined };
  const picked = await vscode.window.showQuickPick(
    [
      ...migrations.map((m) => ({
        label: String(m.id),
        description: vscode.l10n.t('from {0}', String(m.from ?? '?')),
        detail: [m.reason, m.state, m.licenses !== undefined ? `${m.licenses} ${m.calType ?? ''}`.trim() : undefined].filter(Boolean).join(' · '),
        id: m.id as string | undefined,
      })),
      leave,
    ],
    { title: vscode.l10n.t('New runbook from template'), placeHolder: vscode.l10n.t('Choose the migration this runbook works on') },
  );
  return picked ? picked.id : null;
}

async function chooseTarget(wanted: vscode.Uri | string | undefined, fileName: string, inventory: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (wanted !== undefined) {
    const target = toUri(wanted);
    // An explicit target is never overwritten: the save dialog asks, an argument cannot.
    if (await exists(target)) return fail(vscode.l10n.t('{0} exists already: choose another file name.', vscode.workspace.asRelativePath(target)));
    return target;
  }
  const folder = vscode.workspace.getWorkspaceFolder(inventory)?.uri ?? workspaceFolderUri() ?? vscode.Uri.joinPath(inventory, '..');
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the new runbook'),
    defaultUri: vscode.Uri.joinPath(folder, fileName),
    filters: { [vscode.l10n.t('Runbooks')]: ['runbook.md', 'md'] },
  });
}

/** Path of `inventory` relative to the folder of `runbook`, with `/` (the front matter's `inventory:`). */
export function relativeInventoryPath(runbook: vscode.Uri, inventory: vscode.Uri): string {
  return path.posix.relative(path.posix.dirname(runbook.path), inventory.path);
}

export async function newRunbookFromTemplate(extensionUri: vscode.Uri, args: NewRunbookArgs = {}): Promise<NewRunbookResult | undefined> {
  const templateUri = await chooseTemplate(extensionUri, args.template);
  if (!templateUri) return undefined;
  const inventoryUri = await chooseInventory(args.inventory);
  if (!inventoryUri) return undefined;

  let inventoryText: string;
  try {
    inventoryText = await readText(inventoryUri);
  } catch (err) {
    return fail(vscode.l10n.t('Cannot read the inventory {0}: {1}', vscode.workspace.asRelativePath(inventoryUri), err instanceof Error ? err.message : String(err)));
  }
  const inventory = parseInventory(inventoryText).inventory;
  const servers = (Array.isArray(inventory.licenseServers) ? inventory.licenseServers : []).filter(
    (s): s is LicenseServer => typeof s === 'object' && s !== null && typeof s.name === 'string' && s.name.length > 0,
  );
  if (servers.length === 0) return fail(vscode.l10n.t('The inventory {0} names no license server (licenseServers[].name).', vscode.workspace.asRelativePath(inventoryUri)));
  const serverName = await chooseServer(servers, args.server);
  if (!serverName) return undefined;

  const fileName = path.posix.basename(templateUri.path);
  const target = await chooseTarget(args.target, fileName, inventoryUri);
  if (!target) return undefined;

  const templateText = await readText(templateUri);
  // Several packs or migrations: ask which one, when the user is choosing (not given by code).
  const interactive = args.server === undefined;
  const server = servers.find((s) => s.name === serverName);
  let pack = args.pack;
  if (pack === undefined && interactive && server && /\{\{\s*pack\./.test(templateText)) {
    const chosen = await choosePack(server);
    if (chosen === null) return undefined;
    pack = chosen;
  }
  let migration = args.migration;
  if (migration === undefined && interactive && /\{\{\s*migration\./.test(templateText)) {
    const chosen = await chooseMigration(inventory.migrations, serverName);
    if (chosen === null) return undefined;
    migration = chosen;
  }
  const result = instantiateTemplate(templateText, {
    inventory,
    serverName,
    inventoryPath: relativeInventoryPath(target, inventoryUri),
    pack,
    migration,
  });
  await vscode.workspace.fs.writeFile(target, encodeRunbook(result.text));

  if (args.open !== false) await openAsRunbook(target);
  void vscode.window.showInformationMessage(summary(target, result));
  return { uri: target, result };
}

function summary(target: vscode.Uri, result: InstantiatedRunbook): string {
  const where = vscode.workspace.asRelativePath(target);
  const filled = result.filled.reduce((n, f) => n + f.count, 0);
  if (result.frontMatterProblem) return vscode.l10n.t('{0} created, but its front matter was kept as it is: {1}', where, result.frontMatterProblem);
  if (result.unresolved.length === 0) return vscode.l10n.t('{0} created: {1} values filled in from the inventory.', where, filled);
  const left = result.unresolved.map((u) => `{{${u.name}}}`).join(', ');
  return vscode.l10n.t('{0} created: {1} values filled in from the inventory; to fill in by hand: {2} (hover them for why).', where, filled, left);
}
