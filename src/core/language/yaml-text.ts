// A parsed YAML text with what the language features need to go between LSP positions
// (0-based line, UTF-16 character) and offsets in the text. `yaml` works on JS string
// indices, which are UTF-16 code units, so an LSP character is an offset within its line.
import { Document, LineCounter, parseDocument } from 'yaml';
import type { Position, Range } from '../findings';

export interface ParsedYaml {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Parses `text` once; every language feature works on the result (never on a re-parse). */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, prettyErrors: false, uniqueKeys: false });
  return { text, doc, lineCounter };
}

export function positionAt(parsed: Pick<ParsedYaml, 'lineCounter'>, offset: number): Position {
  const { line, col } = parsed.lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

export function rangeAt(parsed: Pick<ParsedYaml, 'lineCounter'>, start: number, end: number): Range {
  return { start: positionAt(parsed, start), end: positionAt(parsed, end) };
}

export function offsetAt(parsed: Pick<ParsedYaml, 'lineCounter' | 'text'>, position: Position): number {
  const starts = parsed.lineCounter.lineStarts;
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return parsed.text.length;
  const lineStart = starts[position.line];
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : parsed.text.length;
  return Math.min(lineStart + Math.max(0, position.character), lineEnd);
}

/** Start of each line of `text` (same as LineCounter.lineStarts, for texts we did not parse). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
