// Re-parses only the part of an inventory that an edit touched, and splices it into the
// previous parse: what the language server does on each keystroke, because parsing is most of
// the cost of a lint (yaml's parser: ~150 ms for a 10k-line inventory, the rules ~15 ms).
//
// An inventory is a mapping whose big values are block sequences (licenseServers,
// sessionHosts, migrations). The text is cut into segments that start on a line of their own:
// one per top-level key (from its line to the next key's), and inside a block sequence one per
// item (from its "- " line to the next item's). An edit is re-parsed as the smallest run of
// whole segments that contains it, on its own, with the parser options of a full parse. That
// gives the same nodes as a full parse when the parser is in the same state at the segment's
// start and end, which holds when:
// - the previous parse had no error or warning, no anchor or alias, no directive, and its
//   top level is a block mapping with plain text keys each at the start of a line;
// - the re-parsed segment has no error or warning, no anchor or alias, starts with its own
//   key or "- " line, and has no line that could end or reopen the enclosing structure (every
//   line is blank, a comment, indented deeper than the sequence, or a new item / key);
// - a new top-level key does not repeat one outside the segment.
// Otherwise the caller falls back to a full parse. The result is checked against a full parse
// by test/unit/inventory-incremental.test.ts (nodes, ranges, data and findings).
//
// Comments are not re-attached to nodes (a comment between segments may end up on the
// document instead of the next node): nothing reads them, suppression comments are read from
// the text.
import { Document, isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { checkTextLimits, INPUT_LIMITS, parseYamlWithLimits } from './limits';
import { TextPositions } from '../text-positions';
import type { Inventory } from './model';
import { carryIdsInText } from './text-ids';
import { INVENTORY_PARSE_OPTIONS, INVENTORY_TOJS_OPTIONS, type ParsedInventory } from './parse';
import { lastAtOrBefore } from '../text-positions';

/** What was re-parsed: some items of one top-level sequence, or some top-level keys. */
export type ReparseScope = 'items' | 'keys';

export interface Reparsed {
  parsed: ParsedInventory;
  scope: ReparseScope;
  /** Offsets of the re-parsed segment in the new text. */
  start: number;
  end: number;
}

/** The changed region: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Smallest region outside of which both texts are equal (common prefix and suffix). */
export function changedRegion(oldText: string, newText: string): TextEdit {
  const max = Math.min(oldText.length, newText.length);
  // Whole chunks first (native comparison), then character by character.
  const CHUNK = 2048;
  let start = 0;
  while (start + CHUNK <= max && oldText.slice(start, start + CHUNK) === newText.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail + CHUNK <= max - start &&
    oldText.slice(oldText.length - tail - CHUNK, oldText.length - tail) === newText.slice(newText.length - tail - CHUNK, newText.length - tail)
  ) {
    tail += CHUNK;
  }
  while (tail < max - start && oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  return { start, oldEnd: oldText.length - tail, newEnd: newText.length - tail };
}

/**
 * Whether edits can be applied to this parse: a clean document of the shape described at the
 * top of this file. O(size); the caller remembers the answer (a parse built by `reparse` from
 * a suitable one is suitable).
 */
export function canReparse(parsed: ParsedInventory): boolean {
  const doc = parsed.document;
  if (!parsed.checkable || parsed.findings.length > 0 || doc.errors.length > 0 || doc.warnings.length > 0) return false;
  if (/^%/m.test(parsed.text.slice(0, doc.range[0]))) return false; // %YAML / %TAG directives
  const root = doc.contents;
  if (!isMap(root) || root.flow || root.items.length === 0) return false;
  if (!topKeysOk(root.items, parsed.text, 0)) return false;
  return !hasAnchorOrAlias(doc);
}

function hasAnchorOrAlias(node: Document | Node): boolean {
  let found = false;
  visit(node, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
    Node: (_key, n) => {
      if (n.anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Top-level keys: plain text (no `__proto__`), unique, each at the start of a line. */
function topKeysOk(pairs: readonly Pair[], text: string, base: number): boolean {
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__' || !key.range) return false;
    const at = base + key.range[0];
    if (at !== 0 && text.charCodeAt(at - 1) !== 10) return false;
    if (seen.has(key.value)) return false;
    seen.add(key.value);
  }
  return true;
}

function keyOf(pair: Pair): string {
  return (pair.key as { value: string }).value;
}

/**
 * Every line of a re-parsed segment is blank, a comment, indented deeper than `indent`, or
 * (when `opener` matches at column `indent`) the start of a new item or key. A line that
 * could end the document or the enclosing collection ("---", "...", a less indented key)
 * would be read differently in place.
 */
function linesStayInside(segment: string, indent: number, opener: (line: string) => boolean): boolean {
  let from = 0;
  while (from < segment.length) {
    let to = segment.indexOf('\n', from);
    if (to === -1) to = segment.length;
    const line = segment.slice(from, to);
    from = to + 1;
    let spaces = 0;
    while (line.charCodeAt(spaces) === 32) spaces++;
    const rest = line.slice(spaces);
    if (rest === '' || rest === '\r' || rest.startsWith('#')) continue;
    if (spaces > indent) continue;
    if (spaces === indent && opener(rest) && !/^(---|\.\.\.)(\s|$)/.test(rest) && !rest.startsWith('%')) continue;
    return false;
  }
  return true;
}

const isItemLine = (rest: string) => /^-( |\r?$)/.test(rest);
const isKeyLine = (rest: string) => !/^[\s\-?:,\[\]{}#&*!|>'"%@`]/.test(rest) || /^-[^\s]/.test(rest);

/**
 * `segment` parsed on its own, if clean. `depthAbove`: collections that enclose the segment
 * in place; a segment that comes near the nesting limit there is left to the full parse,
 * which reports the limit where it is crossed.
 */
function parseSegment(segment: string, depthAbove: number): Document.Parsed | undefined {
  let doc: Document.Parsed;
  try {
    const limited = parseYamlWithLimits(segment, INVENTORY_PARSE_OPTIONS);
    if (limited.hit) return undefined;
    doc = limited.document;
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (hasAnchorOrAlias(doc)) return undefined;
  if (depthAbove + depthOf(doc.contents) >= INPUT_LIMITS.maxDepth - 2) return undefined;
  return doc;
}

/**
 * Whether a node of the re-parsed segment ends in the blank or comment lines that close it.
 * Where such a node ends depends on what follows the segment (a full parse gives it the next
 * line's indentation, or stops it before the comments), so the splice is not exact then.
 */
function endsInTail(segment: string, nodes: readonly unknown[]): boolean {
  let contentEnd = segment.length;
  for (;;) {
    const lineStartAt = segment.lastIndexOf('\n', contentEnd - 2) + 1;
    const line = segment.slice(lineStartAt, contentEnd).trim();
    if (lineStartAt === 0 || (line !== '' && !line.startsWith('#'))) break;
    contentEnd = lineStartAt;
  }
  if (contentEnd === segment.length) return false;
  let found = false;
  const check = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    const r = (node as { range?: number[] | null }).range;
    if (r && (r[1] > contentEnd || r[2] > contentEnd)) found = true;
    if (isMap(node)) {
      for (const pair of node.items) {
        check(pair.key);
        check(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) check(item);
    }
  };
  for (const node of nodes) check(node);
  return found;
}

/** Nesting of collections in `node` (1 for a flat list or mapping). */
function depthOf(node: unknown): number {
  if (isMap(node)) {
    let deepest = 0;
    for (const pair of node.items) deepest = Math.max(deepest, depthOf(pair.key), depthOf(pair.value));
    return 1 + deepest;
  }
  if (isSeq(node)) {
    let deepest = 0;
    for (const item of node.items) deepest = Math.max(deepest, depthOf(item));
    return 1 + deepest;
  }
  return 0;
}

type Range3 = [number, number, number];

/**
 * Moves every range in `node` by `delta` (offsets at or after `from` only). The hot loop of an
 * edit (every node after it moves): it tells pairs from nodes by shape rather than through
 * yaml's isMap/isSeq, which the bundle reaches through property getters.
 */
function shift(node: unknown, delta: number, from = 0): void {
  if (delta === 0 || node === null || typeof node !== 'object') return;
  const n = node as { range?: Range3 | null; items?: unknown[] };
  const r = n.range;
  if (r) {
    if (r[0] >= from) r[0] += delta;
    if (r[1] >= from) r[1] += delta;
    if (r[2] >= from) r[2] += delta;
  }
  const items = n.items;
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    if ('range' in item) {
      shift(item, delta, from); // an item of a sequence
    } else {
      const pair = item as { key?: unknown; value?: unknown }; // an entry of a mapping
      shift(pair.key, delta, from);
      shift(pair.value, delta, from);
    }
  }
}

/** Indices [first, last] of the segments (sorted starts) holding the edited region. */
function segmentSpan(starts: readonly number[], edit: TextEdit): [number, number] {
  const find = (offset: number) => lastAtOrBefore(starts, offset);
  // A pure insertion at a segment start belongs to the segment that follows it.
  const first = find(edit.start);
  const last = edit.oldEnd > edit.start ? find(edit.oldEnd - 1) : first;
  return [first, Math.max(first, last)];
}

/**
 * The parse of `text` obtained by re-parsing only the segments the edit touched in `old`, or
 * undefined when the edit cannot be localised (the caller then parses the whole text).
 * `old` must satisfy `canReparse`. It is CONSUMED: its nodes are moved and re-used by the
 * result, so neither `old.document` nor `old.inventory` may be used afterwards.
 */
export function reparse(old: ParsedInventory, text: string, edit: TextEdit = changedRegion(old.text, text)): Reparsed | undefined {
  // Over the size limit, or binary: the full parse reports it.
  if (checkTextLimits(text) || text.includes('\0')) return undefined;
  const root = old.document.contents as YAMLMap;
  const keyStarts = root.items.map((p) => (p.key as Node).range![0]);
  if (edit.start < keyStarts[0]) return undefined; // before the first key: comments, "---"
  const [k1, k2] = segmentSpan(keyStarts, edit);
  if (k1 === k2) {
    const items = reparseItems(old, text, edit, k1);
    if (items) return items;
  }
  return reparseKeys(old, text, edit, k1, k2);
}

/** Offset where segment `k` of the top level ends in the old text. */
function keySegmentEnd(old: ParsedInventory, k: number): number {
  const root = old.document.contents as YAMLMap;
  return k + 1 < root.items.length ? (root.items[k + 1].key as Node).range![0] : old.text.length;
}

function reparseItems(old: ParsedInventory, text: string, edit: TextEdit, k: number): Reparsed | undefined {
  const doc = old.document;
  const root = doc.contents as YAMLMap;
  const pair = root.items[k];
  const seq = pair.value;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range) return undefined;
  const indent = seq.range[0] - lineStart(old.text, seq.range[0]);
  const pairEnd = keySegmentEnd(old, k);
  // Start of item i's "- " line, when the item starts on it (else the item cannot be a segment).
  const itemStart = (i: number): number | undefined => {
    const r = (seq.items[i] as Node | null)?.range;
    if (!r) return undefined;
    const start = lineStart(old.text, r[0]);
    const head = old.text.slice(start, r[0]);
    return head.length >= indent + 1 && /^ *- *$/.test(head) && head.indexOf('-') === indent ? start : undefined;
  };
  const first0 = itemStart(0);
  if (first0 === undefined || edit.start < first0 || edit.oldEnd > pairEnd) return undefined;
  const starts = seq.items.map((item) => (item as Node).range![0]);
  let [i, j] = segmentSpan(starts, edit);
  // segmentSpan placed offsets by item content; an offset on an item's "- " line before its
  // content belongs to that item.
  while (i + 1 < seq.items.length && (itemStart(i + 1) ?? Infinity) <= edit.start) i++;
  while (j + 1 < seq.items.length && (itemStart(j + 1) ?? Infinity) <= Math.max(edit.start, edit.oldEnd - 1)) j++;
  const segStart = itemStart(i);
  const oldSegEnd = j + 1 < seq.items.length ? itemStart(j + 1) : pairEnd;
  if (segStart === undefined || oldSegEnd === undefined) return undefined;
  const delta = text.length - old.text.length;
  const newSegEnd = oldSegEnd + delta;
  const segment = text.slice(segStart, newSegEnd);
  const replacesLast = j === seq.items.length - 1;

  let newItems: Node[] = [];
  let newValues: unknown[] = [];
  let iso: Document.Parsed | undefined;
  if (segment !== '') {
    if (!segment.startsWith(' '.repeat(indent) + '-') || !isItemLine(segment.slice(indent))) return undefined;
    if (!linesStayInside(segment, indent, isItemLine)) return undefined;
    iso = parseSegment(segment, 1); // the top-level mapping
    const isoSeq = iso?.contents;
    if (!iso || !isSeq(isoSeq) || isoSeq.flow || !isoSeq.range || isoSeq.range[0] !== indent) return undefined;
    newItems = isoSeq.items as Node[];
    if (endsInTail(segment, newItems)) return undefined;
    newValues = (iso.toJS(INVENTORY_TOJS_OPTIONS) ?? []) as unknown[];
    if (!Array.isArray(newValues) || newValues.length !== newItems.length) return undefined;
  } else if (replacesLast) {
    return undefined; // the sequence's end moves to an item that was not re-parsed
  }
  if (seq.items.length - (j - i + 1) + newItems.length === 0) return undefined;
  const list = (old.inventory as Record<string, unknown>)[keyOf(pair)];
  if (!Array.isArray(list) || list.length !== seq.items.length) return undefined;

  // Validated: from here on, the old parse is updated in place.
  for (const item of newItems) shift(item, segStart);
  for (let x = j + 1; x < seq.items.length; x++) shift(seq.items[x], delta);
  for (let x = k + 1; x < root.items.length; x++) {
    shift(root.items[x].key, delta);
    shift(root.items[x].value, delta);
  }
  seq.items.splice(i, j - i + 1, ...newItems);
  list.splice(i, j - i + 1, ...newValues);
  const seqRange = seq.range as Range3;
  if (i === 0) seqRange[0] = lineStart(text, (seq.items[0] as Node).range![0]) + indent;
  if (replacesLast) {
    const isoRange = (iso!.contents as YAMLSeq).range!;
    seqRange[1] = segStart + isoRange[1];
    seqRange[2] = segStart + isoRange[2];
  } else {
    seqRange[1] += delta;
    seqRange[2] += delta;
  }
  const lastOfAll = k === root.items.length - 1 && replacesLast;
  finishTop(old, lastOfAll ? seqRange[2] : undefined, lastOfAll ? segStart + iso!.range[2] : undefined, delta);
  return { parsed: rebuilt(old, text, old.inventory, edit), scope: 'items', start: segStart, end: newSegEnd };
}

function reparseKeys(old: ParsedInventory, text: string, edit: TextEdit, k1: number, k2: number): Reparsed | undefined {
  const doc = old.document;
  const root = doc.contents as YAMLMap;
  const segStart = (root.items[k1].key as Node).range![0];
  const oldSegEnd = keySegmentEnd(old, k2);
  if (edit.oldEnd > oldSegEnd) return undefined;
  const delta = text.length - old.text.length;
  const newSegEnd = oldSegEnd + delta;
  const segment = text.slice(segStart, newSegEnd);
  const replacesLast = k2 === root.items.length - 1;

  let newPairs: Pair[] = [];
  let iso: Document.Parsed | undefined;
  if (segment !== '') {
    // A compact sequence ("key:" then "- item" at column 0) keeps its items at column 0.
    if (!isKeyLine(segment) || !linesStayInside(segment, 0, (rest) => isKeyLine(rest) || isItemLine(rest))) return undefined;
    iso = parseSegment(segment, 0);
    const isoRoot = iso?.contents;
    if (!iso || !isMap(isoRoot) || isoRoot.flow || !isoRoot.range || isoRoot.range[0] !== 0 || isoRoot.items.length === 0) return undefined;
    newPairs = isoRoot.items as Pair[];
    if (endsInTail(segment, newPairs.flatMap((p) => [p.key, p.value]))) return undefined;
    if (!topKeysOk(newPairs, segment, 0)) return undefined;
    const outside = new Set(root.items.filter((_, x) => x < k1 || x > k2).map(keyOf));
    if (newPairs.some((p) => outside.has(keyOf(p)))) return undefined;
  } else if (replacesLast || k1 === 0) {
    return undefined; // the mapping's start or end moves to a key that was not re-parsed
  }
  if (root.items.length - (k2 - k1 + 1) + newPairs.length === 0) return undefined;

  const newValues = iso ? ((iso.toJS(INVENTORY_TOJS_OPTIONS) ?? {}) as Record<string, unknown>) : {};
  for (const p of newPairs) {
    shift(p.key, segStart);
    shift(p.value, segStart);
  }
  for (let x = k2 + 1; x < root.items.length; x++) {
    shift(root.items[x].key, delta);
    shift(root.items[x].value, delta);
  }
  const oldInventory = old.inventory as Record<string, unknown>;
  root.items.splice(k1, k2 - k1 + 1, ...newPairs);
  // Same key order as a full parse's toJS (it follows the pairs).
  const inventory: Record<string, unknown> = {};
  for (const p of root.items) {
    const key = keyOf(p);
    inventory[key] = key in newValues && newPairs.includes(p) ? newValues[key] : oldInventory[key];
  }
  const rootRange = root.range as Range3;
  let end: number | undefined;
  let docEnd: number | undefined;
  if (replacesLast) {
    docEnd = segStart + iso!.range[2];
    const isoRange = (iso!.contents as YAMLMap).range!;
    end = segStart + isoRange[1];
    rootRange[1] = end;
    rootRange[2] = segStart + isoRange[2];
  } else {
    rootRange[1] += delta;
    rootRange[2] += delta;
  }
  finishDocument(old, end, docEnd, delta);
  return { parsed: rebuilt(old, text, inventory as Inventory, edit), scope: 'keys', start: segStart, end: newSegEnd };
}

/** Root mapping and document ranges after an item-level splice. */
function finishTop(old: ParsedInventory, newEnd: number | undefined, docEnd: number | undefined, delta: number): void {
  const root = old.document.contents as YAMLMap;
  const r = root.range as Range3;
  if (newEnd !== undefined) {
    r[1] = newEnd;
    r[2] = newEnd;
  } else {
    r[1] += delta;
    r[2] += delta;
  }
  finishDocument(old, newEnd, docEnd, delta);
}

/** The document starts where it did (edits start at or after the first key). */
function finishDocument(old: ParsedInventory, contentsEnd: number | undefined, docEnd: number | undefined, delta: number): void {
  const r = old.document.range as Range3;
  r[1] = contentsEnd ?? r[1] + delta;
  r[2] = docEnd ?? r[2] + delta;
}

function rebuilt(old: ParsedInventory, text: string, inventory: Inventory, edit: TextEdit): ParsedInventory {
  const next: ParsedInventory = { text, document: old.document, positions: new TextPositions(text), inventory, findings: [], checkable: true };
  carryIdsInText(old, next, edit);
  return next;
}
