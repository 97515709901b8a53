// Parses an inventory with `yaml`, keeping the AST so that every finding can be placed on the
// exact key or value it is about. Syntax errors, duplicate keys and a top level that is not a
// mapping become findings (never exceptions): the editor shows them while the user types.
import * as l10n from '@vscode/l10n';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, YAMLError } from 'yaml';
import { findIndentationProblems, INDENTATION_ERROR_CODES } from './indentation';
import { aliasBombHit, checkTextLimits, INPUT_LIMITS, type LimitHit, parseYamlWithLimits } from './limits';
import type { Alias, Node as YamlNode, Pair } from 'yaml';
import { FILE_RULE_ID } from '../config/types';
import { findingKey, type Finding, type Range } from '../findings';
import { TextPositions } from '../text-positions';
import type { Inventory } from './model';

export type PathSegment = string | number;
export type InventoryPath = readonly PathSegment[];
/** Which part of a `key: value` pair a range is wanted for. */
export type NodePart = 'key' | 'value';

export interface ParsedInventory {
  /** The source text, as given. */
  text: string;
  /** The (first) YAML document, with ranges. */
  document: Document.Parsed;
  /** Offset ↔ position conversion for `text`. */
  positions: TextPositions;
  /** The document as plain data; `{}` when the top level is not a mapping. */
  inventory: Inventory;
  /** YAML-level findings: syntax errors, duplicate keys, several documents, not a mapping. */
  findings: Finding[];
  /**
   * False when the YAML could not be read reliably (syntax error, not a mapping): schema and
   * domain checks are skipped then, because they would report the consequences of the
   * syntax error rather than real problems.
   */
  checkable: boolean;
}

/** Syntax and structure rule ids (documented in the rule table, src/core/rules). */
export const YAML_SYNTAX = 'YAML001';
export const YAML_DUPLICATE_KEY = 'YAML002';
export const YAML_WARNING = 'YAML003';
export const YAML_MULTIPLE_DOCUMENTS = 'YAML004';
export const YAML_NOT_A_MAPPING = 'YAML005';

export const INVENTORY_TOJS_OPTIONS = { maxAliasCount: INPUT_LIMITS.maxAliasCount } as const;
/** How inventories are parsed; a part re-parsed on its own (inventory/incremental.ts) uses the same. */
export const INVENTORY_PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false } as const;

export function parseInventory(text: string): ParsedInventory {
  const positions = new TextPositions(text);
  const findings: Finding[] = [];
  let fatal = false;
  const sizeHit = checkTextLimits(text);
  if (sizeHit) return overLimit(text, positions, sizeHit);
  const binary = binaryTextHit(text, 'inventory');
  if (binary) return overLimit(text, positions, binary);
  let document: Document.Parsed;
  try {
    const limited = parseYamlWithLimits(text, INVENTORY_PARSE_OPTIONS);
    if (limited.hit) return overLimit(text, positions, limited.hit);
    document = limited.document;
  } catch (e) {
    // The parser reports its own errors; this is only a guard against the unexpected
    // (e.g. input nested deeper than the stack allows), so that the caller gets a finding.
    document = parseDocument('');
    findings.push({
      ruleId: YAML_SYNTAX,
      severity: 'error',
      message: l10n.t('YAML: {0}', e instanceof Error ? firstLine(e.message) : String(e)),
      range: positions.range(0, positions.lineEnd(0)),
    });
    return { text, document, positions, inventory: {}, findings, checkable: false };
  }

  // `yaml` may report one problem twice (e.g. an unclosed JSON bracket as a missing character
  // and as a bad flow collection): both become the same finding, shown once.
  const seen = new Set<string>();
  const indentation = indentationFindings(text, document.errors, positions);
  findings.push(...indentation.findings);
  if (indentation.findings.length > 0) fatal = true;
  for (const error of document.errors) {
    if (indentation.explains(error)) continue;
    const finding = yamlErrorFinding(error, document, positions);
    if (finding.ruleId === YAML_SYNTAX) fatal = true;
    const key = findingKey(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  for (const warning of document.warnings) {
    findings.push({
      ruleId: YAML_WARNING,
      severity: 'warning',
      message: l10n.t('YAML: {0}', firstLine(warning.message)),
      range: placeAt(warning.pos, positions),
    });
  }

  let inventory: Inventory = {};
  const contents = document.contents;
  if (!fatal) {
    if (contents === null || (isScalar(contents) && contents.value === null && contents.range?.[0] === contents.range?.[1])) {
      findings.push({
        ruleId: YAML_NOT_A_MAPPING,
        severity: 'error',
        message: l10n.t('The file is empty. An inventory is a YAML mapping that starts with "kind: RdsLicensingInventory" and "version: 1".'),
        range: positions.range(0, 0),
      });
      fatal = true;
    } else if (!isMap(contents)) {
      const what = isSeq(contents) ? l10n.t('a list') : l10n.t('a single value');
      const start = contents.range?.[0] ?? 0;
      findings.push({
        ruleId: YAML_NOT_A_MAPPING,
        severity: 'error',
        message: l10n.t(
          'The top level of the file is {0}, not a mapping. An inventory is a mapping of keys such as "kind: RdsLicensingInventory", "version: 1", "licenseServers:".',
          what,
        ),
        range: positions.range(start, positions.lineEnd(start)),
      });
      fatal = true;
    } else {
      try {
        inventory = (document.toJS(INVENTORY_TOJS_OPTIONS) ?? {}) as Inventory;
      } catch (e) {
        const bomb = aliasBombHit(e, document);
        if (bomb) return overLimit(text, positions, bomb, document);
        const unresolved = unresolvedAliases(document);
        for (const alias of unresolved) {
          const [start, end] = alias.range ?? [0, 0];
          findings.push({
            ruleId: YAML_SYNTAX,
            severity: 'error',
            message: l10n.t('The alias *{0} refers to no anchor: put &{0} on a value before it (an anchor must come before its aliases), or write the value out.', alias.source),
            range: placeAt([start, end], positions),
          });
        }
        // Anything else toJS refuses: report, never throw.
        if (unresolved.length === 0) findings.push({
          ruleId: YAML_SYNTAX,
          severity: 'error',
          message: l10n.t('YAML: {0}', e instanceof Error ? firstLine(e.message) : String(e)),
          range: positions.range(contents.range?.[0] ?? 0, positions.lineEnd(contents.range?.[0] ?? 0)),
        });
        fatal = true;
      }
    }
  }
  return { text, document, positions, inventory, findings, checkable: !fatal };
}

/**
 * A line indented wrongly, said once on that line with the columns it may start at, instead of
 * the parser errors that follow from it (several per line, on the lines after it too).
 */
function indentationFindings(text: string, errors: readonly YAMLError[], positions: TextPositions): { findings: Finding[]; explains: (e: YAMLError) => boolean } {
  const none = { findings: [], explains: () => false };
  if (!errors.some((e) => INDENTATION_ERROR_CODES.has(e.code))) return none;
  const problems = findIndentationProblems(text);
  if (problems.length === 0) return none;
  // A wrong line also breaks the value just above it (it reads as that value's continuation).
  const from = positions.offsetAt({ line: Math.max(0, problems[0].line - 1), character: 0 });
  const findings = problems.map((p): Finding => ({
    ruleId: YAML_SYNTAX,
    severity: 'error',
    message: l10n.t(
      'Wrong indentation: this line starts after {0} spaces, but here a key or list item can only start after {1} spaces. Align it with the key it belongs to (keys of one mapping start in the same column).',
      p.indent,
      p.expected.length > 1 ? `${p.expected.slice(0, -1).join(', ')}${l10n.t(' or ')}${p.expected[p.expected.length - 1]}` : String(p.expected[0]),
    ),
    range: positions.range(p.offset, positions.lineEnd(p.offset)),
  }));
  return { findings, explains: (e) => INDENTATION_ERROR_CODES.has(e.code) && e.pos[0] >= from };
}

/**
 * A text with a NUL character is a binary file opened as text (the CLI says so from the bytes;
 * an editor may still open it): one FILE001 at the first NUL, as the CLI reports it.
 */
export function binaryTextHit(text: string, as: 'inventory' | 'runbook'): LimitHit | undefined {
  const nul = text.indexOf('\0');
  if (nul < 0) return undefined;
  const line = (text.slice(0, nul).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  return {
    ruleId: FILE_RULE_ID,
    offset: nul,
    message:
      as === 'runbook'
        ? l10n.t('This is a binary file (a NUL byte at line {0}), not a Markdown runbook.', line)
        : l10n.t('This is a binary file (a NUL byte at line {0}), not a YAML inventory.', line),
  };
}

/** A file over one of the input limits (or not text): one finding, nothing else is checked. */
function overLimit(text: string, positions: TextPositions, hit: LimitHit, document: Document.Parsed = parseDocument('')): ParsedInventory {
  const finding: Finding = { ruleId: hit.ruleId, severity: 'error', message: hit.message, range: placeAt([hit.offset, hit.offset + 1], positions) };
  return { text, document, positions, inventory: {}, findings: [finding], checkable: false };
}

/** Aliases (`*name`) with no anchor `&name` before them, in document order. */
function unresolvedAliases(document: Document.Parsed): Alias[] {
  const found: Alias[] = [];
  visit(document, {
    Alias(_key, node) {
      if (node.resolve(document) === undefined) found.push(node);
    },
  });
  return found;
}

/**
 * Whether a finding of `document`'s lint only restates an error or warning of the YAML parser
 * itself (syntax errors YAML001, duplicate keys YAML002, parser warnings YAML003): what a
 * generic YAML language server such as yaml-language-server reports from its own parse of
 * the same text. YAML001 findings that are not parser errors (an alias that cannot be
 * resolved, a parser crash) and YAML004 (yaml-language-server reads every document) are not.
 */
export function isYamlParserFinding(finding: Pick<Finding, 'ruleId'>, document: Document.Parsed): boolean {
  switch (finding.ruleId) {
    case YAML_DUPLICATE_KEY:
    case YAML_WARNING:
      return true;
    case YAML_SYNTAX:
      // A parser error stops the lint before aliases are resolved: with one, every YAML001 is one.
      return document.errors.some((e) => e.code !== 'DUPLICATE_KEY' && e.code !== 'MULTIPLE_DOCS');
    default:
      return false;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A range starting at `pos[0]`, at least one character wide when the line allows it. */
function placeAt(pos: [number, number], positions: TextPositions): Range {
  const start = pos[0];
  let end = Math.max(pos[1], start);
  if (end === start) end = Math.min(start + 1, positions.lineEnd(start));
  return positions.range(start, Math.min(end, Math.max(start, positions.lineEnd(start))));
}

function yamlErrorFinding(error: YAMLError, document: Document.Parsed, positions: TextPositions): Finding {
  const detail = firstLine(error.message);
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return {
        ruleId: YAML_DUPLICATE_KEY,
        severity: 'error',
        message: l10n.t('Duplicate key "{0}": a key may appear only once in a mapping; merge the two entries or remove one.', keyTextAt(error.pos, positions)),
        range: placeKey(error.pos, positions),
      };
    case 'MULTIPLE_DOCS':
      return {
        ruleId: YAML_MULTIPLE_DOCUMENTS,
        severity: 'warning',
        message: l10n.t('This file holds several YAML documents; only the first one is checked. Put each inventory in its own *.rdslic.yaml file.'),
        range: positions.range(error.pos[0], positions.lineEnd(error.pos[0])),
      };
    case 'MISSING_CHAR': {
      const opener = enclosingOpener(document, error.pos[0], /quote/i.test(detail) ? 'quote' : 'flow');
      if (opener !== undefined) {
        const quote = /quote/i.test(detail);
        return {
          ruleId: YAML_SYNTAX,
          severity: 'error',
          message: quote
            ? l10n.t('The quoted string that starts here is never closed: add the closing quote ({0}).', positions.text[opener])
            : l10n.t('The bracket that opens here is never closed: add the closing {0}.', positions.text[opener] === '[' ? ']' : '}'),
          range: positions.range(opener, positions.lineEnd(opener)),
        };
      }
      break;
    }
    case 'BAD_INDENT':
    case 'UNEXPECTED_TOKEN':
      if (/^Flow (sequence|map)/.test(detail)) {
        const opener = enclosingOpener(document, error.pos[0], 'flow');
        if (opener !== undefined) {
          return {
            ruleId: YAML_SYNTAX,
            severity: 'error',
            message: l10n.t('The bracket that opens here is never closed: add the closing {0}.', positions.text[opener] === '[' ? ']' : '}'),
            range: positions.range(opener, positions.lineEnd(opener)),
          };
        }
      }
      break;
    case 'TAB_AS_INDENT':
      return {
        ruleId: YAML_SYNTAX,
        severity: 'error',
        message: l10n.t('YAML does not allow tabs for indentation: indent with spaces.'),
        range: placeAt(error.pos, positions),
      };
  }
  return { ruleId: YAML_SYNTAX, severity: 'error', message: l10n.t('YAML syntax error: {0}', detail), range: placeAt(error.pos, positions) };
}

function keyTextAt(pos: [number, number], positions: TextPositions): string {
  const rest = positions.text.slice(pos[0], positions.lineEnd(pos[0]));
  const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:#]*?)\s*:(\s|$)/.exec(rest);
  return (m ? m[1] : rest).replace(/^["']|["']$/g, '').trim();
}

function placeKey(pos: [number, number], positions: TextPositions): Range {
  const key = keyTextAt(pos, positions);
  const start = pos[0];
  const width = key.length > 0 ? positions.text.slice(start, positions.lineEnd(start)).indexOf(key) + key.length : 1;
  return positions.range(start, Math.min(start + Math.max(width, 1), positions.lineEnd(start)));
}

/**
 * Offset of the quote or bracket that opened the construct a "never closed" error is about:
 * the innermost quoted scalar (or flow collection) that starts before the error.
 */
function enclosingOpener(document: Document.Parsed, errorOffset: number, kind: 'quote' | 'flow'): number | undefined {
  let best: number | undefined;
  visit(document, (_key, node) => {
    if (isPair(node) || !node || typeof node !== 'object' || !('range' in node)) return undefined;
    const range = (node as YamlNode).range;
    if (!range || range[0] > errorOffset) return undefined;
    let matches = false;
    if (kind === 'quote') matches = isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE);
    else matches = (isMap(node) || isSeq(node)) && node.flow === true;
    if (matches && (best === undefined || range[0] > best)) best = range[0];
    return undefined;
  });
  return best;
}

// ---- Finding nodes and ranges by path (shared with the language server) ----

/**
 * The pair holding `key` in a mapping node, if any. With a duplicated key, the last pair: its
 * value is the one the data holds (toJS keeps the last), so findings about the value go there,
 * next to the YAML002 on the duplicate.
 */
export function pairOf(map: unknown, key: PathSegment): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const item = map.items[i];
    const k = item.key;
    const name = isScalar(k) ? k.value : k;
    if (name !== null && name !== undefined && String(name) === String(key)) return item;
  }
  return undefined;
}

function resolve(document: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** The AST node at `path` (the value, or the pair when the last segment is a mapping key). */
function locate(parsed: ParsedInventory, path: InventoryPath): { pair?: Pair<unknown, unknown>; node: unknown } | undefined {
  let node: unknown = parsed.document.contents;
  let pair: Pair<unknown, unknown> | undefined;
  for (const segment of path) {
    const current = resolve(parsed.document, node);
    if (isSeq(current) && typeof segment === 'number') {
      node = current.items[segment];
      pair = undefined;
      if (node === undefined) return undefined;
    } else if (isMap(current)) {
      pair = pairOf(current, segment);
      if (!pair) return undefined;
      node = pair.value;
    } else {
      return undefined;
    }
  }
  return { pair, node };
}

/** The YAML node (value) at `path`, or undefined when the path does not exist. */
export function nodeAt(parsed: ParsedInventory, path: InventoryPath): YamlNode | undefined {
  const found = locate(parsed, path);
  return found && found.node && typeof found.node === 'object' ? (found.node as YamlNode) : undefined;
}

/**
 * Range of the key or of the value at `path`, e.g.
 * `rangeOf(parsed, ['licenseServers', 0, 'packs', 1, 'keyPackId'], 'value')`.
 * A missing value (`key:` with nothing after it) falls back to the key; a sequence item has no
 * key, so 'key' gives the item's first line. Undefined when the path does not exist.
 */
export function rangeOf(parsed: ParsedInventory, path: InventoryPath, part: NodePart = 'value'): Range | undefined {
  const found = locate(parsed, path);
  if (!found) return undefined;
  const { positions } = parsed;
  const keyRange = (found.pair?.key as YamlNode | undefined)?.range;
  const valueRange = (found.node as YamlNode | null | undefined)?.range;
  if (part === 'key' && keyRange) return positions.range(keyRange[0], keyRange[1]);
  if (part === 'value' && valueRange && valueRange[1] > valueRange[0]) {
    return positions.range(valueRange[0], valueRange[1]);
  }
  if (keyRange) return positions.range(keyRange[0], keyRange[1]);
  if (valueRange) return headRange(parsed, valueRange[0]);
  return undefined;
}

/** From `offset` to the end of its line: where to put a finding about a whole mapping. */
export function headRange(parsed: ParsedInventory, offset: number): Range {
  const end = parsed.positions.lineEnd(offset);
  const line = parsed.text.slice(offset, end);
  const comment = line.search(/\s#/);
  const head = comment >= 0 ? line.slice(0, comment) : line;
  return parsed.positions.range(offset, offset + head.trimEnd().length);
}

/**
 * Range for a problem about the object at `path` as a whole (e.g. a missing property): the key
 * that holds it, or for a list item its first line, or for the document its first key.
 */
export function objectRange(parsed: ParsedInventory, path: InventoryPath): Range {
  if (path.length === 0) {
    const contents = parsed.document.contents;
    const first = isMap(contents) ? (contents.items[0]?.key as YamlNode | undefined) : undefined;
    const r = first?.range ?? contents?.range;
    return r ? parsed.positions.range(r[0], r[1]) : parsed.positions.range(0, 0);
  }
  const found = locate(parsed, path);
  const keyRange = (found?.pair?.key as YamlNode | undefined)?.range;
  if (found?.pair && keyRange) return parsed.positions.range(keyRange[0], keyRange[1]);
  const valueRange = (found?.node as YamlNode | undefined)?.range;
  if (valueRange) return headRange(parsed, valueRange[0]);
  return objectRange(parsed, path.slice(0, -1));
}

/** The source text of the value at `path` (quotes included), for fixes that must keep it. */
export function sourceOf(parsed: ParsedInventory, path: InventoryPath): string | undefined {
  const r = nodeAt(parsed, path)?.range;
  return r ? parsed.text.slice(r[0], r[1]) : undefined;
}

/**
 * The replacement text for a scalar value, written in the same quoting style as `path`'s
 * current value (a plain scalar that would read as a number is quoted).
 */
export function scalarReplacement(parsed: ParsedInventory, path: InventoryPath, value: string): string {
  const node = nodeAt(parsed, path);
  if (isScalar(node) && node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (isScalar(node) && node.type === Scalar.PLAIN && /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}
