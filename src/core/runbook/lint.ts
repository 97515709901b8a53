// Checks a runbook (*.runbook.md) the way inventories are checked: the identifiers written in it
// (License Server IDs, key pack IDs, retail codes) get the same rules, ids and messages as in an
// inventory (RDS101-RDS104, RDS501 with its maskSecret fix), and its front matter the RDS6xx
// rules: valid YAML, the runbook schema, an inventory that can be read, a server that is in it
// (and an inventory to look it up in); its `{{...}}` placeholders must be known ones (RDS606).
// The CLI, the language server and the API all call this; reading the linked inventory is the
// caller's (`readFile`), so that the editor can hand over its unsaved text.
import * as l10n from '@vscode/l10n';
import type { ValidateFunction } from 'ajv';
import { validate as precompiledValidator } from '../generated/runbook-validator';
import { findIdsInText, type IdInText } from '../domain/identifiers';
import { type Finding, type FixHint, type Position, type Range } from '../findings';
import { settleFindings, type RuleSetting } from '../inventory/lint';
import { checkTextLimits } from '../inventory/limits';
import { binaryTextHit, parseInventory, rangeOf, type ParsedInventory } from '../inventory/parse';
import { SCHEMA_NOT_ALLOWED, schemaFindings } from '../inventory/schema-findings';
import { identifierVerdicts } from '../rules/identifiers';
import { RULES_BY_ID } from '../rules/index';
import { isFullRetailCode, retailCodeVerdict } from '../rules/security';
import { lastAtOrBefore } from '../text-positions';
import { frontMatterLineCount, readFrontMatter, type FrontMatter } from './front-matter';
import { hasPlaceholder, loadLinkedInventory, type ReadInventoryFile } from './linked-inventory';
import { indexLines, type LineIndex } from './lines';
import { findPlaceholders, type PlaceholderOccurrence } from './placeholders';
import { RUNBOOK_UNKNOWN_PLACEHOLDER, unknownPlaceholders } from './unknown-placeholders';

export const RUNBOOK_FRONT_MATTER_YAML = 'RDS601';
export const RUNBOOK_FRONT_MATTER_SCHEMA = 'RDS602';
export const RUNBOOK_INVENTORY_UNREADABLE = 'RDS603';
export const RUNBOOK_UNKNOWN_SERVER = 'RDS604';
export const RUNBOOK_SERVER_WITHOUT_INVENTORY = 'RDS605';
export { RUNBOOK_UNKNOWN_PLACEHOLDER };

export interface RunbookLintOptions {
  /** Path reported in each finding's `file`. */
  file?: string;
  /** Absolute path of the runbook, to resolve `inventory:` against; default: `file`. */
  runbookPath?: string;
  /**
   * Reads the linked inventory (see loadLinkedInventory). Without it the front matter's
   * `inventory:` and `server:` are not followed (RDS603, RDS604 are not checked).
   */
  readFile?: ReadInventoryFile;
  /** Severity overrides, or 'off', by rule id (from .rdslic.yaml, as for inventories). */
  rules?: Record<string, RuleSetting>;
}

/** Offsets ↔ LSP positions over the runbook's own line index (`\r\n`, `\r`, `\n` all end a line). */
class RunbookPositions {
  readonly lines: LineIndex;
  constructor(readonly text: string) {
    this.lines = indexLines(text);
  }
  positionAt(offset: number): Position {
    const { starts } = this.lines;
    if (starts.length === 0) return { line: 0, character: Math.max(0, Math.min(offset, this.text.length)) };
    const lo = lastAtOrBefore(starts, offset);
    // After a final line break, the position is on the (empty) line that follows it.
    const lineEnd = this.lines.ends[lo];
    if (offset > lineEnd && lo === starts.length - 1) return { line: lo + 1, character: 0 };
    return { line: lo, character: Math.min(offset, lineEnd) - starts[lo] };
  }
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }
  /** From `offset` to the end of its line (at least where it is). */
  toLineEnd(offset: number): Range {
    const { line } = this.positionAt(offset);
    const end = line < this.lines.ends.length ? this.lines.ends[line] : this.text.length;
    return this.range(offset, Math.max(offset, end));
  }
}

/** schemas/runbook.schema.json, compiled at build time (scripts/gen-validators.js). */
export function runbookFrontMatterValidator(): ValidateFunction {
  return precompiledValidator as unknown as ValidateFunction;
}

/** Masked identifiers are fine: XXXXX groups, `*****`. */
function isMasked(id: IdInText): boolean {
  return id.masked === true || /[Xx*]{5}/.test(id.text.replace(/-/g, ''));
}

/**
 * Identifier and secret findings of a text (a whole runbook, or one notebook cell), placed by
 * `positions`. Placeholders and masked values are skipped.
 */
function identifierFindings(text: string, positions: RunbookPositions, placeholders: readonly PlaceholderOccurrence[]): Finding[] {
  const found: Finding[] = [];
  const inPlaceholder = (id: IdInText) => placeholders.some((p) => id.start < p.offset + p.length && p.offset < id.end);
  for (const id of findIdsInText(text)) {
    if (inPlaceholder(id) || isMasked(id)) continue;
    const range = positions.range(id.start, id.end);
    if (id.kind === 'retailCode') {
      if (!isFullRetailCode(id)) continue;
      const { message, fix } = retailCodeVerdict(id.text);
      found.push(finding('RDS501', range, message, fix));
      continue;
    }
    const formatRule = id.kind === 'licenseServerId' ? 'RDS101' : 'RDS103';
    for (const v of identifierVerdicts(id.kind, id.text, formatRule)) {
      found.push(finding(v.ruleId, range, v.message, v.normalized !== undefined ? { kind: 'normalizeId', replacement: v.normalized } : undefined));
    }
  }
  return found;
}

function finding(ruleId: string, range: Range, message: string, fix?: FixHint): Finding {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) throw new Error(`rule ${ruleId} is not in the rule table`);
  return { ruleId, severity: rule.defaultSeverity, message, range, ...(fix ? { fix } : {}) };
}

/**
 * RDS606 for the unknown placeholders of a text (a whole runbook, or one notebook cell), placed
 * by `positions`; those starting in one of the `anyName` offset ranges are not checked.
 */
function placeholderFindings(placeholders: readonly PlaceholderOccurrence[], positions: RunbookPositions, anyName: readonly [number, number][] = []): Finding[] {
  const skip = (offset: number) => anyName.some(([start, end]) => offset >= start && offset < end);
  return unknownPlaceholders(placeholders, skip).map((u) => finding(RUNBOOK_UNKNOWN_PLACEHOLDER, positions.range(u.start, u.end), u.message, u.fix));
}

/**
 * Offsets of the front matter's `inventory:` and `server:` values: in a template, a placeholder
 * there stands for the whole value and "New runbook from template" replaces it, whatever its name.
 */
function templateValueRanges(yaml: FrontMatterYaml | undefined): [number, number][] {
  if (!yaml) return [];
  const ranges: [number, number][] = [];
  for (const key of ['inventory', 'server']) {
    const r = rangeOf(yaml.parsed, [key], 'value');
    if (r) ranges.push([yaml.start + yaml.parsed.positions.offsetAt(r.start), yaml.start + yaml.parsed.positions.offsetAt(r.end)]);
  }
  return ranges;
}

/** The front matter's YAML, parsed with ranges, and where it starts in the file. */
interface FrontMatterYaml {
  parsed: ParsedInventory;
  /** Offset of the YAML's first character in the runbook text. */
  start: number;
}

/** A runbook's front matter, read once per lint: as the notebook reads it, and its YAML with ranges. */
interface LintedFrontMatter {
  read: FrontMatter;
  yaml: FrontMatterYaml;
}

function frontMatterOf(text: string): LintedFrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = indexLines(text, bom);
  const count = frontMatterLineCount(text, lines);
  if (count === 0) return undefined;
  const start = lines.starts[1];
  return { read: readFrontMatter(text, lines, count), yaml: { parsed: parseInventory(text.slice(start, lines.starts[count - 1])), start } };
}

/** A range of the front matter's YAML, moved into the runbook text. */
function shift(range: Range, yaml: FrontMatterYaml, positions: RunbookPositions): Range {
  const offset = (p: Position) => yaml.start + yaml.parsed.positions.offsetAt(p);
  return positions.range(offset(range.start), offset(range.end));
}

function sameRange(a: Range | undefined, b: Range): boolean {
  return a !== undefined && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function frontMatterFindings(fm: LintedFrontMatter | undefined, positions: RunbookPositions, options: RunbookLintOptions): Finding[] {
  if (!fm) return [];
  const { read: frontMatter, yaml } = fm;
  if (frontMatter.error) {
    const { line, column, message, ruleId } = frontMatter.error;
    const offset = positions.lines.starts[line] + column;
    return [finding(ruleId ?? RUNBOOK_FRONT_MATTER_YAML, positions.toLineEnd(offset), message)];
  }
  const data = frontMatter.data;
  const found: Finding[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const opening = positions.lines.starts[0] ?? 0;
    return [
      finding(
        RUNBOOK_FRONT_MATTER_SCHEMA,
        positions.toLineEnd(opening),
        l10n.t('The front matter must be a mapping of keys: title, lang, applies-to, inventory, server, summary (see runbooks/README.md).'),
      ),
    ];
  }
  const schemaProblems = schemaFindings(yaml.parsed, {
    validate: runbookFrontMatterValidator(),
    name: { lower: l10n.t('the front matter'), upper: l10n.t('The front matter') },
  });
  // inventory: and server: are strings matching one of two patterns: the generic "not a valid
  // ... Allowed: ..." cannot list patterns, so these two get a message of their own.
  const patternMessages: [string, string][] = [
    ['inventory', l10n.t('inventory: must be the path of a *.rdslic.yaml (or *.rdslic.yml) file relative to the runbook, with "/" (no drive letter, no leading "/"), or a {{...}} placeholder in quotes.')],
    ['server', l10n.t('server: must be a host name or FQDN (letters, digits, "-", "_" and "."), as in licenseServers[].name of the inventory, or a {{...}} placeholder in quotes.')],
  ];
  for (const f of schemaProblems) {
    const fix = f.fix && typeof f.fix.replacement === 'string' ? f.fix : undefined;
    const own = f.ruleId === SCHEMA_NOT_ALLOWED ? patternMessages.find(([key]) => sameRange(rangeOf(yaml.parsed, [key], 'value'), f.range)) : undefined;
    found.push(finding(RUNBOOK_FRONT_MATTER_SCHEMA, shift(f.range, yaml, positions), own ? own[1] : f.message, fix));
  }

  const at = (key: string) => {
    const r = rangeOf(yaml.parsed, [key], 'value');
    return r ? shift(r, yaml, positions) : positions.toLineEnd(0);
  };
  // Needs no file: a server named with nowhere to look it up is a finding wherever the lint runs.
  const server = (data as Record<string, unknown>).server;
  if (typeof server === 'string' && server.trim() !== '' && !('inventory' in data)) {
    found.push(
      finding(
        RUNBOOK_SERVER_WITHOUT_INVENTORY,
        at('server'),
        l10n.t('server: names "{0}", but the front matter has no inventory: the server cannot be checked and its {{server.*}} and {{pack.*}} values cannot be filled in. Add inventory: with the path of the *.rdslic.yaml, relative to the runbook.', server),
      ),
    );
  }

  if (options.readFile === undefined) return found;
  const runbookPath = options.runbookPath ?? options.file;
  if (runbookPath === undefined) return found;
  const link = loadLinkedInventory(runbookPath, data, options.readFile);
  switch (link.problem?.kind) {
    case 'inventoryNotFound':
      // A template names a default inventory that "New runbook from template" replaces.
      if (link.serverName !== undefined && hasPlaceholder(link.serverName)) break;
      found.push(finding(RUNBOOK_INVENTORY_UNREADABLE, at('inventory'), link.problem.message));
      break;
    case 'inventoryUnreadable':
    case 'inventoryUnparseable':
      found.push(finding(RUNBOOK_INVENTORY_UNREADABLE, at('inventory'), link.problem.message));
      break;
    case 'unknownServer':
      found.push(finding(RUNBOOK_UNKNOWN_SERVER, at('server'), link.problem.message));
      break;
    default:
      break;
  }
  return found;
}

/**
 * LIMIT001 for a text over the inventories' size limit (the CLI does not even read such a
 * file): the editor and the CLI agree, and the language server is not made to scan megabytes.
 */
function sizeLimitFinding(text: string): Finding | undefined {
  const hit = checkTextLimits(text);
  if (!hit) return undefined;
  return finding(hit.ruleId, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, hit.message);
}

/**
 * Checks a whole runbook text: identifiers and placeholders anywhere in it (front matter, prose,
 * code blocks) and its front matter. Never throws. Ranges are 0-based LSP positions in `text`.
 */
export function lintRunbook(text: string, options: RunbookLintOptions = {}): Finding[] {
  const tooLarge = sizeLimitFinding(text);
  if (tooLarge) return settleFindings([tooLarge], options);
  const positions = new RunbookPositions(text);
  const binary = binaryTextHit(text, 'runbook');
  if (binary) return settleFindings([{ ruleId: binary.ruleId, severity: 'error', message: binary.message, range: positions.range(binary.offset, binary.offset) }], options);
  const placeholders = findPlaceholders(text);
  const raw = identifierFindings(text, positions, placeholders);
  try {
    const frontMatter = frontMatterOf(text);
    raw.push(...placeholderFindings(placeholders, positions, templateValueRanges(frontMatter?.yaml)));
    raw.push(...frontMatterFindings(frontMatter, positions, options));
  } catch (e) {
    // A bug in the front matter checks must not hide the identifier findings nor crash the editor.
    raw.push({
      ruleId: 'RDS000',
      severity: 'error',
      message: l10n.t('Internal error in the {0} checks: {1}. Please report it.', 'runbook', e instanceof Error ? e.message : String(e)),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  }
  return settleFindings(raw, options);
}

/**
 * Checks one cell of a runbook open as a notebook: the identifiers, secrets and placeholders in
 * its text (the front matter is not a cell; lintRunbook on the file checks it). Ranges are in `source`.
 */
export function lintRunbookCell(source: string, options: { file?: string; rules?: Record<string, RuleSetting> } = {}): Finding[] {
  const tooLarge = sizeLimitFinding(source);
  if (tooLarge) return settleFindings([tooLarge], options);
  const positions = new RunbookPositions(source);
  const placeholders = findPlaceholders(source);
  return settleFindings([...identifierFindings(source, positions, placeholders), ...placeholderFindings(placeholders, positions)], options);
}
