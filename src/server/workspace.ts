// The workspace side of the server-name index: inventories on disk that are not open in the
// editor. Folders are scanned once at start-up; afterwards only the files the client reports
// as changed are read again, and only if their size or modification time changed.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { hasInventoryKind, hasInventoryName, isConfigName, isInventory, isYamlName } from '../core/language/applies';
import { inventoryNodes } from '../core/language/inventory-nodes';
import { fileEntries, type ServerNameIndex } from '../core/language/server-index';
import { parseInventory } from '../core/inventory/parse';
import { INPUT_LIMITS } from '../core/inventory/limits';
import { parsedYamlOf } from '../core/language/yaml-text';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test', '.test-host']);
/** Larger files are over the input limit: not indexed (opened in the editor, LIMIT001). */
const MAX_BYTES = INPUT_LIMITS.maxFileBytes;
const MAX_FILES = 20000;

export function uriToPath(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return URI.file(p).toString();
}

/** YAML files under `root` that may be inventories (by name, or any YAML: the kind line decides). */
export async function findYamlFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const stack = [root];
  while (stack.length > 0 && found.length < MAX_FILES) {
    const dir = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folder: nothing to index there
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(path.join(dir, e.name));
      } else if (e.isFile() && isYamlName(e.name) && !isConfigName(e.name)) {
        found.push(path.join(dir, e.name));
      }
    }
  }
  return found.sort();
}

/**
 * (Re)indexes one file from disk unless the index already holds this size and mtime.
 * Returns false when the file is not an inventory (and removes it from the index).
 */
export async function indexFileFromDisk(index: ServerNameIndex, filePath: string): Promise<boolean> {
  const uri = pathToUri(filePath);
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(filePath);
  } catch {
    index.remove(uri);
    return false;
  }
  const stamp = `disk:${stat.mtimeMs}:${stat.size}`;
  if (index.stampOf(uri) === stamp) return true;
  if (stat.size > MAX_BYTES) return false;
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch {
    index.remove(uri);
    return false;
  }
  if (!(hasInventoryName(filePath) ? isInventory(filePath, text) : hasInventoryKind(text))) {
    index.remove(uri);
    return false;
  }
  index.update(uri, stamp, fileEntries(uri, inventoryNodes(parsedYamlOf(parseInventory(text)))));
  return true;
}
