// The identifiers found in an inventory's raw text (comments included), read once per text:
// the security rule scans for product keys on every lint. After an edit, only the lines the
// edit touched are scanned again; identifiers never span lines (the pattern has no line
// break, and what it looks at around a match is a line break or the end of the text either
// way), so the rest is the previous scan moved by the edit's length.
import { findIdsInText, type IdInText } from '../domain/identifiers';
import type { ParsedInventory } from './parse';

const scans = new WeakMap<ParsedInventory, IdInText[]>();

/** Identifiers in `parsed.text`, in text order. */
export function idsInText(parsed: ParsedInventory): IdInText[] {
  let ids = scans.get(parsed);
  if (!ids) scans.set(parsed, (ids = findIdsInText(parsed.text)));
  return ids;
}

/**
 * Gives `next` (the text after an edit of `old`'s text: `[start, oldEnd)` became
 * `[start, newEnd)`) the scan of `old` updated for the edit, if `old` was scanned.
 */
export function carryIdsInText(old: ParsedInventory, next: ParsedInventory, edit: { start: number; oldEnd: number; newEnd: number }): void {
  const before = scans.get(old);
  if (!before) return;
  const from = old.text.lastIndexOf('\n', edit.start - 1) + 1;
  let oldTo = old.text.indexOf('\n', edit.oldEnd);
  if (oldTo === -1) oldTo = old.text.length;
  const delta = next.text.length - old.text.length;
  const ids: IdInText[] = [];
  for (const id of before) {
    if (id.end > from) break;
    ids.push(id);
  }
  for (const id of findIdsInText(next.text.slice(from, oldTo + delta))) ids.push({ ...id, start: id.start + from, end: id.end + from });
  for (const id of before) if (id.start >= oldTo) ids.push({ ...id, start: id.start + delta, end: id.end + delta });
  scans.set(next, ids);
}
