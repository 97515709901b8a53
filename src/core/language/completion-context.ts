// Where the cursor is, for completion, read from the text around it rather than from a parse:
// while the user types, the line under the cursor is usually incomplete YAML, and the last
// parse belongs to an older version. Block YAML is indentation: the ancestors of a position
// are the nearest lines above it that start further left.
import type { Position, Range } from '../findings';
import type { PathSegment } from './ast';

export type CompletionSlot =
  /** A key of the map at `path` (the line may start a new sequence item: `hasDash`). */
  | 'key'
  /** The value of `path` (after `key: `), or an item of a flow sequence (`key: [a, |`). */
  | 'value'
  /** A new item of the sequence at `path`, no dash typed yet. */
  | 'newItem';

export interface CompletionContext {
  slot: CompletionSlot;
  /** Schema-style path; sequence items are 0 whatever their index. */
  path: PathSegment[];
  /** Text already typed (replaced by the completion). */
  prefix: string;
  replaceRange: Range;
  /** The current line already has `- ` before the cursor's word. */
  hasDash: boolean;
  /** Column where the completed key or value starts. */
  column: number;
  /** Keys already present in the map being completed (not offered again). */
  siblingKeys: Set<string>;
  /** Written before the completed value: a space when the cursor is right after `key:`. */
  lead?: string;
  /** The user opened a quote before the value: insert the bare text. */
  quoted?: boolean;
}

interface LineShape {
  /** Columns of the `- ` markers at the start of the line. */
  dashes: number[];
  /** Column of the first content after indentation and dashes. */
  contentCol: number;
  key?: string;
  /** Value text after `key:`, without a trailing comment. */
  value: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+|$)(.*)$/;

function shape(line: string): LineShape | undefined {
  if (/^\s*(#.*)?$/.test(line)) return undefined;
  const dashes: number[] = [];
  let col = line.length - line.trimStart().length;
  while (line[col] === '-' && (line[col + 1] === ' ' || line[col + 1] === '\t' || col + 1 === line.length)) {
    dashes.push(col);
    col++;
    while (line[col] === ' ' || line[col] === '\t') col++;
  }
  const rest = line.slice(col);
  const m = KEY.exec(rest);
  if (!m) return { dashes, contentCol: col, value: rest };
  const key = m[1].replace(/^(["'])(.*)\1$/, '$2');
  const value = m[2].replace(/(^|\s)#.*$/, '').trim();
  return { dashes, contentCol: col, key, value };
}

/**
 * Path (schema-style) of the collection that holds content starting at `column` on line
 * `lineNo`, found by walking up through less-indented lines. `inSequence` says the content is
 * a sequence item whose dash is at `column` (look for the sequence's parent key).
 */
function ancestors(lines: string[], lineNo: number, column: number, inSequence: boolean, siblings?: Set<string>): PathSegment[] | undefined {
  const reversed: PathSegment[] = [];
  let want = column;
  let seqMode = inSequence;
  let first = true;
  for (let l = lineNo - 1; l >= 0; l--) {
    const s = shape(lines[l]);
    if (!s) continue;
    if (seqMode) {
      // Looking for the key that owns a sequence whose dashes are at `want`.
      if (s.dashes.includes(want)) continue; // a sibling item
      if (s.key === undefined || s.contentCol > want) continue; // content of a sibling
      if (s.value !== '') return undefined; // `key: value` cannot own a block sequence
      reversed.push(s.key);
    } else {
      // Looking for the key that owns a map whose keys are at `want`.
      if (s.contentCol > want) continue;
      if (s.contentCol === want) {
        if (first && s.key !== undefined) siblings?.add(s.key);
        if (s.dashes.length === 0) continue; // a sibling key
        // First key of the item that holds our map: the item is an ancestor.
        reversed.push(0);
        reversed.push(...s.dashes.slice(0, -1).map(() => 0));
        want = s.dashes[0];
        seqMode = true;
        first = false;
        continue;
      }
      if (s.key === undefined) {
        // A line starting further left with no key: a dash with nothing else (`-` then a
        // nested map on the next lines) or a scalar. Dashes make it an item ancestor.
        if (s.dashes.length === 0) return undefined;
        reversed.push(...s.dashes.map(() => 0));
        want = s.dashes[0];
        seqMode = true;
        first = false;
        continue;
      }
      if (/^[|>]/.test(s.value)) return undefined; // inside a block scalar
      if (s.value !== '') return undefined;
      reversed.push(s.key);
    }
    first = false;
    if (s.dashes.length > 0) {
      reversed.push(...s.dashes.map(() => 0));
      want = s.dashes[0];
      seqMode = true;
    } else {
      want = s.contentCol;
      seqMode = false;
      if (want === 0) break;
    }
  }
  if (seqMode && want > 0) return undefined;
  return reversed.reverse();
}

/** Keys at `column` below `lineNo` in the same map (stop at the first line further left or a new item). */
function keysBelow(lines: string[], lineNo: number, column: number, into: Set<string>): void {
  for (let l = lineNo + 1; l < lines.length; l++) {
    const s = shape(lines[l]);
    if (!s) continue;
    if (s.contentCol < column || s.dashes.some((d) => d < column)) return;
    if (s.contentCol === column && s.dashes.length > 0) return;
    if (s.contentCol === column && s.key !== undefined) into.add(s.key);
  }
}

export function completionContext(text: string, position: Position): CompletionContext | undefined {
  const lines = text.split(/\r?\n/);
  if (position.line < 0 || position.line >= lines.length || position.character < 0) return undefined;
  const line = lines[position.line];
  const before = line.slice(0, position.character);
  if (/(^|\s)#/.test(before.replace(/(["'])(?:(?!\1).)*\1/g, ''))) return undefined; // in a comment
  const s = shape(before) ?? { dashes: [], contentCol: before.length, value: '' };
  const hasDash = s.dashes.length > 0;
  const range = (from: number): Range => ({ start: { line: position.line, character: from }, end: { line: position.line, character: position.character } });

  if (s.key !== undefined && KEY.test(before.slice(s.contentCol))) {
    // After `key:` on this line: complete the value (or a flow-sequence item).
    const colon = before.indexOf(':', s.contentCol);
    let valueStart = colon + 1;
    while (before[valueStart] === ' ' || before[valueStart] === '\t') valueStart++;
    const valueText = before.slice(valueStart);
    const parent = hasDash
      ? ancestors(lines, position.line, s.dashes[s.dashes.length - 1], true)
      : ancestors(lines, position.line, s.contentCol, false);
    if (!parent) return undefined;
    const itemMarkers = s.dashes.map(() => 0);
    const path: PathSegment[] = [...parent, ...itemMarkers, s.key];
    if (valueText.startsWith('[') && !valueText.includes(']')) {
      const itemStart = valueStart + Math.max(valueText.lastIndexOf('['), valueText.lastIndexOf(',')) + 1;
      let from = itemStart;
      while (before[from] === ' ') from++;
      return { slot: 'value', path: [...path, 0], prefix: before.slice(from), replaceRange: range(from), hasDash, column: from, siblingKeys: new Set() };
    }
    if (/^[|>[{&*!]/.test(valueText)) return undefined;
    const quoted = /^["']/.test(valueText);
    const from = quoted ? valueStart + 1 : valueStart; // keep the user's opening quote
    // `key:` with nothing after: `key:value` would be one plain scalar, not a key and its value.
    const lead = valueStart === colon + 1 ? ' ' : undefined;
    return { slot: 'value', path, prefix: before.slice(from), replaceRange: range(from), hasDash, column: from, siblingKeys: new Set(), lead, quoted };
  }

  // No colon before the cursor: a key, a scalar sequence item, or a new item.
  const word = before.slice(s.contentCol);
  if (/[:\s]/.test(word.trim()) && !/^["']/.test(word)) return undefined;
  const siblings = new Set<string>();
  if (hasDash) {
    const parent = ancestors(lines, position.line, s.dashes[s.dashes.length - 1], true);
    if (!parent) return undefined;
    keysBelow(lines, position.line, s.contentCol, siblings);
    const path = [...parent, ...s.dashes.map(() => 0)];
    return { slot: 'key', path, prefix: word, replaceRange: range(s.contentCol), hasDash, column: s.contentCol, siblingKeys: siblings };
  }
  // Same column as the dashes of a sequence above: a new item of that sequence.
  for (let l = position.line - 1; l >= 0; l--) {
    const above = shape(lines[l]);
    if (!above) continue;
    if (above.dashes[0] === s.contentCol) {
      const parent = ancestors(lines, l, s.contentCol, true);
      if (!parent) return undefined;
      return { slot: 'newItem', path: parent, prefix: word, replaceRange: range(s.contentCol), hasDash, column: s.contentCol, siblingKeys: siblings };
    }
    if (above.contentCol <= s.contentCol || (above.dashes[0] ?? Infinity) < s.contentCol) break;
  }
  const parent = ancestors(lines, position.line, s.contentCol, false, siblings);
  if (!parent) return undefined;
  keysBelow(lines, position.line, s.contentCol, siblings);
  return { slot: 'key', path: parent, prefix: word, replaceRange: range(s.contentCol), hasDash, column: s.contentCol, siblingKeys: siblings };
}
