// Messages between the notebook renderer (webview) and the extension. Shared by both sides.

export const TOGGLE_STEP_MESSAGE = 'rdslic.toggleStep';
/** Renderer → extension: which kind of notebook is this webview's? (asked once, at activation) */
export const NOTEBOOK_KIND_QUERY = 'rdslic.whichNotebook';
/** Extension → renderer: the answer. The renderer gets no notebook type of its own. */
export const NOTEBOOK_KIND_MESSAGE = 'rdslic.notebookKind';

export interface NotebookKindMessage {
  type: typeof NOTEBOOK_KIND_MESSAGE;
  /** True for a runbook notebook: its task items are steps that a click toggles. */
  runbook: boolean;
}

export interface ToggleStepMessage {
  type: typeof TOGGLE_STEP_MESSAGE;
  /** The Markdown the clicked cell was rendered from (identifies the cell), null if unknown. */
  cellText: string | null;
  /** Index of the step among the cell's task items, in document order. */
  stepIndex: number;
  /** 0-based line of the step's list item in the cell's text. */
  line: number;
}

export function isToggleStepMessage(value: unknown): value is ToggleStepMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.type === TOGGLE_STEP_MESSAGE &&
    (typeof m.cellText === 'string' || m.cellText === null) &&
    Number.isInteger(m.stepIndex) &&
    Number.isInteger(m.line)
  );
}

export function isNotebookKindQuery(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>).type === NOTEBOOK_KIND_QUERY;
}

export function isNotebookKindMessage(value: unknown): value is NotebookKindMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.type === NOTEBOOK_KIND_MESSAGE && typeof m.runbook === 'boolean';
}
