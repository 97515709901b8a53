// Commands on steps: "Toggle Step…" (quick pick of a cell's or a runbook's steps, or a
// direct toggle when the step is given) and going to a runbook's first open step.
import * as vscode from 'vscode';
import { COMMANDS, NOTEBOOK_TYPE } from './constants';
import { RunbookProgressModel, progressOfNotebook } from './progress';
import { stepsOfCell, toggleCellStep } from './steps';

/** Arguments of the toggle command (from the cell status bar, the tests, keybindings). */
export interface ToggleStepArgs {
  uri?: vscode.Uri | string;
  cellIndex?: number;
  stepIndex?: number;
}

function toUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? vscode.Uri.parse(value) : value;
}

async function notebookFor(uri: vscode.Uri | undefined): Promise<vscode.NotebookDocument | undefined> {
  if (!uri) {
    const active = vscode.window.activeNotebookEditor?.notebook;
    return active?.notebookType === NOTEBOOK_TYPE ? active : undefined;
  }
  const open = vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri.toString());
  return open ?? vscode.workspace.openNotebookDocument(uri);
}

/** Toggles a step; with a missing cell or step index, asks with a quick pick. */
export async function toggleStepCommand(args: ToggleStepArgs = {}): Promise<boolean> {
  const notebook = await notebookFor(toUri(args.uri));
  if (!notebook) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a runbook notebook to toggle its steps.'));
    return false;
  }
  if (args.cellIndex !== undefined && args.stepIndex !== undefined) {
    const cell = notebook.cellAt(args.cellIndex);
    return toggleCellStep(cell, args.stepIndex);
  }
  let cellIndex = args.cellIndex;
  if (cellIndex === undefined) {
    // The selected cell's steps if it has some, else every step of the runbook.
    const editor = vscode.window.activeNotebookEditor;
    const selected = editor?.notebook === notebook ? editor.selection.start : undefined;
    if (selected !== undefined && selected < notebook.cellCount && stepsOfCell(notebook.cellAt(selected)).length > 0) cellIndex = selected;
  }
  const steps = progressOfNotebook(notebook).steps.filter((s) => cellIndex === undefined || s.cellIndex === cellIndex);
  if (steps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no checklist steps here.'));
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    steps.map((step) => ({
      label: `${step.checked ? '$(pass-filled)' : '$(circle-large-outline)'} ${step.text}`,
      description: step.checked ? vscode.l10n.t('done') : undefined,
      step,
    })),
    { title: vscode.l10n.t('Toggle Step'), placeHolder: vscode.l10n.t('Pick a step to tick or untick') },
  );
  if (!picked) return false;
  return toggleCellStep(notebook.cellAt(picked.step.cellIndex), picked.step.stepIndex);
}

/** Opens a runbook as a notebook with cell `cellIndex` selected and in view. */
export async function revealCell(uri: vscode.Uri, cellIndex: number): Promise<vscode.NotebookEditor> {
  const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.uri.toString() === uri.toString() && nb.notebookType === NOTEBOOK_TYPE)
    ?? (await vscode.workspace.openNotebookDocument(uri));
  const index = Math.max(0, Math.min(cellIndex, notebook.cellCount - 1));
  const range = new vscode.NotebookRange(index, index + 1);
  const editor = await vscode.window.showNotebookDocument(notebook, { selections: [range] });
  editor.selection = range;
  editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export async function revealFirstOpenStep(model: RunbookProgressModel, uri: vscode.Uri | undefined): Promise<vscode.NotebookEditor | undefined> {
  const target = uri ?? vscode.window.activeNotebookEditor?.notebook.uri;
  if (!target) return undefined;
  await model.refreshFromSource(target);
  const firstOpen = model.get(target)?.steps.find((s) => !s.checked);
  return revealCell(target, firstOpen?.cellIndex ?? 0);
}

export function registerStepCommands(model: RunbookProgressModel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.toggleStep, (args?: ToggleStepArgs) => toggleStepCommand(isArgs(args) ? args : {})),
    vscode.commands.registerCommand(COMMANDS.revealFirstOpenStep, (uri?: vscode.Uri) => revealFirstOpenStep(model, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(COMMANDS.revealStep, (uri: vscode.Uri, cellIndex: number) => revealCell(uri, cellIndex)),
    vscode.commands.registerCommand(COMMANDS.refreshRunbooks, () => model.rescan()),
  ];
}

function isArgs(value: unknown): value is ToggleStepArgs {
  // Menus pass other things (a cell, a URI): only a plain args object is taken as such.
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && ('uri' in value || 'cellIndex' in value || 'stepIndex' in value);
}
