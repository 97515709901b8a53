// Checklist steps of notebook cells: reading them and toggling one with the smallest edit
// (the box character only). The checklist rules themselves are the core's.
import * as vscode from 'vscode';
import { listSteps, toggleStep, Step, RunbookCellMetadata } from '../../core/runbook';
import { isToggleStepMessage } from './renderer/messages';
import { NOTEBOOK_TYPE } from './constants';

export type { Step };

/** A Markdown cell's source never has front matter: a leading `---` block is Markdown there. */
const CELL = { frontMatter: false } as const;

export function stepsOfCell(cell: vscode.NotebookCell): Step[] {
  return cell.kind === vscode.NotebookCellKind.Markup ? listSteps(cell.document.getText(), CELL) : [];
}

export function countCellSteps(cell: vscode.NotebookCell): { done: number; total: number } {
  const steps = stepsOfCell(cell);
  return { done: steps.filter((s) => s.checked).length, total: steps.length };
}

/** The single changed span between two texts (common prefix and suffix removed). */
function changedSpan(before: string, after: string): { start: number; end: number; insert: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, insert: after.slice(start, endAfter) };
}

/**
 * The cell's text as read from the file, with the same step toggled, when the cell has not
 * been edited since. The core writes an edited cell in one line-break style; carrying the
 * toggle into the raw text keeps a cell with mixed CRLF/LF lines byte for byte but the box.
 */
function toggledRaw(cell: vscode.NotebookCell, text: string, stepIndex: number): string | undefined {
  const raw = (cell.metadata as RunbookCellMetadata | undefined)?.raw;
  if (typeof raw !== 'string' || raw === text || raw.replace(/\r\n?/g, '\n') !== text) return undefined;
  const step = listSteps(raw, CELL)[stepIndex];
  return step ? toggleStep(raw, step, undefined, CELL) : undefined;
}

/** Toggles step `stepIndex` of a Markdown cell. Resolves to false when there is no such step. */
export async function toggleCellStep(cell: vscode.NotebookCell, stepIndex: number): Promise<boolean> {
  const document = cell.document;
  const text = document.getText();
  const step = listSteps(text, CELL)[stepIndex];
  if (cell.kind !== vscode.NotebookCellKind.Markup || !step) return false;
  const span = changedSpan(text, toggleStep(text, step, undefined, CELL));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), span.insert);
  const raw = toggledRaw(cell, text, stepIndex);
  if (raw !== undefined && raw !== (cell.metadata as RunbookCellMetadata).raw) {
    edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, { ...cell.metadata, raw })]);
  }
  return vscode.workspace.applyEdit(edit);
}

/**
 * Finds the cell a renderer click came from: the Markdown cell with the text that was
 * rendered (the selected one if several cells have that same text).
 */
function cellOfRenderedText(editor: vscode.NotebookEditor, text: string | null): vscode.NotebookCell | undefined {
  const markdownCells = editor.notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
  const matches = text === null ? [] : markdownCells.filter((c) => c.document.getText() === text);
  if (matches.length <= 1) return matches[0];
  const selected = new Set<number>();
  for (const range of editor.selections) for (let i = range.start; i < range.end; i++) selected.add(i);
  return matches.find((c) => selected.has(c.index)) ?? matches[0];
}

/**
 * Handles a message of the checklist renderer: toggles the clicked step. Resolves to true
 * when a step was toggled; unknown or stale messages (the cell changed meanwhile) do nothing,
 * and so do clicks in other notebooks (the renderer extends the Markdown renderer of every
 * notebook type: a Jupyter notebook's task items are not runbook steps).
 */
export async function handleRendererMessage(editor: vscode.NotebookEditor, message: unknown): Promise<boolean> {
  if (editor.notebook.notebookType !== NOTEBOOK_TYPE || !isToggleStepMessage(message)) return false;
  const cell = cellOfRenderedText(editor, message.cellText);
  if (!cell) return false;
  const steps = stepsOfCell(cell);
  // The line names the step (the renderer's count could differ from the core's on exotic
  // whitespace); the index is only used when the renderer did not know the line.
  const stepIndex = message.line >= 0 ? steps.findIndex((s) => s.line === message.line) : message.stepIndex;
  if (!steps[stepIndex]) return false;
  return toggleCellStep(cell, stepIndex);
}
