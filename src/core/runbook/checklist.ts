// Checklist steps: GFM task list items, found exactly where GitHub finds them. markdown-it gives
// the structure (a list item whose first child is a paragraph, never inside code, HTML blocks or
// tables); the task marker test follows GFM's reference implementation
// (micromark-extension-gfm-task-list-item): `[`, a space, tab, line break, `x` or `X`, `]`, then
// whitespace and some text. The box character's offset is located in the original text so that
// toggling rewrites that one character and nothing else.
import * as l10n from '@vscode/l10n';
import { parseBlocks } from './markdown';
import { indexLines } from './lines';
import { frontMatterLineCount } from './front-matter';

export interface Step {
  /** 0-based line of the box in the text given. */
  line: number;
  /** 0-based UTF-16 column of the box character (the one between the brackets). */
  column: number;
  /** UTF-16 offset of the box character in the text given. */
  offset: number;
  checked: boolean;
  /** The step's text after the box, on one line. */
  text: string;
  /** 0 for a top-level list item, 1 for an item nested in another, and so on. */
  depth: number;
}

export interface Progress {
  done: number;
  total: number;
}

export interface StepOptions {
  /**
   * Skip YAML front matter at the start of the text (default true: a whole runbook file). Pass
   * false for the source of one Markdown cell, which never has front matter.
   */
  frontMatter?: boolean;
}

/** The checklist steps of a Markdown text, in document order. */
export function listSteps(markdown: string, options: StepOptions = {}): Step[] {
  const from = markdown.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = indexLines(markdown, from);
  const skip = options.frontMatter === false ? 0 : frontMatterLineCount(markdown, lines);
  if (skip >= lines.starts.length) return [];
  const bodyStart = lines.starts[skip];
  const tokens = parseBlocks(bodyStart === 0 ? markdown : markdown.slice(bodyStart));
  const steps: Step[] = [];
  let depth = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'list_item_close') depth--;
    if (token.type !== 'list_item_open') continue;
    depth++;
    const paragraph = tokens[i + 1];
    const inline = tokens[i + 2];
    if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline' || !inline.map) continue;
    const step = taskOf(markdown, lines, inline.map[0] + skip, inline.map[1] - inline.map[0], inline.content, depth);
    if (step) steps.push(step);
  }
  return steps;
}

/** `content`: markdown-it's inline content of the list item's first paragraph (trimmed). */
function taskOf(
  text: string,
  lines: { starts: number[]; ends: number[] },
  line: number,
  paragraphLines: number,
  content: string,
  depth: number,
): Step | undefined {
  if (content.charCodeAt(0) !== 91 /* [ */ || content.charCodeAt(2) !== 93 /* ] */) return undefined;
  const box = content[1];
  if (box !== ' ' && box !== '\t' && box !== '\n' && box !== 'x' && box !== 'X') return undefined;
  // Locate the "[" on the paragraph's first line: that line's content runs to its end (minus
  // trailing whitespace when the paragraph is one line, which markdown-it trims).
  const lineStart = lines.starts[line];
  const original = text.slice(lineStart, lines.ends[line]);
  const firstLine = content.split('\n', 1)[0];
  const visible = (paragraphLines === 1 ? original.trimEnd() : original).replace(/\0/g, '\uFFFD');
  const column = visible.length - firstLine.length;
  if (column <= 0 || !visible.startsWith(firstLine, column)) return undefined;
  // GFM wants whitespace (space or tab) before the marker, not e.g. a no-break space that
  // JavaScript's trim() removed.
  const before = original.charCodeAt(column - 1);
  if (before !== 32 && before !== 9) return undefined;
  // After "]": a space, tab or line break, then some text (no-break spaces count as text for
  // GFM but were trimmed by markdown-it: look at the original line for them).
  const after = content[3];
  if (after === ' ' || after === '\t' || after === '\n') {
    if (!/[^ \t\n]/.test(content.slice(4))) return undefined;
  } else if (after !== undefined || !/[^ \t]/.test(original.slice(column + 3))) {
    return undefined;
  } else if (!/^[ \t]/.test(original.slice(column + 3))) {
    return undefined;
  }
  return {
    line,
    column: column + 1,
    offset: lineStart + column + 1,
    checked: box === 'x' || box === 'X',
    text: content.slice(4).replace(/\s+/g, ' ').trim(),
    depth,
  };
}

/** Done and total steps of a Markdown text (see `listSteps` for `options`). */
export function countSteps(markdown: string, options: StepOptions = {}): Progress {
  const steps = listSteps(markdown, options);
  let done = 0;
  for (const step of steps) if (step.checked) done++;
  return { done, total: steps.length };
}

/**
 * Ticks (`checked` true), unticks (false) or flips (undefined) one step and returns the new text:
 * only the box character changes (`x` when ticked, a space when unticked; an `X` stays when it
 * is ticked already). `step` is a step of `listSteps(markdown, options)` or its `offset`.
 * Throws a RangeError when no step has its box at that offset (a stale step: list them again).
 */
export function toggleStep(markdown: string, step: Step | number, checked?: boolean, options: StepOptions = {}): string {
  const offset = typeof step === 'number' ? step : step.offset;
  const current = listSteps(markdown, options).find((s) => s.offset === offset);
  if (!current) throw new RangeError(l10n.t('There is no checklist step at offset {0}.', offset));
  const want = checked ?? !current.checked;
  if (want === current.checked) return markdown;
  const boxChar = markdown[offset];
  if (want) {
    // A box written as a line break (a "[" at the end of a line, "]" on the next) becomes "[x]".
    const end = boxChar === '\r' || boxChar === '\n' ? markdown.indexOf(']', offset) : offset + 1;
    return markdown.slice(0, offset) + 'x' + markdown.slice(end);
  }
  return markdown.slice(0, offset) + ' ' + markdown.slice(offset + 1);
}
