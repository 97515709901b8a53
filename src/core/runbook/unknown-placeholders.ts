// RDS606: `{{...}}` placeholders whose name is not in the placeholder table (placeholders.ts,
// runbooks/README.md). Such a placeholder is never filled in, so the admin would read the
// braces in the middle of a procedure; it is nearly always a typo, hence the "did you mean".
import type { FixHint } from '../findings';
import { closestPlaceholder, unknownPlaceholderReason, type PlaceholderOccurrence } from './placeholders';

export const RUNBOOK_UNKNOWN_PLACEHOLDER = 'RDS606';

export interface UnknownPlaceholder {
  /** UTF-16 offsets of the whole `{{...}}` in the text. */
  start: number;
  end: number;
  message: string;
  /** The closest known placeholder, as a replacement of the whole `{{...}}`. */
  fix?: FixHint;
}

/**
 * The unknown ones of a text's placeholders (findPlaceholders), in order. `skip(offset)` leaves out the placeholders that
 * start at an offset where any name is fine (a template's whole `inventory:` or `server:` value).
 */
export function unknownPlaceholders(placeholders: readonly PlaceholderOccurrence[], skip: (offset: number) => boolean = () => false): UnknownPlaceholder[] {
  const found: UnknownPlaceholder[] = [];
  for (const p of placeholders) {
    if (p.definition || skip(p.offset)) continue;
    const suggestion = closestPlaceholder(p.name);
    found.push({
      start: p.offset,
      end: p.offset + p.length,
      message: unknownPlaceholderReason(p.name, suggestion),
      ...(suggestion ? { fix: { kind: 'renamePlaceholder', replacement: `{{${suggestion}}}` } } : {}),
    });
  }
  return found;
}
