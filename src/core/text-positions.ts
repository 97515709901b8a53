// Offsets (UTF-16 code units into the source text, as `yaml` and RegExp report them) to the
// 0-based line/character positions of findings. Built once per text; each lookup is a binary
// search, so placing many findings stays cheap on big files.
import type { Position, Range } from './findings';

/**
 * Index of the last element of `sorted` (ascending, non-empty) that is ≤ `value`, or 0 when
 * none is: with line-start offsets, the line holding an offset.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class TextPositions {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const lo = lastAtOrBefore(this.lineStarts, clamped);
    return { line: lo, character: clamped - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(Math.max(position.line, 0), this.lineStarts.length - 1)];
    return Math.min(start + Math.max(position.character, 0), this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** Offset of the end of the line holding `offset`, without the line break. */
  lineEnd(offset: number): number {
    const { line } = this.positionAt(offset);
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > 0 && this.text[next - 1] === '\r' && next - 1 >= offset ? next - 1 : next;
  }

  /** The text of line `line` (0-based), without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
