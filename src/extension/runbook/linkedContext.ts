// The inventory a runbook is linked to (front matter `inventory:`, relative to the runbook, and
// `server:`), seen from an editor: a notebook cell, or a `*.runbook.md` opened as text. Unsaved
// edits of an open inventory count, as in the language server.
import * as vscode from 'vscode';
import { parseRunbook, findServer } from '../../core/runbook';
import type { PlaceholderContext } from '../../core/runbook';
import { parseInventory } from '../../core/inventory/parse';
import type { ParsedInventory } from '../../core/inventory/parse';
import { NOTEBOOK_TYPE } from './constants';

export interface RunbookLink {
  /** The runbook file. */
  runbookUri: vscode.Uri;
  /** The inventory named by `inventory:`, when there is one. */
  inventoryUri?: vscode.Uri;
  parsed?: ParsedInventory;
  /** What placeholders resolve against (no inventory: an empty one, so every reason shows). */
  context: PlaceholderContext;
  /** Why no inventory could be read, for the admin. */
  problem?: string;
}

/** The runbook notebook a cell document belongs to. */
export function notebookOfCell(doc: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (doc.uri.scheme !== 'vscode-notebook-cell') return undefined;
  const key = doc.uri.toString();
  return vscode.workspace.notebookDocuments.find((nb) => nb.notebookType === NOTEBOOK_TYPE && nb.getCells().some((c) => c.document.uri.toString() === key));
}

export function isRunbookTextDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme !== 'vscode-notebook-cell' && doc.uri.path.toLowerCase().endsWith('.runbook.md');
}

/** The front matter data of the runbook `doc` is part of, and the runbook's Uri. */
export function runbookOf(doc: vscode.TextDocument): { uri: vscode.Uri; frontMatter: unknown } | undefined {
  const notebook = notebookOfCell(doc);
  if (notebook) {
    const frontMatter = (notebook.metadata as { frontMatter?: { data?: unknown } } | undefined)?.frontMatter?.data;
    return { uri: notebook.uri, frontMatter };
  }
  if (isRunbookTextDocument(doc)) return { uri: doc.uri, frontMatter: parseRunbook(doc.getText()).frontMatter?.data };
  return undefined;
}

async function inventoryText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

// The core's loadLinkedInventory (src/core/runbook/linked-inventory.ts, written in parallel)
// replaces the reading below once it is on main; the rest of this adapter stays.
export async function loadRunbookLink(runbookUri: vscode.Uri, frontMatter: unknown): Promise<RunbookLink> {
  const data = typeof frontMatter === 'object' && frontMatter !== null ? (frontMatter as Record<string, unknown>) : {};
  const serverName = typeof data.server === 'string' ? data.server : undefined;
  const empty: RunbookLink = { runbookUri, context: { inventory: {}, serverName } };
  const relative = data.inventory;
  if (typeof relative !== 'string' || relative.trim() === '' || relative.includes('{{')) {
    return { ...empty, problem: vscode.l10n.t('The runbook names no inventory: set inventory: in its front matter.') };
  }
  const inventoryUri = vscode.Uri.joinPath(runbookUri, '..', relative.replace(/\\/g, '/'));
  let text: string;
  try {
    text = await inventoryText(inventoryUri);
  } catch {
    return { ...empty, inventoryUri, problem: vscode.l10n.t('The inventory {0} named in the front matter cannot be read.', relative) };
  }
  const parsed = parseInventory(text);
  const link: RunbookLink = { runbookUri, inventoryUri, parsed, context: { inventory: parsed.inventory, serverName } };
  const server = findServer(parsed.inventory, serverName);
  if ('reason' in server) link.problem = server.reason;
  return link;
}
