// Writes an imported inventory as YAML, with the TODO notes as `# TODO:` comments placed just
// above the server, pack, host or key they are about, so that the admin sees them in review.
import { Document, isMap, isScalar } from 'yaml';
import type { Inventory } from '../inventory/model';
import type { TodoNote } from './build-inventory';

export function renderInventory(inventory: Inventory, todos: readonly TodoNote[], header?: string): string {
  const doc = new Document(inventory);
  attachTodos(doc, todos);
  if (header) doc.commentBefore = header.split('\n').map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** Adds each note as a comment before its node (a top-level key's key, or a list item). */
export function attachTodos(doc: Document, todos: readonly TodoNote[], pathPrefix: readonly (string | number)[] = []): void {
  const byPath = new Map<string, { path: readonly (string | number)[]; texts: string[] }>();
  for (const t of todos) {
    const key = JSON.stringify(t.path);
    const entry = byPath.get(key) ?? { path: t.path, texts: [] };
    entry.texts.push(t.text);
    byPath.set(key, entry);
  }
  for (const { path, texts } of byPath.values()) {
    const comment = texts.map((t) => ` TODO: ${t}`).join('\n');
    const target = commentTarget(doc, [...pathPrefix, ...path]);
    if (!target) continue;
    target.commentBefore = target.commentBefore ? `${target.commentBefore}\n${comment}` : comment;
  }
}

type Commentable = { commentBefore?: string | null };

function commentTarget(doc: Document, path: readonly (string | number)[]): Commentable | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') {
    // A key of a mapping: the comment goes above the key.
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    return pair && isScalar(pair.key) ? pair.key : undefined;
  }
  const node = doc.getIn(path, true) as Commentable | undefined;
  return node && typeof node === 'object' ? node : undefined;
}
