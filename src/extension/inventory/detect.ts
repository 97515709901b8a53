// Which editor documents are inventories, with the same test the language server uses.
import * as vscode from 'vscode';
import { hasRunbookName, isInventory } from '../../core/language/applies';

export const INVENTORY_GLOB = '**/*.rdslic.{yaml,yml}';

export function isInventoryDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'yaml' && isInventory(doc.uri.path, doc.getText(), doc.languageId);
}

/** A runbook opened as text, or a cell of a runbook opened as a notebook: the server checks its IDs. */
export function isRunbookDocument(doc: vscode.TextDocument): boolean {
  return (doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-notebook-cell') && hasRunbookName(doc.uri.path);
}

/** True when some workspace folder holds a `*.rdslic.yaml` file (stops at the first). */
export async function workspaceHasInventory(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const found = await vscode.workspace.findFiles(INVENTORY_GLOB, '**/node_modules/**', 1);
  return found.length > 0;
}
