// YAML front matter: a first line `---`, a closing line `---` or `...` (trailing spaces or tabs
// allowed on both, as Jekyll and GitHub accept). It is kept byte for byte whatever it holds; the
// parsed data and, when the YAML is invalid, the first error with its position in the file are
// reported next to it, never instead of it.
import * as l10n from '@vscode/l10n';
import { aliasBombHit, INPUT_LIMITS, LIMIT_DEPTH, parseYamlWithLimits, type LimitHit } from '../inventory/limits';
import type { LineIndex } from './lines';
import { lastAtOrBefore } from '../text-positions';

/** Where a front matter problem is, in the whole file (0-based, UTF-16 columns, like LSP). */
export interface FrontMatterError {
  message: string;
  /** Set when an input limit was hit (LIMIT002 nesting, LIMIT003 aliases) rather than a YAML error. */
  ruleId?: string;
  line: number;
  column: number;
}

export interface FrontMatter {
  /** The exact text, from the opening `---` to the closing line and its line break. */
  raw: string;
  /** The parsed YAML (plain JSON-like values) when it is valid. */
  data?: unknown;
  /** The first YAML error, when it is not valid. */
  error?: FrontMatterError;
}

const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Finds the front matter at the start of a text whose lines are `lines` (the first line starting
 * after any BOM). Returns the number of lines it spans (0 when there is none).
 */
export function frontMatterLineCount(text: string, lines: LineIndex): number {
  const { starts, ends } = lines;
  if (starts.length < 2 || !OPENING.test(text.slice(starts[0], ends[0]))) return 0;
  for (let line = 1; line < starts.length; line++) {
    const start = starts[line];
    const c = text.charCodeAt(start);
    if ((c === 45 /* - */ || c === 46) /* . */ && CLOSING.test(text.slice(start, ends[line]))) return line + 1;
  }
  return 0;
}

/** Parses the front matter spanning lines [0, lineCount) of `text` (see frontMatterLineCount). */
export function readFrontMatter(text: string, lines: LineIndex, lineCount: number): FrontMatter {
  const { starts } = lines;
  const end = lineCount < starts.length ? starts[lineCount] : text.length;
  const raw = text.slice(starts[0], end);
  const yamlStart = starts[1];
  const yamlText = text.slice(yamlStart, starts[lineCount - 1]);
  // The inventories' limits (nesting depth, alias expansions): a front matter is a few keys,
  // and a hostile one must not overflow the stack or hang a save.
  try {
    const limited = parseYamlWithLimits(yamlText, { prettyErrors: false, uniqueKeys: true });
    if (limited.hit) return { raw, error: limitError(limited.hit, yamlStart, lines) };
    const doc = limited.document;
    const first = doc.errors[0];
    if (first) return { raw, error: locate(first.message, yamlStart + (first.pos?.[0] ?? 0), lines) };
    try {
      return { raw, data: doc.toJS({ maxAliasCount: INPUT_LIMITS.maxAliasCount }) ?? undefined };
    } catch (err) {
      const bomb = aliasBombHit(err, doc);
      if (bomb) return { raw, error: limitError(bomb, yamlStart, lines) };
      throw err;
    }
  } catch (err) {
    // toJS throws on an alias to nothing and similar: report it at the start of the YAML.
    const message = err instanceof Error ? err.message : String(err);
    return { raw, error: locate(message, yamlStart, lines) };
  }
}

/** The limit's finding, worded for a front matter: the rest of the runbook is still checked. */
function limitError(hit: LimitHit, yamlStart: number, lines: LineIndex): FrontMatterError {
  const error = locate('', yamlStart + hit.offset, lines);
  const message =
    hit.ruleId === LIMIT_DEPTH
      ? l10n.t('The front matter nests mappings and lists more than {0} levels deep here: it is not read. Remove the extra nesting.', INPUT_LIMITS.maxDepth)
      : l10n.t('Expanding the aliases of the front matter would copy more than {0} values (an "alias bomb"): it is not read. Write the values out instead of chaining aliases.', INPUT_LIMITS.maxAliasCount);
  return { ...error, message, ruleId: hit.ruleId };
}

function locate(detail: string, offset: number, lines: LineIndex): FrontMatterError {
  const { starts } = lines;
  const lo = lastAtOrBefore(starts, offset);
  return {
    message: l10n.t('The front matter is not valid YAML: {0}', detail.split('\n')[0]),
    line: lo,
    column: offset - starts[lo],
  };
}
