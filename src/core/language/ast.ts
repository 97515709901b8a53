// Finding one's way in a parsed YAML document: the node under an offset and the path that
// leads to it (keys and sequence indices), the way the schema and the features address it.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

export type PathSegment = string | number;

export interface NodeAt {
  /** Keys and indices from the root to `node` (for a key: the path of the value it names). */
  path: PathSegment[];
  /** Innermost node containing the offset; the collection itself when between its entries. */
  node: Node | null;
  /** The offset is on a map key. */
  onKey: boolean;
  /** The map entry whose key or value holds the offset. */
  pair?: Pair;
}

/** Key of a map entry as a string (keys are plain scalars in an inventory). */
export function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** The scalar value of `node` as a string, or undefined when it is not a scalar. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** Value node under `key` in a map, or undefined. */
export function child(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) if (keyName(pair) === key) return (pair.value ?? undefined) as Node | undefined;
  return undefined;
}

export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => keyName(pair) === key);
}

/** Map items of a sequence under `key` (non-map items are skipped: the schema reports them). */
export function mapItems(map: unknown, key: string): YAMLMap[] {
  const seq = child(map, key);
  return isSeq(seq) ? seq.items.filter((i): i is YAMLMap => isMap(i)) : [];
}

/** Scalar items of a sequence under `key`. */
export function scalarItems(map: unknown, key: string): Scalar[] {
  const seq = child(map, key);
  return isSeq(seq) ? seq.items.filter((i): i is Scalar => isScalar(i)) : [];
}

function within(range: readonly number[] | null | undefined, offset: number): boolean {
  // The end is inclusive so that a cursor just after a word still belongs to it.
  return !!range && range[0] <= offset && offset <= range[1];
}

export function nodeAt(doc: Document.Parsed, offset: number): NodeAt {
  const path: PathSegment[] = [];
  let node = doc.contents as Node | null;
  for (;;) {
    if (isMap(node)) {
      const map: YAMLMap = node;
      const pair = map.items.find((p) => within((p.key as Node | null)?.range, offset) || within((p.value as Node | null)?.range, offset));
      if (!pair) return { path, node, onKey: false };
      path.push(keyName(pair));
      if (within((pair.key as Node | null)?.range, offset)) return { path, node: pair.key as Node, onKey: true, pair };
      const value = pair.value as Node | null;
      if (!isMap(value) && !isSeq(value)) return { path, node: value, onKey: false, pair };
      node = value;
      continue;
    }
    if (isSeq(node)) {
      const index = node.items.findIndex((item) => within((item as Node | null)?.range, offset));
      if (index < 0) return { path, node, onKey: false };
      path.push(index);
      const item = node.items[index] as Node;
      if (!isMap(item) && !isSeq(item)) return { path, node: item, onKey: false, pair: isPair(item) ? item : undefined };
      node = item;
      continue;
    }
    return { path, node, onKey: false };
  }
}
