// Checklist progress of every runbook of the workspace: from the open notebook when there is
// one (unsaved ticks count), from the file on disk otherwise. Views read it; edits, saves and
// file changes refresh it.
import * as vscode from 'vscode';
import path from 'node:path';
import { parseRunbook, listSteps } from '../../core/runbook';
import { NOTEBOOK_TYPE, RUNBOOK_GLOB } from './constants';
import { decodeRunbookBytes } from './encoding';

export interface StepRef {
  /** Index of the notebook cell holding the step. */
  cellIndex: number;
  /** Index of the step among that cell's steps. */
  stepIndex: number;
  text: string;
  checked: boolean;
}

export interface RunbookProgress {
  uri: vscode.Uri;
  done: number;
  total: number;
  steps: StepRef[];
  /** Set when the file could not be read as a runbook (the view shows it). */
  error?: string;
}

function progressOf(uri: vscode.Uri, cells: { markdown: boolean; source: string }[]): RunbookProgress {
  const steps: StepRef[] = [];
  cells.forEach((cell, cellIndex) => {
    if (!cell.markdown) return;
    listSteps(cell.source, { frontMatter: false }).forEach((step, stepIndex) => {
      steps.push({ cellIndex, stepIndex, text: step.text, checked: step.checked });
    });
  });
  return { uri, steps, total: steps.length, done: steps.filter((s) => s.checked).length };
}

export function progressOfNotebook(notebook: vscode.NotebookDocument): RunbookProgress {
  return progressOf(
    notebook.uri,
    notebook.getCells().map((c) => ({ markdown: c.kind === vscode.NotebookCellKind.Markup, source: c.document.getText() })),
  );
}

export function progressOfText(uri: vscode.Uri, text: string): RunbookProgress {
  return progressOf(
    uri,
    parseRunbook(text).cells.map((c) => ({ markdown: c.kind === 'markdown', source: c.source })),
  );
}

export function isRunbookUri(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.runbook.md');
}

export class RunbookProgressModel implements vscode.Disposable {
  private readonly entries = new Map<string, RunbookProgress>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires with the runbook that changed, or undefined when the whole list changed. */
  readonly onDidChange = this.changed.event;
  private initialised: Promise<void> | undefined;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(RUNBOOK_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFromSource(uri)),
      watcher.onDidChange((uri) => void this.refreshFromSource(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.refreshFromNotebook(nb)),
      vscode.workspace.onDidChangeNotebookDocument((e) => this.refreshFromNotebook(e.notebook)),
      vscode.workspace.onDidSaveNotebookDocument((nb) => this.refreshFromNotebook(nb)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => {
        // Unsaved ticks are gone with the notebook: the file is the truth again.
        if (nb.notebookType === NOTEBOOK_TYPE && isRunbookUri(nb.uri)) void this.refreshFromSource(nb.uri, true, false);
        else if (nb.notebookType === NOTEBOOK_TYPE) this.remove(nb.uri);
      }),
      // A runbook reopened as text is still a runbook: its typed ticks count too.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isRunbookUri(e.document.uri) && e.document.uri.scheme !== 'vscode-notebook-cell') {
          this.set(progressOfText(e.document.uri, e.document.getText()));
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
  }

  /** Resolves once every runbook of the workspace has been read once. */
  ready(): Promise<void> {
    this.initialised ??= this.rescan();
    return this.initialised;
  }

  async rescan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(RUNBOOK_GLOB, '**/node_modules/**');
    const keep = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.entries.keys()]) {
      const open = vscode.workspace.notebookDocuments.some((nb) => nb.uri.toString() === key);
      if (!keep.has(key) && !open) this.entries.delete(key);
    }
    await Promise.all(uris.map((uri) => this.refreshFromSource(uri, false)));
    for (const nb of vscode.workspace.notebookDocuments) this.refreshFromNotebook(nb, false);
    this.changed.fire(undefined);
  }

  get(uri: vscode.Uri): RunbookProgress | undefined {
    return this.entries.get(uri.toString());
  }

  /** Every known runbook, sorted by path. */
  all(): RunbookProgress[] {
    return [...this.entries.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
  }

  private openNotebook(uri: vscode.Uri): vscode.NotebookDocument | undefined {
    return vscode.workspace.notebookDocuments.find(
      (nb) => nb.notebookType === NOTEBOOK_TYPE && nb.uri.toString() === uri.toString(),
    );
  }

  private refreshFromNotebook(notebook: vscode.NotebookDocument, notify = true): void {
    if (notebook.notebookType !== NOTEBOOK_TYPE) return;
    this.set(progressOfNotebook(notebook), notify);
  }

  /** Re-reads a runbook: from its open notebook if any, else from disk. */
  async refreshFromSource(uri: vscode.Uri, notify = true, preferNotebook = true): Promise<void> {
    const open = preferNotebook ? this.openNotebook(uri) : undefined;
    if (open) {
      this.refreshFromNotebook(open, notify);
      return;
    }
    try {
      const text = decodeRunbookBytes(await vscode.workspace.fs.readFile(uri));
      this.set(progressOfText(uri, text), notify);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') {
        this.remove(uri);
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      this.set({ uri, done: 0, total: 0, steps: [], error: message }, notify);
    }
  }

  private set(progress: RunbookProgress, notify = true): void {
    this.entries.set(progress.uri.toString(), progress);
    if (notify) this.changed.fire(progress.uri);
  }

  private remove(uri: vscode.Uri): void {
    if (this.entries.delete(uri.toString())) this.changed.fire(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function runbookLabel(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}
