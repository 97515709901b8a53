// Messages from the notebook renderer (webview) to the extension. Shared by both sides.

export const TOGGLE_STEP_MESSAGE = 'rdslic.toggleStep';

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
