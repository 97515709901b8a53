// Quick fixes from the fix hints that findings carry (LSP diagnostic `data`), plus a
// suppression comment for any rdslic diagnostic. Edits are computed from the document text
// and its parse, never by re-running rules.
import * as l10n from '@vscode/l10n';
import { isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { FixHint, Range } from '../findings';
import { keyName, pairOf, type PathSegment } from './ast';
import { definitionsElsewhere } from './defined-elsewhere';
import { enumValuesAt, propertiesAt, typesAt, type JsonSchema } from './schema-nav';
import type { ServerNameIndex } from './server-index';
import { lineStartOffset, offsetAt, positionAt, type ParsedYaml } from './yaml-text';

export const DIAGNOSTIC_SOURCE = 'rdslic';

function isFixHint(data: unknown): data is FixHint {
  return !!data && typeof data === 'object' && typeof (data as FixHint).kind === 'string';
}

function lineIndent(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
}

function lineStart(parsed: ParsedYaml, line: number): number {
  return lineStartOffset(parsed, line);
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Insert `- name: NAME` at the end of `licenseServers`, with the indentation its items use. */
export function addServerStubEdit(parsed: ParsedYaml, name: string): TextEdit {
  const { text } = parsed;
  const nl = eol(text);
  const root = parsed.doc.contents;
  const pair = isMap(root) ? pairOf(root, 'licenseServers') : undefined;
  const at = (offset: number) => ({ start: positionAt(parsed, offset), end: positionAt(parsed, offset) });
  if (!pair) {
    const end = text.length;
    const prefix = end > 0 && !text.endsWith('\n') ? nl : '';
    return { range: at(end), newText: `${prefix}licenseServers:${nl}  - name: ${name}${nl}` };
  }
  const seq = pair.value as Node | null;
  if (isSeq(seq) && seq.flow) {
    const close = (seq.range?.[1] ?? 1) - 1; // the `]`
    return { range: at(close), newText: `${seq.items.length > 0 ? ', ' : ''}{ name: ${name} }` };
  }
  if (isSeq(seq) && seq.items.length > 0) {
    const first = seq.items[0] as Node;
    const firstStart = first.range?.[0] ?? 0;
    const firstLineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const dash = text.lastIndexOf('-', firstStart);
    const dashColumn = dash >= firstLineStart ? dash - firstLineStart : 2;
    const last = seq.items[seq.items.length - 1] as Node;
    // Insert at the start of the line after the last item's content (comments after it stay put).
    const lastEnd = last.range?.[1] ?? firstStart;
    const endLine = positionAt(parsed, Math.max(lastEnd - 1, 0)).line;
    const insertAt = lineStart(parsed, endLine + 1);
    const prefix = insertAt >= text.length && !text.endsWith('\n') ? nl : '';
    return { range: at(insertAt), newText: `${prefix}${' '.repeat(dashColumn)}- name: ${name}${nl}` };
  }
  // `licenseServers:` with no value: put the item on the next line.
  const keyStart = (pair.key as Node | null)?.range?.[0] ?? 0;
  const keyLine = positionAt(parsed, keyStart).line;
  const indent = lineIndent(text, lineStart(parsed, keyLine)).length;
  const insertAt = lineStart(parsed, keyLine + 1);
  const prefix = insertAt >= text.length && !text.endsWith('\n') ? nl : '';
  return { range: at(insertAt), newText: `${prefix}${' '.repeat(indent + 2)}- name: ${name}${nl}` };
}

/** A value that fits the schema at `path` well enough to start from. */
function placeholderValue(schema: JsonSchema, path: PathSegment[]): string {
  const values = enumValuesAt(schema, path);
  if (values.length > 0) return typeof values[0].value === 'string' ? values[0].value : JSON.stringify(values[0].value);
  const types = typesAt(schema, path);
  if (types.has('array')) return '[]';
  if (types.has('object')) return '{}';
  if (types.has('boolean')) return 'false';
  if (types.has('integer') || types.has('number')) return '0';
  return '""';
}

/** Maps whose findings are placed at `offset`: a list item starting there, or the value of a key there. */
function mapsAt(node: unknown, offset: number, path: PathSegment[], out: { map: YAMLMap; path: PathSegment[] }[]): void {
  if (isMap(node)) {
    if (node.range?.[0] === offset && !node.flow) out.push({ map: node, path });
    for (const pair of node.items) {
      const key = keyName(pair);
      const value = pair.value as Node | null;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      if (keyStart === offset && isMap(value) && !value.flow) out.push({ map: value, path: [...path, key] });
      const r = value?.range;
      if (r && r[0] <= offset && offset <= r[2]) mapsAt(value, offset, [...path, key], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const r = (item as Node | null)?.range;
      if (r && r[0] <= offset && offset <= r[2]) mapsAt(item, offset, [...path, i], out);
    });
  }
}

/** Adds `key: value` as the last entry of the map the finding is about, at its indentation. */
export function addKeyEdit(parsed: ParsedYaml, schema: JsonSchema, range: Range, key: string): TextEdit | undefined {
  const candidates: { map: YAMLMap; path: PathSegment[] }[] = [];
  mapsAt(parsed.doc.contents, offsetAt(parsed, range.start), [], candidates);
  const schemaPath = (p: PathSegment[]) => p.map((x) => (typeof x === 'number' ? 0 : x));
  const target = candidates.find(
    (c) => !pairOf(c.map, key) && propertiesAt(schema, schemaPath(c.path)).some((prop) => prop.name === key),
  );
  if (!target || target.map.items.length === 0) return undefined;
  const column = positionAt(parsed, target.map.range?.[0] ?? 0).character;
  const last = target.map.items[target.map.items.length - 1];
  const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node | null)?.range ?? [0, 0])[1];
  const endLine = positionAt(parsed, Math.max(lastEnd - 1, 0)).line;
  const insertAt = lineStartOffset(parsed, endLine + 1);
  const nl = eol(parsed.text);
  const prefix = insertAt >= parsed.text.length && !parsed.text.endsWith('\n') ? nl : '';
  const position = positionAt(parsed, insertAt);
  const value = placeholderValue(schema, [...schemaPath(target.path), key]);
  return { range: { start: position, end: position }, newText: `${prefix}${' '.repeat(column)}${key}: ${value}${nl}` };
}

/** `# rdslic-disable-next-line RULE` above the diagnostic's first line, at that line's indentation. */
export function suppressionEdit(parsed: ParsedYaml, line: number, ruleId: string): TextEdit {
  const start = lineStart(parsed, line);
  const indent = lineIndent(parsed.text, start);
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# rdslic-disable-next-line ${ruleId}${eol(parsed.text)}` };
}

/** The title of the quick fix a fix hint offers ("Replace the secret with …"). */
export function fixTitle(hint: FixHint): string {
  const value = hint.replacement ?? '';
  switch (hint.kind) {
    case 'normalizeId':
      return l10n.t('Normalise the identifier to {0}', value);
    case 'setLicensingMode':
      return l10n.t('Set the licensing mode to {0}', value);
    case 'maskSecret':
      return l10n.t('Replace the secret with {0}', value);
    case 'renameKey':
      return l10n.t('Rename the key to {0}', value);
    case 'replaceValue':
      return l10n.t('Change the value to {0}', value);
    case 'quoteValue':
      return l10n.t('Put the value in quotes: {0}', value);
    case 'renamePlaceholder':
      return l10n.t('Change the placeholder to {0}', value);
    default:
      return l10n.t('Replace with {0}', value);
  }
}

function serverNameOf(hint: FixHint, parsed: ParsedYaml, range: Range): string | undefined {
  for (const key of ['name', 'server', 'serverName']) if (typeof hint[key] === 'string' && hint[key]) return hint[key] as string;
  if (hint.replacement) return hint.replacement;
  const from = offsetAt(parsed, range.start);
  const to = offsetAt(parsed, range.end);
  const written = parsed.text.slice(from, to).replace(/^["']|["']$/g, '').trim();
  return written || undefined;
}

/**
 * `schema`: the inventory schema, for the value a missing key gets (first enum value...).
 * `index`: the workspace's servers; a server another inventory file defines gets no stub here
 * (it would be a second copy; the diagnostic's related information points at the first).
 */
export function codeActions(uri: string, parsed: ParsedYaml, diagnostics: readonly Diagnostic[], schema?: JsonSchema, index?: ServerNameIndex): CodeAction[] {
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const hint = diagnostic.data;
    if (isFixHint(hint)) {
      let edit: TextEdit | undefined;
      let title = fixTitle(hint);
      if (hint.kind === 'addKey' && typeof hint.key === 'string' && schema) {
        edit = addKeyEdit(parsed, schema, hint.range ?? diagnostic.range, hint.key);
        title = l10n.t('Add the missing key {0}', hint.key);
      } else if (hint.kind === 'addServerStub') {
        const name = serverNameOf(hint, parsed, hint.range ?? diagnostic.range);
        if (name && !(index && definitionsElsewhere(index, uri, name).length > 0)) {
          edit = addServerStubEdit(parsed, name);
          title = l10n.t('Add license server {0} to licenseServers', name);
        }
      } else if (typeof hint.replacement === 'string') {
        edit = { range: hint.range ?? diagnostic.range, newText: hint.replacement };
      }
      if (edit) {
        fixes.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: [edit] } } });
      }
    }
    const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    const key = `${rule}@${diagnostic.range.start.line}`;
    if (rule && !suppressed.has(key)) {
      suppressed.add(key);
      suppressions.push({
        title: l10n.t('Disable {0} for this line', rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [suppressionEdit(parsed, diagnostic.range.start.line, rule)] } },
      });
    }
  }
  return [...fixes, ...suppressions];
}
