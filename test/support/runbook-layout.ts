// Where each cell of a freshly parsed runbook sits in the text it was parsed from, computed from
// the document's own pieces: lets a test say "everything outside cell i is unchanged".
import type { RunbookDocument } from '../../src/core';

export interface CellSpan {
  /** Offset of the cell's first character. */
  start: number;
  /** Offset after its last character (its separator follows). */
  end: number;
}

export function cellSpans(doc: RunbookDocument): CellSpan[] {
  let offset = (doc.bom ? 1 : 0) + (doc.frontMatter?.raw.length ?? 0) + doc.leading.length;
  return doc.cells.map((cell) => {
    const start = offset;
    const end = start + (cell.metadata.raw ?? '').length;
    offset = end + (cell.metadata.separator ?? '').length;
    return { start, end };
  });
}

/** Asserts that `after` is `before` with only [span.start, span.end) replaced; returns the replacement. */
export function changedOnlyWithin(before: string, after: string, span: CellSpan): string | undefined {
  const prefix = before.slice(0, span.start);
  const suffix = before.slice(span.end);
  if (!after.startsWith(prefix) || !after.endsWith(suffix) || after.length < prefix.length + suffix.length) return undefined;
  return after.slice(prefix.length, after.length - suffix.length);
}
