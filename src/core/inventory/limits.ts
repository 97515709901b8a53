// Explicit limits on what rdslic reads from a YAML file (inventories and `.rdslic.yaml`), so
// that a hostile or broken file gives a finding in bounded time and memory instead of a stack
// overflow, a hang or an out-of-memory crash of the editor's language server or of CI.
// One place for the numbers (README "Input limits" and docs/rules.md say the same); the
// parsers call `checkTextLimits` before parsing and `parseYamlWithLimits` instead of
// `yaml.parseDocument`.
import * as l10n from '@vscode/l10n';
import { Composer, Document, Lexer, Parser, visit, YAMLParseError } from 'yaml';
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';
import type { RuleDoc } from '../rules/types';

/**
 * The limits. Why these numbers:
 * - 8 MiB: a session host takes ~8 lines (~120 bytes) of inventory, so 8 MiB holds ~70,000
 *   session hosts, or ~280,000 lines: twice the 150,000-line estate the benchmark (bench/)
 *   keeps instant. Linting keeps roughly 85 bytes of memory per byte of input (measured: 350 MB
 *   peak for 4.2 MB), so 8 MiB stays under 750 MB; a 50 MB file would need 4 GB.
 * - 64 levels: an inventory nests 6 deep (licenseServers > server > packs > pack > value); the
 *   YAML composer recurses once per level and overflows the stack near 800 levels.
 * - 1000 alias expansions: `yaml`'s guard against "billion laughs" documents (each use of an
 *   alias counts the nodes it copies); an inventory that shares a few blocks with `&`/`*`
 *   stays far below.
 * Lines are not limited separately: every scan is linear, and a line is at most the file.
 */
export const INPUT_LIMITS = {
  /** Largest file read, in bytes of UTF-8. */
  maxFileBytes: 8 * 1024 * 1024,
  /** Deepest nesting of YAML collections (mappings, lists, flow or block). */
  maxDepth: 64,
  /** `yaml`'s maxAliasCount when turning the document into data. */
  maxAliasCount: 1000,
} as const;

export const LIMIT_FILE_SIZE = 'LIMIT001';
export const LIMIT_DEPTH = 'LIMIT002';
export const LIMIT_ALIASES = 'LIMIT003';

const WHY =
  'Files come from any repository; a file built to exhaust memory or the stack must not crash the editor or hang CI. A file over a limit is not checked further, so the finding cannot be turned off (its severity can be changed).';

export const LIMIT_RULES: RuleDoc[] = [
  {
    id: LIMIT_FILE_SIZE,
    family: 'limits',
    defaultSeverity: 'error',
    title: 'File too large',
    description: `The file is larger than ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MiB (${INPUT_LIMITS.maxFileBytes} bytes of UTF-8). It is not parsed: the finding is on its first line.`,
    rationale: `${WHY} ${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MiB holds about 280,000 lines (some 70,000 session hosts), twice the largest estate rdslic is benchmarked on.`,
    fix: 'Split the inventory (one file per site or per license server), or remove generated bulk (long notes, pasted logs).',
    example: '(a 10 MB inventory)',
  },
  {
    id: LIMIT_DEPTH,
    family: 'limits',
    defaultSeverity: 'error',
    title: 'YAML nested too deeply',
    description: `Mappings and lists are nested more than ${INPUT_LIMITS.maxDepth} levels deep (an inventory needs 6). Reported where the limit is crossed; the file is not checked further.`,
    rationale: `${WHY} Deep nesting is how a small file exhausts a parser's stack.`,
    fix: 'Remove the extra nesting (often unbalanced brackets, or text pasted into the wrong place).',
    example: 'notes: [[[[[[[[ ... ]]]]]]]]',
  },
  {
    id: LIMIT_ALIASES,
    family: 'limits',
    defaultSeverity: 'error',
    title: 'Too many YAML alias expansions',
    description: `Expanding the file's aliases (*name) would copy more than ${INPUT_LIMITS.maxAliasCount} nodes: an "alias bomb" (billion laughs). Reported on the first alias; the file is not checked further.`,
    rationale: `${WHY} A few lines of aliases that refer to aliases expand to billions of values.`,
    fix: 'Write the values out instead of chaining aliases.',
    example: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  },
];

export const LIMIT_RULE_IDS: ReadonlySet<string> = new Set(LIMIT_RULES.map((r) => r.id));

/** A limit that was hit: which rule, where (offset into the text) and what to say. */
export interface LimitHit {
  ruleId: string;
  offset: number;
  message: string;
}

/** Bytes `text` takes as UTF-8 (without building the encoded copy). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

export function fileSizeHit(bytes: number): LimitHit | undefined {
  if (bytes <= INPUT_LIMITS.maxFileBytes) return undefined;
  return {
    ruleId: LIMIT_FILE_SIZE,
    offset: 0,
    message: l10n.t(
      'This file is {0} bytes, over the limit of {1} bytes ({2} MiB): it is not checked. Split it, e.g. one inventory per site.',
      bytes,
      INPUT_LIMITS.maxFileBytes,
      INPUT_LIMITS.maxFileBytes / 1024 / 1024,
    ),
  };
}

/** Limits that are checked on the text before parsing (size). */
export function checkTextLimits(text: string): LimitHit | undefined {
  // Cheap first: a string shorter than the limit in UTF-16 units may still be longer in bytes.
  if (text.length * 3 <= INPUT_LIMITS.maxFileBytes) return undefined;
  return fileSizeHit(utf8Length(text));
}

function depthHit(offset: number): LimitHit {
  return {
    ruleId: LIMIT_DEPTH,
    offset,
    message: l10n.t('Mappings and lists are nested more than {0} levels deep here: the file is not checked further. Remove the extra nesting.', INPUT_LIMITS.maxDepth),
  };
}

/**
 * The LIMIT003 hit when `error` is what `toJS({ maxAliasCount })` threw on an alias bomb,
 * placed on the document's first alias; undefined for any other error.
 */
export function aliasBombHit(error: unknown, document: Document.Parsed): LimitHit | undefined {
  if (!(error instanceof ReferenceError && /alias count/i.test(error.message))) return undefined;
  return aliasHit(firstAliasOffset(document));
}

/** Offset of the document's first alias (`*name`), or 0 when it has none. */
export function firstAliasOffset(document: Document.Parsed): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function aliasHit(offset: number): LimitHit {
  return {
    ruleId: LIMIT_ALIASES,
    offset,
    message: l10n.t(
      'Expanding the aliases of this file would copy more than {0} values (an "alias bomb"): it is not checked further. Write the values out instead of chaining aliases.',
      INPUT_LIMITS.maxAliasCount,
    ),
  };
}

function openCollections(parser: Parser): number {
  let count = 0;
  for (const token of parser.stack) if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') count++;
  return count;
}

export type YamlParseOptions = ParseOptions & DocumentOptions & SchemaOptions;

export type LimitedParse = { document: Document.Parsed; hit?: undefined } | { document?: undefined; hit: LimitHit };

/**
 * `yaml.parseDocument`, with the depth limit checked while the concrete syntax tree is built
 * (the lexer and the CST parser are iterative; the composer that builds the document recurses
 * per level). Stops at the first token that crosses the limit, so a file of megabytes of `[` costs
 * no more than the 65 first ones. Like parseDocument, composes the first document and reports
 * a second one as MULTIPLE_DOCS.
 */
export function parseYamlWithLimits(text: string, options: YamlParseOptions = {}, onNewLine?: (offset: number) => void): LimitedParse {
  const parser = new Parser(onNewLine);
  let hit: LimitHit | undefined;
  function* tokens() {
    if (onNewLine) onNewLine(0);
    for (const lexeme of new Lexer().lex(text, false)) {
      const start = parser.offset;
      yield* parser.next(lexeme);
      // The parser's stack holds the collections open at this point of the text (plus the
      // document and the token in progress): it never grows past the limit by more than 3.
      if (parser.stack.length > INPUT_LIMITS.maxDepth && openCollections(parser) > INPUT_LIMITS.maxDepth) {
        hit = depthHit(Math.min(start, text.length));
        return;
      }
    }
    yield* parser.end();
  }
  const composer = new Composer(options);
  let document: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens(), true, text.length)) {
    if (hit) break;
    if (!document) {
      document = doc;
    } else {
      document.errors.push(new YAMLParseError(doc.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  if (hit) return { hit };
  return { document: document! };
}
