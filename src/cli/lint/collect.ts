// Expands the paths given to `rdslic lint` into the files to check: a file is taken as is, a
// folder is searched for inventories (`*.rdslic.yaml`, `*.rdslic.yml`) and runbooks
// (`*.runbook.md`), skipping node_modules and .git, and not following folder links (no loops).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasInventoryName, hasRunbookName, isConfigName } from '../../core/language/applies';

export interface Collected {
  /** Absolute paths, each once, folders' files in name order. */
  files: string[];
  /** Paths as the user typed them that do not exist or cannot be listed, with the reason. */
  missing: { path: string; reason: string }[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

// The same names the language server recognises (one definition, in the core).
export { isConfigName };

export function isInventoryName(name: string): boolean {
  return hasInventoryName(name) && !isConfigName(name);
}

/** What `rdslic lint` checks: inventories and runbooks. */
export function isLintableName(name: string): boolean {
  return isInventoryName(name) || hasRunbookName(name);
}

/** Which file names a folder search keeps (inventories by default; `rdslic runbook` asks for runbooks). */
export type NameFilter = (name: string) => boolean;

function walk(folder: string, into: string[], wanted: NameFilter): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, into, wanted);
    } else if (wanted(entry.name) && (entry.isFile() || isFileLink(full))) {
      into.push(full);
    }
  }
}

function isFileLink(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function collectFiles(paths: readonly string[], cwd: string, wanted: NameFilter = isInventoryName): Collected {
  const files: string[] = [];
  const missing: Collected['missing'] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (err) {
      missing.push({ path: given, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(absolute, files, wanted);
      } catch (err) {
        missing.push({ path: given, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      }
    } else {
      files.push(absolute);
    }
  }
  return { files: [...new Set(files)], missing };
}
