// Expands the paths given to `rdslic lint` into the files to check: a file is taken as is, a
// folder is searched for inventories (`*.rdslic.yaml`, `*.rdslic.yml`) and runbooks
// (`*.runbook.md`), skipping node_modules and .git, and not following folder links (no loops).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { hasInventoryName, hasRunbookName, isConfigName } from '../../core/language/applies';

/**
 * A path that cannot be linted. Like ESLint (a broken link it reaches is a fatal ENOENT, exit
 * 2), a link to nothing found in a folder is reported rather than skipped: the inventory it
 * stood for would otherwise pass CI unchecked. Pipes, sockets and devices are refused before
 * anything reads them (reading a FIFO would wait forever).
 */
export interface PathProblem {
  /** As the user typed it, or for something found in a folder, relative to the working folder. */
  path: string;
  /** The system's code (ENOENT, EACCES...) or what the path is. */
  reason: string;
  kind: 'missing' | 'notAFile' | 'danglingLink';
  /** Where a dangling link points. */
  target?: string;
}

export interface Collected {
  /** Absolute paths, each once, folders' files in name order. */
  files: string[];
  /** Paths that do not exist, cannot be listed, are not regular files or are links to nothing. */
  missing: PathProblem[];
}

/** One line for a path problem (without the command's prefix). */
export function pathProblemText(problem: PathProblem): string {
  switch (problem.kind) {
    case 'notAFile':
      return l10n.t("'{0}' is not a regular file ({1}): rdslic reads only files and folders.", problem.path, problem.reason);
    case 'danglingLink':
      return l10n.t("'{0}' is a link to '{1}', which does not exist: fix or remove the link.", problem.path, problem.target ?? '?');
    default:
      return l10n.t('cannot read {0}: {1}', problem.path, problem.reason);
  }
}

/** What a path that is neither a folder nor a regular file is, for the message. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  return 'special file';
}

function shown(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
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

function walk(folder: string, into: string[], wanted: NameFilter, problems: PathProblem[], cwd: string): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, into, wanted, problems, cwd);
    } else if (wanted(entry.name)) {
      if (entry.isFile()) {
        into.push(full);
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.statSync(full);
      } catch (err) {
        problems.push(statFailure(shown(cwd, full), full, err));
        continue;
      }
      // A link to a file is read; a link to a folder is not followed (no loops).
      if (stat.isFile()) into.push(full);
      else if (!stat.isDirectory()) problems.push({ path: shown(cwd, full), reason: kindOf(stat), kind: 'notAFile' });
    }
  }
}

export function collectFiles(paths: readonly string[], cwd: string, wanted: NameFilter = isInventoryName): Collected {
  const files: string[] = [];
  const missing: PathProblem[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (err) {
      missing.push(statFailure(given, absolute, err));
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(absolute, files, wanted, missing, cwd);
      } catch (err) {
        missing.push({ path: given, reason: (err as NodeJS.ErrnoException).code ?? String(err), kind: 'missing' });
      }
    } else if (stat.isFile()) {
      files.push(absolute);
    } else {
      missing.push({ path: given, reason: kindOf(stat), kind: 'notAFile' });
    }
  }
  return { files: [...new Set(files)], missing };
}

/** Where `p` points if it is a symbolic link, undefined otherwise. */
/** Why `absolute` (shown as `shownPath`) could not be stat'ed: a link to nothing, or missing/unreadable. */
function statFailure(shownPath: string, absolute: string, err: unknown): PathProblem {
  const reason = (err as NodeJS.ErrnoException).code ?? String(err);
  const target = reason === 'ENOENT' ? linkTarget(absolute) : undefined;
  return target !== undefined ? { path: shownPath, reason, kind: 'danglingLink', target } : { path: shownPath, reason, kind: 'missing' };
}

function linkTarget(p: string): string | undefined {
  try {
    return fs.readlinkSync(p);
  } catch {
    return undefined;
  }
}
