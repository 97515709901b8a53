// A parsed YAML text with what the language features need to go between LSP positions
// (0-based line, UTF-16 character) and offsets in the text. `yaml` works on JS string
// indices, which are UTF-16 code units, so an LSP character is an offset within its line.
import type { Document } from 'yaml';
import type { ParsedInventory } from '../inventory/parse';
import type { Position, Range } from '../findings';

/** Offset ↔ position conversion for one text (TextPositions of the inventory parser). */
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

/** The language features' view of the inventory parser's result (same parse, no copy). */
export function parsedYamlOf(parsed: ParsedInventory): ParsedYaml {
  return { text: parsed.text, doc: parsed.document, positions: parsed.positions };
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
