// Helpers of the runbook suites: the extension's runbook API, fixture files, byte diffs.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RunbookFeatures } from '../../../src/extension/runbook';
import { waitFor } from './wait';

export async function runbookApi(): Promise<RunbookFeatures> {
  const ext = vscode.extensions.getExtension<{ runbook?: RunbookFeatures }>('rdslic.rdslic');
  assert.ok(ext, 'rdslic.rdslic is not loaded');
  const api = (await ext.activate())?.runbook;
  assert.ok(api, 'the extension does not export its runbook API');
  return api;
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri.fsPath;
}

export function workspaceUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

export function readBytes(uri: vscode.Uri): Buffer {
  return fs.readFileSync(uri.fsPath);
}

export function writeBytes(uri: vscode.Uri, bytes: Buffer | string): void {
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, bytes);
}

/** Offsets where two buffers differ (they must have the same length). */
export function differingOffsets(before: Buffer, after: Buffer): number[] {
  assert.equal(after.length, before.length, 'the file length changed');
  const offsets: number[] = [];
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) offsets.push(i);
  return offsets;
}

export async function openRunbook(uri: vscode.Uri): Promise<vscode.NotebookEditor> {
  const notebook = await vscode.workspace.openNotebookDocument(uri);
  return vscode.window.showNotebookDocument(notebook);
}

/** Index of the first Markdown cell whose text contains `needle`. */
export function markdownCellIndex(notebook: vscode.NotebookDocument, needle: string): number {
  const cell = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Markup && c.document.getText().includes(needle));
  assert.ok(cell, `no Markdown cell contains ${JSON.stringify(needle)}`);
  return cell.index;
}

/** Index of the first code cell whose text contains `needle`. */
export function codeCellIndex(notebook: vscode.NotebookDocument, needle: string): number {
  const cell = notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code && c.document.getText().includes(needle));
  assert.ok(cell, `no code cell contains ${JSON.stringify(needle)}`);
  return cell.index;
}

export function outputText(cell: vscode.NotebookCell, mime: string): string {
  const decoder = new TextDecoder();
  return cell.outputs
    .flatMap((o) => o.items)
    .filter((i) => i.mime === mime)
    .map((i) => decoder.decode(i.data))
    .join('');
}

export const STDOUT = 'application/vnd.code.notebook.stdout';
export const STDERR = 'application/vnd.code.notebook.stderr';
export const ERROR = 'application/vnd.code.notebook.error';

/**
 * Resolves once the extension has seen `uri` on disk (its file watcher fired). Tests that write
 * a file and open it at once would otherwise race VS Code's own reaction to the new file.
 */
export function waitUntilKnown(api: RunbookFeatures, uri: vscode.Uri): Promise<unknown> {
  return waitFor(`the runbook ${uri.path} seen by the extension`, () => api.progress.get(uri), [api.progress.onDidChange as vscode.Event<unknown>]);
}
