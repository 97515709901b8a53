// Validates the inventory against schemas/inventory.schema.json and places every schema error
// on the YAML node it is about: an unknown key on that key, a missing key on the key of the
// object that lacks it, a wrong value on the value. anyOf/oneOf branches become one message.
import * as l10n from '@vscode/l10n';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/inventory.schema.json';
import { validate as precompiledValidator } from '../generated/inventory-validator';
import { closestWord } from '../closest-word';
import { findingKey, type Finding, type FixHint } from '../findings';
import { schemaText } from '../schema-text';
import { InventoryPath, objectRange, ParsedInventory, rangeOf, sourceOf } from './parse';

export const SCHEMA_UNKNOWN_KEY = 'SCHEMA001';
export const SCHEMA_MISSING_KEY = 'SCHEMA002';
export const SCHEMA_WRONG_TYPE = 'SCHEMA003';
export const SCHEMA_NOT_ALLOWED = 'SCHEMA004';
export const SCHEMA_BAD_FORMAT = 'SCHEMA005';

export const INVENTORY_SCHEMA = schema;

/**
 * The validator of schemas/inventory.schema.json, compiled at build time (ajv standalone code,
 * scripts/gen-validators.js): compiling it at start-up cost more than validating 10k lines.
 */
export function inventoryValidator(): ValidateFunction {
  return precompiledValidator as unknown as ValidateFunction;
}

type SchemaNode = Record<string, unknown>;

function pathOf(instancePath: string): InventoryPath {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Name of the key a path ends at, for messages ("os", "licenseServers[2]"). */
function keyName(path: InventoryPath): string {
  if (path.length === 0) return l10n.t('the document');
  let i = path.length - 1;
  let suffix = '';
  while (i >= 0 && typeof path[i] === 'number') {
    suffix = `[${path[i]}]` + suffix;
    i--;
  }
  return (i >= 0 ? String(path[i]) : '') + suffix;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? text.slice(0, 57) + '...' : text;
}

/**
 * A number YAML read but JSON cannot print or hold exactly (1e400 is Infinity, .nan is NaN,
 * 99999999999999999999 is rounded): shown as written in the file.
 */
function isInexactNumber(value: unknown): value is number {
  return typeof value === 'number' && (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value)));
}

/** `show(value)`, with an inexact number as written in the file. */
function showAt(value: unknown, parsed: ParsedInventory, path: InventoryPath): string {
  return isInexactNumber(value) ? show(sourceOf(parsed, path) ?? String(value)) : show(value);
}

function typeName(value: unknown): string {
  if (value === null) return l10n.t('empty');
  if (Array.isArray(value)) return l10n.t('a list');
  if (typeof value === 'object') return l10n.t('a mapping');
  if (typeof value === 'number') return l10n.t('a number');
  if (typeof value === 'boolean') return l10n.t('true/false');
  return l10n.t('text');
}

function expectedType(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map((t) => {
    switch (t) {
      case 'string':
        return l10n.t('text');
      case 'integer':
        return l10n.t('a whole number');
      case 'number':
        return l10n.t('a number');
      case 'boolean':
        return l10n.t('true or false');
      case 'array':
        return l10n.t('a list');
      case 'object':
        return l10n.t('a mapping of keys');
      default:
        return String(t);
    }
  });
  return names.join(l10n.t(' or '));
}

/**
 * The first sentence of a schema description, in the active language, to end a message with.
 * Only a sentence end cuts it (not "e.g." nor a colon: "Retail program: the last 5
 * characters..." must keep what follows the colon, which is the expected form).
 */
export function firstSentence(description: unknown): string {
  if (typeof description !== 'string') return '';
  const text = schemaText(description);
  const m = /^.*?(?<!\b(?:e\.g|i\.e|etc|p\. ex|c\.-à-d))[.!?](?=\s|$)/s.exec(text);
  return (m ? m[0] : text).trim();
}

/** "Session host" → "session host" inside a sentence, but "CAL pack" keeps its acronym. */
function lowerFirst(title: string): string {
  return /^\p{Lu}\p{Lu}/u.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

/** The values an anyOf/oneOf accepts, for one readable message. */
function allowedValues(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  if (Array.isArray(node.examples)) return node.examples.map(String);
  const out: string[] = [];
  for (const branch of [...((node.anyOf as SchemaNode[]) ?? []), ...((node.oneOf as SchemaNode[]) ?? [])]) {
    if (Array.isArray(branch.enum)) out.push(...branch.enum.map(String));
    else if ('const' in branch) out.push(String(branch.const));
    else if (branch.type) out.push(expectedType(branch.type));
  }
  return out;
}

/** Another YAML document checked against another schema (a runbook's front matter). */
export interface SchemaFindingsOptions {
  validate: ValidateFunction;
  /** The document as the messages name it: "the front matter" / "The front matter". */
  name: { lower: string; upper: string };
}

/** Schema errors of the inventory (or of `options`' document) as findings, each on its YAML node. */
export function schemaFindings(parsed: ParsedInventory, options?: SchemaFindingsOptions): Finding[] {
  const validate = options?.validate ?? inventoryValidator();
  const errors = validate(parsed.inventory) ? [] : (validate.errors ?? []).slice();

  // anyOf/oneOf: keep the combined error, drop its branches' errors (same instance, nested
  // schema path).
  const combined = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const isBranchError = (e: ErrorObject) =>
    combined.some((c) => c !== e && c.instancePath === e.instancePath && e.schemaPath.startsWith(c.schemaPath + '/'));

  // A value of the wrong type for a list of allowed values (`status:` left empty, `joined:
  // [domain]`) fails both `type` and `enum`: the type finding names the allowed values, the
  // enum one would only repeat it.
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const isShadowedEnum = (e: ErrorObject) => e.keyword === 'enum' && typeErrorAt.has(e.instancePath);

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const reported = new Set(errors.map((e) => e.instancePath));
  for (const finding of unsafeIntegerFindings(parsed, reported)) findings.push(finding);
  for (const error of errors) {
    if (isBranchError(error) || isShadowedEnum(error)) continue;
    const finding = toFinding(error, parsed, options?.name);
    const key = findingKey(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

const MAYBE_UNSAFE_INTEGER = /\d{16}|\d[eE]\+?\d|0x[0-9a-fA-F]{14}|0o[0-7]{18}/;

/**
 * Whole numbers beyond 2^53 - 1 that the schema accepts as integers, although YAML rounded them
 * (99999999999999999999 is read as 100000000000000000000): a silent change of the value.
 * `reported`: JSON pointers that already have a schema error.
 */
function unsafeIntegerFindings(parsed: ParsedInventory, reported: ReadonlySet<string>): Finding[] {
  const found: Finding[] = [];
  // This runs after every edit in the editor: walk the data only when the text holds a number
  // literal that can exceed 2^53 (16+ digits, an exponent, a long hex or octal literal).
  if (!MAYBE_UNSAFE_INTEGER.test(parsed.text)) return found;
  const path: (string | number)[] = [];
  const pointer = () => path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  const walk = (value: unknown) => {
    if (typeof value === 'number') {
      if (Number.isInteger(value) && !Number.isSafeInteger(value) && !reported.has(pointer())) {
        const at = [...path];
        found.push({
          ruleId: SCHEMA_BAD_FORMAT,
          severity: 'error',
          message: l10n.t('"{0}" is {1}: too large to be read exactly (at most {2}).', keyName(at), showAt(value, parsed, at), Number.MAX_SAFE_INTEGER),
          range: rangeOf(parsed, at, 'value') ?? objectRange(parsed, at),
        });
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    // Plain loops: this runs on the whole inventory after every edit in the editor.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
      return;
    }
    for (const key in value) {
      path.push(key);
      walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(parsed.inventory);
  return found;
}

function toFinding(error: ErrorObject, parsed: ParsedInventory, name?: SchemaFindingsOptions['name']): Finding {
  const path = pathOf(error.instancePath);
  const key = keyName(path);
  const parentSchema = error.parentSchema as SchemaNode | undefined;
  const valueRange = () => rangeOf(parsed, path, 'value') ?? objectRange(parsed, path);
  const params = error.params as Record<string, unknown>;
  let fix: FixHint | undefined;

  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys((parentSchema?.properties as SchemaNode) ?? {});
      const suggestion = closestWord(unknown, known);
      if (suggestion) fix = { kind: 'renameKey', replacement: suggestion };
      const where = path.length === 0 ? (name?.lower ?? l10n.t('the inventory')) : parentSchema?.title ? lowerFirst(schemaText(String(parentSchema.title))) : key;
      return {
        ruleId: SCHEMA_UNKNOWN_KEY,
        severity: 'error',
        // `yaml` reads YAML 1.2, where `<<` is a plain key: the merge the user meant did not happen.
        message: unknown === '<<'
          ? l10n.t('"<<" is a YAML merge key, which inventories do not support (they are read as YAML 1.2, where "<<" is an ordinary key): write the keys out in this entry.')
          : suggestion
          ? l10n.t('Unknown key "{0}" in {1}: did you mean "{2}"?', unknown, where, suggestion)
          : l10n.t('Unknown key "{0}" in {1}. Known keys: {2}.', unknown, where, known.join(', ')),
        range: rangeOf(parsed, [...path, unknown], 'key') ?? objectRange(parsed, path),
        fix,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const property = ((parentSchema?.properties as SchemaNode | undefined)?.[missing] ?? {}) as SchemaNode;
      const what = property.title ? ` (${schemaText(String(property.title))})` : '';
      const where = path.length === 0 ? (name?.upper ?? l10n.t('The inventory')) : parentSchema?.title ? `${schemaText(String(parentSchema.title))} ${key}` : key;
      return {
        ruleId: SCHEMA_MISSING_KEY,
        severity: 'error',
        message: l10n.t('{0} is missing the required key "{1}"{2}. {3}', where, missing, what, firstSentence(property.description)).trim(),
        range: objectRange(parsed, path),
        fix: { kind: 'addKey', key: missing },
      };
    }
    case 'type': {
      const data = error.data;
      const expected = params.type;
      if (Array.isArray(parentSchema?.enum)) {
        return {
          ruleId: SCHEMA_WRONG_TYPE,
          severity: 'error',
          message: l10n.t('"{0}" must be one of {1}, not {2}.', key, parentSchema.enum.map(String).join(', '), typeName(data)),
          range: valueRange(),
        };
      }
      // A date read as a number or true/false: quoting it would not make it a date.
      if (parentSchema?.format === 'date') {
        return {
          ruleId: SCHEMA_WRONG_TYPE,
          severity: 'error',
          message: l10n.t('"{0}" must be a date written YYYY-MM-DD (e.g. 2026-01-10), not {1} ({2}).', key, typeName(data), sourceOf(parsed, path) ?? show(data)),
          range: valueRange(),
        };
      }
      // Unquoted digits read as a number lose leading zeros and precision: offer the quoted text.
      if (expected === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
        const source = sourceOf(parsed, path);
        if (source !== undefined) fix = { kind: 'quoteValue', replacement: JSON.stringify(source) };
        return {
          ruleId: SCHEMA_WRONG_TYPE,
          severity: 'error',
          message: l10n.t('"{0}" must be text, but {1} was read as {2}: put it in quotes ({3}).', key, source ?? show(data), typeName(data), JSON.stringify(source ?? String(data))),
          range: valueRange(),
          fix,
        };
      }
      if (typeof data === 'number' && !Number.isFinite(data)) {
        // 1e400 or .inf is read as infinity, .nan as "not a number": say so, with the text.
        const source = showAt(data, parsed, path);
        return {
          ruleId: SCHEMA_WRONG_TYPE,
          severity: 'error',
          message: Number.isNaN(data)
            ? l10n.t('"{0}" must be {1}, not {2} ("not a number").', key, expectedType(expected), source)
            : l10n.t('"{0}" must be {1}, not {2}: too large to be a number.', key, expectedType(expected), source),
          range: valueRange(),
        };
      }
      return {
        ruleId: SCHEMA_WRONG_TYPE,
        severity: 'error',
        message: l10n.t('"{0}" must be {1}, not {2}.', key, expectedType(expected), typeName(data)),
        range: valueRange(),
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? closestWord(error.data, allowed) : undefined;
      if (suggestion) fix = { kind: 'replaceValue', replacement: suggestion };
      return {
        ruleId: SCHEMA_NOT_ALLOWED,
        severity: 'error',
        message: suggestion
          ? l10n.t('"{0}" is not a valid value for "{1}": did you mean "{2}"? Allowed: {3}.', show(error.data), key, suggestion, allowed.join(', '))
          : l10n.t('"{0}" is not a valid value for "{1}". Allowed: {2}.', show(error.data), key, allowed.join(', ')),
        range: valueRange(),
        fix,
      };
    }
    case 'const':
      return {
        ruleId: SCHEMA_NOT_ALLOWED,
        severity: 'error',
        message: l10n.t('"{0}" must be {1}.', key, JSON.stringify(params.allowedValue)),
        range: valueRange(),
        fix: { kind: 'replaceValue', replacement: String(params.allowedValue) },
      };
    case 'anyOf':
    case 'oneOf': {
      const allowed = allowedValues(error.schema ? ({ [error.keyword]: error.schema, examples: parentSchema?.examples } as SchemaNode) : parentSchema);
      const title = parentSchema?.title ? schemaText(String(parentSchema.title)) : key;
      return {
        ruleId: SCHEMA_NOT_ALLOWED,
        severity: 'error',
        message: l10n.t('"{0}" is not a valid {1} for "{2}". Allowed: {3}.', showAt(error.data, parsed, path), title, key, allowed.join(', ')),
        range: valueRange(),
      };
    }
    case 'format':
      return {
        ruleId: SCHEMA_BAD_FORMAT,
        severity: 'error',
        message:
          params.format === 'date'
            ? l10n.t('"{0}" must be a real date written YYYY-MM-DD (e.g. 2026-01-10), not "{1}".', key, show(error.data))
            : l10n.t('"{0}" must be in the {1} format, not "{2}".', key, String(params.format), show(error.data)),
        range: valueRange(),
      };
    case 'pattern': {
      const property = parentSchema ?? {};
      return {
        ruleId: SCHEMA_BAD_FORMAT,
        severity: 'error',
        message: l10n.t('"{0}" is not in the expected form for "{1}". {2}', show(error.data), key, firstSentence(property.description)).trim(),
        range: valueRange(),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        ruleId: SCHEMA_BAD_FORMAT,
        severity: 'error',
        message: l10n.t('"{0}" must be {1} {2}, not {3}.', key, String(params.comparison), String(params.limit), showAt(error.data, parsed, path)),
        range: valueRange(),
      };
    case 'minLength':
      return {
        ruleId: SCHEMA_BAD_FORMAT,
        severity: 'error',
        message: l10n.t('"{0}" must not be empty.', key),
        range: valueRange(),
      };
    case 'uniqueItems': {
      const j = Math.max(Number(params.i), Number(params.j));
      return {
        ruleId: SCHEMA_BAD_FORMAT,
        severity: 'error',
        message: l10n.t('"{0}" lists the same value twice: remove the repeated entry.', key),
        range: rangeOf(parsed, [...path, j], 'value') ?? valueRange(),
      };
    }
    default:
      return {
        ruleId: SCHEMA_BAD_FORMAT,
        severity: 'error',
        message: l10n.t('"{0}": {1}.', key, error.message ?? error.keyword),
        range: valueRange(),
      };
  }
}
