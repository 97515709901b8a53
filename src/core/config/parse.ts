// Parses and validates the text of a `.rdslic.yaml`. Pure: the caller reads the file. Every
// problem becomes a finding placed on the offending key or value, never an exception.
import * as l10n from '@vscode/l10n';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, LineCounter, type Node } from 'yaml';
import { aliasBombHit, checkTextLimits, firstAliasOffset, INPUT_LIMITS, type LimitHit, parseYamlWithLimits } from '../inventory/limits';
import type { Finding, Range, Severity } from '../findings';
import { validate as precompiledValidator } from '../generated/config-validator';
import { RULES_BY_ID } from '../rules/index';
import { CONFIG_RULE_ID, type RdslicConfig } from './types';

export interface ParsedConfig {
  /** The configuration, or undefined when the file has a problem (it is then not used). */
  config?: RdslicConfig;
  findings: Finding[];
}

// schemas/config.schema.json, compiled at build time (scripts/gen-validators.js).
const validator = precompiledValidator as unknown as ValidateFunction;
function validate(value: unknown): ErrorObject[] {
  return validator(value) ? [] : (validator.errors ?? []);
}

interface Located {
  key?: Node;
  value?: Node;
}

/** The plain value at a JSON pointer (`/rules/RDS101`). */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const segment of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/** Finds the YAML nodes for a JSON pointer (`/overrides/0/files`), as deep as they exist. */
function locate(root: Node | null | undefined, pointer: string): Located {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let located: Located = { value: root ?? undefined };
  for (const segment of segments) {
    const node = located.value;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      located = { key: pair.key as Node, value: (pair.value as Node | null) ?? undefined };
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      located = { value: item };
    } else break;
  }
  return located;
}

/** The key of a property inside the map at `pointer`, e.g. an unknown setting. */
function locateKey(root: Node | null | undefined, pointer: string, property: string): Node | undefined {
  const holder = locate(root, pointer).value;
  if (!isMap(holder)) return undefined;
  const pair = holder.items.find((p) => isScalar(p.key) && String(p.key.value) === property);
  return (pair?.key as Node | undefined) ?? undefined;
}

/** `data` is the value at the error's place (the compiled validator does not keep it). */
function describe(error: ErrorObject, data: unknown): string {
  const where = error.instancePath.split('/').filter(Boolean).pop() ?? '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      return where === ''
        ? l10n.t("Unknown setting '{0}' in the configuration file: use root, rules, overrides or ignore.", name)
        : l10n.t("Unknown key '{0}' in an override: use files and rules.", name);
    }
    case 'propertyNames':
      return l10n.t("'{0}' is not a rule id: write letters then digits, e.g. RDS101.", String((error.params as { propertyName: string }).propertyName));
    case 'enum':
      return l10n.t("'{0}' must be error, warning, info or off, not '{1}'.", where, String(data));
    case 'required':
      return l10n.t("This override needs '{0}'.", String((error.params as { missingProperty: string }).missingProperty));
    case 'type':
      if (where === '') return l10n.t('The configuration file must be a mapping (root, rules, overrides, ignore).');
      if ((where === 'files' || where === 'ignore') && (error.params as { type: string }).type === 'array') {
        return l10n.t('\'{0}\' must be a list of glob patterns, e.g. {0}: ["{1}"].', where, where === 'files' ? 'sites/lab/**' : 'drafts/**');
      }
      return l10n.t("'{0}' must be of type {1}.", where, String((error.params as { type: string }).type));
    case 'minItems':
      return l10n.t("'{0}' needs at least one glob pattern.", where);
    case 'minLength':
      return l10n.t('A glob pattern cannot be empty.');
    default:
      return l10n.t('Invalid configuration: {0} {1}', error.instancePath || '/', error.message ?? '');
  }
}

/** Parses and validates the text of a configuration file; `file` is copied into findings. */
export function parseConfig(text: string, file?: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const sizeHit = checkTextLimits(text);
  const limited = sizeHit ? { hit: sizeHit } : parseYamlWithLimits(text, { prettyErrors: false, uniqueKeys: true }, lineCounter.addNewLine);
  const toRange = (start: number, end: number): Range => {
    const s = lineCounter.linePos(start);
    const e = lineCounter.linePos(Math.max(start, end));
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const finding = (severity: Severity, message: string, range: Range): Finding => ({
    ruleId: CONFIG_RULE_ID,
    severity,
    message,
    range,
    ...(file !== undefined ? { file } : {}),
  });

  // Over an input limit: one finding, and the file is not used.
  const overLimit = (hit: LimitHit): ParsedConfig => {
    const at = sizeHit ? { line: 0, character: 0 } : toRange(hit.offset, hit.offset).start;
    return { findings: [{ ruleId: hit.ruleId, severity: 'error', message: hit.message, range: { start: at, end: at }, ...(file !== undefined ? { file } : {}) }] };
  };
  if (limited.hit) return overLimit(limited.hit);
  const doc = limited.document;

  const findings: Finding[] = [];
  for (const error of doc.errors) {
    findings.push(finding('error', l10n.t('Configuration file is not valid YAML: {0}', error.message.split('\n')[0]), toRange(error.pos[0], error.pos[1])));
  }
  for (const warning of doc.warnings) {
    findings.push(finding('warning', l10n.t('Configuration file: {0}', warning.message.split('\n')[0]), toRange(warning.pos[0], warning.pos[1])));
  }
  if (findings.some((f) => f.severity === 'error')) return { findings };

  // An empty file (or only comments) is an empty configuration.
  let value: unknown;
  try {
    value = doc.contents === null ? {} : doc.toJS({ maxAliasCount: INPUT_LIMITS.maxAliasCount });
  } catch (e) {
    const bomb = aliasBombHit(e, doc);
    if (bomb) return overLimit(bomb);
    const offset = firstAliasOffset(doc);
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { findings: [finding('error', l10n.t('Configuration file is not valid YAML: {0}', detail), toRange(offset, offset))] };
  }
  for (const error of validate(value)) {
    let node: Node | undefined;
    if (error.keyword === 'additionalProperties') {
      node = locateKey(doc.contents, error.instancePath, (error.params as { additionalProperty: string }).additionalProperty);
    } else if (error.keyword === 'propertyNames') {
      node = locateKey(doc.contents, error.instancePath, (error.params as { propertyName: string }).propertyName);
    } else if (error.keyword === 'required') {
      const located = locate(doc.contents, error.instancePath);
      node = located.key ?? located.value;
    } else {
      node = locate(doc.contents, error.instancePath).value;
    }
    // propertyNames reports each bad name twice (the name and the pattern): keep one.
    if (error.keyword === 'pattern' && error.propertyName !== undefined) continue;
    const range = node?.range ? toRange(node.range[0], node.range[1]) : toRange(0, 0);
    findings.push(finding('error', describe(error, valueAt(value, error.instancePath)), range));
  }
  if (findings.some((f) => f.severity === 'error')) return { findings };

  // A misspelt rule id would silently do nothing: say so, but keep the rest of the file.
  const config = value as RdslicConfig;
  const ruleMaps: { pointer: string; rules?: Record<string, unknown> }[] = [
    { pointer: '/rules', rules: config.rules },
    ...(config.overrides ?? []).map((o, i) => ({ pointer: `/overrides/${i}/rules`, rules: o.rules })),
  ];
  for (const { pointer, rules } of ruleMaps) {
    for (const id of Object.keys(rules ?? {})) {
      if (RULES_BY_ID.has(id)) continue;
      const key = locateKey(doc.contents, pointer, id);
      const range = key?.range ? toRange(key.range[0], key.range[1]) : toRange(0, 0);
      findings.push(finding('warning', l10n.t("Unknown rule '{0}': it has no effect. Rule ids are listed in docs/rules.md.", id), range));
    }
  }
  findings.push(...globWarnings(doc.contents, config, toRange).map((w) => finding('warning', w.message, w.range)));
  return { config, findings };
}

/** A backslash used as a folder separator (`sites\lab`), not one escaping a glob character (`\*`). */
const BACKSLASH_SEPARATOR = /\\[^*?[\]{}()!+@\\]/;
/** `/srv/...`, `C:\...`, `C:/...`, `\\server\share`. */
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * Globs that can never match, since paths are matched relative to the configuration's folder
 * with `/` separators: absolute paths and Windows separators. The file still applies; the
 * warning says what to write instead of leaving an ignore or override that silently does nothing.
 */
function globWarnings(
  root: Node | null | undefined,
  config: RdslicConfig,
  toRange: (start: number, end: number) => Range,
): { message: string; range: Range }[] {
  const lists: { pointer: string; globs: readonly string[] }[] = [
    ...(config.overrides ?? []).map((o, i) => ({ pointer: `/overrides/${i}/files`, globs: o.files })),
    { pointer: '/ignore', globs: config.ignore ?? [] },
  ];
  const out: { message: string; range: Range }[] = [];
  for (const { pointer, globs } of lists) {
    globs.forEach((glob, i) => {
      let message: string | undefined;
      if (ABSOLUTE.test(glob)) {
        message = l10n.t('"{0}" is an absolute path, so it matches nothing: patterns are relative to the folder of this configuration file (e.g. "drafts/**").', glob);
      } else if (BACKSLASH_SEPARATOR.test(glob)) {
        message = l10n.t('"{0}" uses "\\" as a folder separator, so it matches nothing: patterns use "/" on every system; write "{1}".', glob, glob.replace(/\\/g, '/'));
      }
      if (message === undefined) return;
      const node = locate(root, `${pointer}/${i}`).value;
      out.push({ message, range: node?.range ? toRange(node.range[0], node.range[1]) : toRange(0, 0) });
    });
  }
  return out;
}
