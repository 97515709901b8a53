// A parsed YAML text with what the language features need to go between LSP positions
// (0-based line, UTF-16 character) and offsets in the text. `yaml` works on JS string
// indices, which are UTF-16 code units, so an LSP character is an offset within its line.
import { Document, parseDocument } from 'yaml';
import type { Position, Range } from '../findings';

/** Offset ↔ position conversion for one text (the inventory parser provides one). */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  readonly lineCount: number;
}

export interface ParsedYaml {
  text: string;
  doc: Document.Parsed;
  positions: Positions;
}

/** Line starts computed once; binary search per conversion. */
export class LinePositions implements Positions {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.starts[Math.min(Math.max(position.line, 0), this.starts.length - 1)];
    return Math.min(start + Math.max(position.character, 0), this.text.length);
  }
}

/** Parses `text` once; every language feature works on the result (never on a re-parse). */
export function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: false });
  return { text, doc, positions: new LinePositions(text) };
}

export function positionAt(parsed: Pick<ParsedYaml, 'positions'>, offset: number): Position {
  return parsed.positions.positionAt(offset);
}

export function rangeAt(parsed: Pick<ParsedYaml, 'positions'>, start: number, end: number): Range {
  return { start: positionAt(parsed, start), end: positionAt(parsed, Math.max(start, end)) };
}

export function offsetAt(parsed: Pick<ParsedYaml, 'positions'>, position: Position): number {
  return parsed.positions.offsetAt(position);
}

/** Offset of the start of `line`; the end of the text for a line after the last one. */
export function lineStartOffset(parsed: ParsedYaml, line: number): number {
  if (line >= parsed.positions.lineCount) return parsed.text.length;
  return parsed.positions.offsetAt({ line, character: 0 });
}
