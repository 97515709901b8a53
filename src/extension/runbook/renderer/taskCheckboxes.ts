// markdown-it plugin used inside the notebook webview: turns GFM task list items into enabled
// checkboxes that carry the step's position, so a click can be turned into a toggle of that
// exact step by the extension. Runs in the browser: type-only imports, no Node, no `vscode`.
import type MarkdownIt = require('markdown-it');

/** A markdown-it instance (the types export the constructor under the name). */
type MarkdownItInstance = ReturnType<typeof MarkdownIt>;

type Token = MarkdownIt.Token;

export const STEP_CLASS = 'rdslic-step';
export const STEP_INDEX_ATTR = 'data-rdslic-step';
export const STEP_LINE_ATTR = 'data-rdslic-line';
export const OUTPUT_ID_ATTR = 'data-rdslic-output';

// GFM (as the core's checklist reads it): a list item whose first paragraph starts with `[`,
// a space, tab, line break, `x` or `X`, `]`, then whitespace and some text. The extension
// checks every click against the core's own list of steps, so a rare disagreement here
// (exotic whitespace) can only make a checkbox inert, never toggle the wrong step.
const TASK_MARKER = /^\[([ \t\nxX])\][ \t\n]+\S/;

export interface RenderedStep {
  index: number;
  /** 0-based line of the step's box (its paragraph's first line) in the rendered text. */
  line: number;
  checked: boolean;
}

/**
 * Removes the first `count` characters of an inline token's children: leading text tokens, and
 * the soft break of a box written across two lines ("[", line break, "]"), one character.
 */
function dropLeadingChars(children: Token[], count: number): void {
  let left = count;
  while (left > 0 && children.length > 0 && (children[0]!.type === 'text' || children[0]!.type === 'softbreak')) {
    const first = children[0]!;
    if (first.type === 'softbreak') {
      children.shift();
      left--;
    } else if (first.content.length <= left) {
      left -= first.content.length;
      children.shift();
    } else {
      first.content = first.content.slice(left);
      left = 0;
    }
  }
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Finds the task items of a parsed token stream, in document order (nested ones included),
 * and replaces each box by a checkbox input: enabled (a click asks for a toggle), or disabled
 * where clicks toggle nothing (`interactive` false: a notebook that is not a runbook). Returns
 * what it found (used by the tests).
 */
export function markTaskItems(
  tokens: Token[],
  TokenClass: MarkdownIt.StateCore['Token'],
  outputId: string | undefined,
  interactive = true,
): RenderedStep[] {
  const steps: RenderedStep[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const item = tokens[i]!;
    const paragraph = tokens[i + 1]!;
    const inline = tokens[i + 2]!;
    if (item.type !== 'list_item_open' || paragraph.type !== 'paragraph_open' || inline.type !== 'inline') continue;
    const match = TASK_MARKER.exec(inline.content);
    if (!match || !inline.children) continue;
    const map = inline.map ?? paragraph.map;
    const step: RenderedStep = { index: steps.length, line: map ? map[0] : -1, checked: match[1] === 'x' || match[1] === 'X' };
    steps.push(step);
    dropLeadingChars(inline.children, 3);
    const checkbox = new TokenClass('html_inline', '', 0);
    const attrs = [
      'type="checkbox"',
      `class="${STEP_CLASS}"`,
      `${STEP_INDEX_ATTR}="${step.index}"`,
      `${STEP_LINE_ATTR}="${step.line}"`,
      outputId !== undefined ? `${OUTPUT_ID_ATTR}="${escapeAttr(outputId)}"` : '',
      step.checked ? 'checked' : '',
      interactive ? '' : 'disabled',
    ].filter(Boolean);
    checkbox.content = `<input ${attrs.join(' ')}>`;
    inline.children.unshift(checkbox);
    item.attrJoin('class', 'rdslic-task-item');
  }
  return steps;
}

export interface OutputItemLike {
  id: string;
  text(): string;
}

/**
 * The plugin: `onRender` learns the text of every rendered cell, keyed by its output id;
 * `interactive` tells, at each render, whether clicks on the boxes toggle steps.
 */
export function taskCheckboxPlugin(
  md: MarkdownItInstance,
  onRender?: (outputId: string, text: string) => void,
  interactive: () => boolean = () => true,
): void {
  md.core.ruler.push('rdslic_task_checkboxes', (state) => {
    const outputItem = (state.env as { outputItem?: OutputItemLike } | undefined)?.outputItem;
    if (outputItem && onRender) onRender(outputItem.id, outputItem.text());
    markTaskItems(state.tokens, state.Token, outputItem?.id, interactive());
    return true;
  });
}
