// Completion in an inventory: keys allowed at the cursor and enum values (from the JSON
// Schema, with its descriptions), server names where a server is referred to, and snippets
// for a new license server, CAL pack, session host and migration. A `.rdslic.yaml` gets the
// keys and values of the config schema, and the rule ids under `rules:` (extraKeys).
import * as l10n from '@vscode/l10n';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
} from 'vscode-languageserver-types';
import { WINDOWS_VERSIONS } from '../domain/versions';
import type { PathSegment } from './ast';
import type { CompletionContext } from './completion-context';
import { enumValuesAt, propertiesAt, schemasAt, typesAt, type EnumValue, type JsonSchema } from './schema-nav';

/** A key the schema allows without naming it (a pattern or additionalProperties), e.g. a rule id. */
export interface KeySuggestion {
  name: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
}

export interface CompletionInputs {
  /** The document's JSON Schema: inventory or config (undefined: no key or enum completion). */
  schema?: JsonSchema;
  /** Keys to offer at a path besides the schema's named properties (the rule ids of a config's `rules:`). */
  extraKeys?: (path: readonly PathSegment[]) => KeySuggestion[];
  /** Server names defined in the workspace, and a one-line summary of each for the docs. */
  servers: { name: string; detail?: string }[];
  /** yyyy-mm-dd, for date placeholders in snippets. */
  today: string;
  /**
   * The client inserts snippets (`completionItem.snippetSupport`). When false, a snippet is
   * sent as plain text with each placeholder's default, so that no `${1:…}` lands in the file.
   */
  snippets?: boolean;
}

function pathIs(path: readonly PathSegment[], pattern: readonly PathSegment[]): boolean {
  return path.length === pattern.length && pattern.every((p, i) => (p === 0 ? typeof path[i] === 'number' : path[i] === p));
}

/** Places where the value is the name of a license server. */
export function isServerReferencePath(path: readonly PathSegment[]): boolean {
  return (
    pathIs(path, ['sessionHosts', 0, 'licenseServers', 0]) ||
    pathIs(path, ['migrations', 0, 'from']) ||
    pathIs(path, ['migrations', 0, 'to'])
  );
}

// ---- snippets ---------------------------------------------------------------------------

function escapeChoice(v: string): string {
  return v.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/** `${n|a,b,c|}` from the schema's enum at `path`, or a plain placeholder when it has none. */
function choice(schema: JsonSchema | undefined, path: PathSegment[], n: number, fallback: readonly string[]): string {
  const values = schema ? enumValuesAt(schema, path).map((e) => String(e.value)) : [];
  const list = values.length > 0 ? values : [...fallback];
  return choiceOf(list, n);
}

function choiceOf(list: readonly string[], n: number): string {
  return list.length > 0 ? `\${${n}|${list.map(escapeChoice).join(',')}|}` : `\${${n}}`;
}

interface SnippetDef {
  /** The sequence the snippet adds an item to. */
  list: PathSegment[];
  label: string;
  description: () => string;
  body: (inputs: CompletionInputs) => string[];
}

// Versions in a snippet: newest first, R2 releases written as YAML reads them back (quoted).
const VERSIONS_NEWEST_FIRST = [...WINDOWS_VERSIONS].reverse().map((v) => (v.includes(' ') ? `"${v}"` : v));

const SNIPPETS: SnippetDef[] = [
  {
    list: ['licenseServers'],
    label: 'license server',
    description: () => l10n.t('A license server with one CAL pack'),
    body: ({ schema, today }) => [
      'name: ${1:LICSRV01.contoso.local}',
      'serverId: "${2}"',
      `os: ${choiceOf(VERSIONS_NEWEST_FIRST, 3)}`,
      `status: ${choice(schema, ['licenseServers', 0, 'status'], 4, [])}`,
      `connectionMethod: ${choice(schema, ['licenseServers', 0, 'connectionMethod'], 5, [])}`,
      `activated: \${6:${today}}`,
      'publishedInAD: ${7|true,false|}',
      'packs:',
      `  - keyPackId: "\${8}"`,
      `    program: ${choice(schema, ['licenseServers', 0, 'packs', 0, 'program'], 9, [])}`,
      `    type: ${choice(schema, ['licenseServers', 0, 'packs', 0, 'type'], 10, [])}`,
      `    version: ${choiceOf(VERSIONS_NEWEST_FIRST, 11)}`,
      '    quantity: ${12:10}',
      `    installed: \${13:${today}}`,
    ],
  },
  {
    list: ['licenseServers', 0, 'packs'],
    label: 'CAL pack',
    description: () => l10n.t('A CAL pack installed on this license server'),
    body: ({ schema, today }) => [
      'keyPackId: "${1}"',
      `program: ${choice(schema, ['licenseServers', 0, 'packs', 0, 'program'], 2, [])}`,
      `type: ${choice(schema, ['licenseServers', 0, 'packs', 0, 'type'], 3, [])}`,
      `version: ${choiceOf(VERSIONS_NEWEST_FIRST, 4)}`,
      'quantity: ${5:10}',
      `installed: \${6:${today}}`,
      'evidence: "${7}"',
    ],
  },
  {
    list: ['sessionHosts'],
    label: 'session host',
    description: () => l10n.t('An RD Session Host and the license servers it uses'),
    body: ({ schema, servers, today }) => [
      'name: ${1:RDSH01.contoso.local}',
      `os: ${choiceOf(VERSIONS_NEWEST_FIRST, 2)}`,
      `licensingMode: ${choice(schema, ['sessionHosts', 0, 'licensingMode'], 3, [])}`,
      `licenseServers: [${servers.length > 0 ? choiceOf(servers.map((s) => s.name), 4) : '${4}'}]`,
      `configuredBy: ${choice(schema, ['sessionHosts', 0, 'configuredBy'], 5, [])}`,
      `joined: ${choice(schema, ['sessionHosts', 0, 'joined'], 6, [])}`,
      `deployed: \${7:${today}}`,
    ],
  },
  {
    list: ['migrations'],
    label: 'migration',
    description: () => l10n.t('CALs moved from one license server to another'),
    body: ({ schema, servers, today }) => {
      const names = servers.map((s) => s.name);
      return [
        `id: \${1:MIG-${today.slice(0, 4)}-01}`,
        `from: ${names.length > 0 ? choiceOf(names, 2) : '${2}'}`,
        `to: ${names.length > 0 ? choiceOf(names, 3) : '${3}'}`,
        `reason: ${choice(schema, ['migrations', 0, 'reason'], 4, [])}`,
        `method: ${choice(schema, ['migrations', 0, 'method'], 5, [])}`,
        `state: ${choice(schema, ['migrations', 0, 'state'], 6, [])}`,
        'licenses: ${7:1}', // the schema's minimum: at least one CAL moves
        `started: \${8:${today}}`,
      ];
    },
  },
];

/** A snippet as the plain text it inserts with every default taken (first choice, placeholder text). */
function snippetDefaults(snippet: string): string {
  const unescape = (v: string) => v.replace(/\\([\\$}|,])/g, '$1');
  return snippet
    .replace(/\$\{\d+\|((?:[^\\,|]|\\.)*)(?:,(?:[^\\|]|\\.)*)*\|\}/g, (_m, first: string) => unescape(first))
    .replace(/\$\{\d+:((?:[^\\}]|\\.)*)\}/g, (_m, text: string) => unescape(text))
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

/** The snippets that add to the sequence at `list`, when the document's schema has that sequence. */
function snippetsAt(schema: JsonSchema | undefined, list: readonly PathSegment[]): SnippetDef[] {
  return SNIPPETS.filter((s) => pathIs(list, s.list) && (!schema || schemasAt(schema, s.list).length > 0));
}

function snippetItems(ctx: CompletionContext, list: readonly PathSegment[], inputs: CompletionInputs, withDash: boolean): CompletionItem[] {
  const keyColumn = withDash ? ctx.column + 2 : ctx.column;
  return snippetsAt(inputs.schema, list).map((s) => {
    const [first, ...rest] = s.body(inputs);
    const snippet = [(withDash ? '- ' : '') + first, ...rest.map((l) => ' '.repeat(keyColumn) + l)].join('\n');
    const plain = inputs.snippets === false;
    const text = plain ? snippetDefaults(snippet) : snippet;
    return {
      label: s.label,
      kind: CompletionItemKind.Snippet,
      detail: s.description(),
      insertTextFormat: plain ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      // Indentation is computed here; clients must not re-indent the lines.
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: ctx.replaceRange, newText: text },
      filterText: ctx.prefix ? undefined : s.label,
      sortText: '0_' + s.label,
    };
  });
}

// ---- values and keys ---------------------------------------------------------------------

function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  // Plain when YAML reads it back as the same string; quoted otherwise ("2012 R2" is fine plain).
  return /^[A-Za-z][\w .-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}

function valueEdit(ctx: CompletionContext, text: string): { range: CompletionContext['replaceRange']; newText: string } {
  return { range: ctx.replaceRange, newText: (ctx.lead ?? '') + text };
}

/**
 * The values to offer at `path`: its enum values, and where a pattern allows more than the
 * enum lists (Windows versions: 2022 or "2012 R2"), the schema's examples too, in their order.
 */
function offeredValues(schema: JsonSchema, path: PathSegment[]): EnumValue[] {
  const values = enumValuesAt(schema, path);
  if (values.length === 0) return values;
  const examples = schemasAt(schema, path).flatMap((s) => s.examples ?? []);
  if (examples.length === 0) return values;
  const enumByKey = new Map(values.map((v) => [JSON.stringify(v.value), v]));
  const offered = new Map<string, EnumValue>();
  for (const value of examples) offered.set(JSON.stringify(value), enumByKey.get(JSON.stringify(value)) ?? { value });
  for (const [key, v] of enumByKey) if (!offered.has(key)) offered.set(key, v);
  return [...offered.values()];
}

function serverItems(ctx: CompletionContext, inputs: CompletionInputs): CompletionItem[] {
  return inputs.servers.map((s) => ({
    label: s.name,
    kind: CompletionItemKind.Reference,
    detail: s.detail ?? l10n.t('license server'),
    textEdit: valueEdit(ctx, s.name),
    sortText: '1_' + s.name,
  }));
}

function valueItems(ctx: CompletionContext, inputs: CompletionInputs): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (isServerReferencePath(ctx.path)) items.push(...serverItems(ctx, inputs));
  const schema = inputs.schema;
  if (!schema) return items;
  offeredValues(schema, ctx.path).forEach((e, i) => {
    const text = ctx.quoted ? String(e.value) : yamlScalar(e.value);
    items.push({
      label: String(e.value),
      kind: CompletionItemKind.EnumMember,
      documentation: e.description ? { kind: MarkupKind.Markdown, value: e.description } : undefined,
      textEdit: valueEdit(ctx, text),
      sortText: '2_' + String(i).padStart(3, '0'),
    });
  });
  if (items.length === 0 && typesAt(schema, ctx.path).has('boolean')) {
    for (const b of ['true', 'false']) items.push({ label: b, kind: CompletionItemKind.Value, textEdit: valueEdit(ctx, b) });
  }
  return items;
}

function extraKeyItems(ctx: CompletionContext, inputs: CompletionInputs): CompletionItem[] {
  return (inputs.extraKeys?.(ctx.path) ?? [])
    .filter((k) => !ctx.siblingKeys.has(k.name))
    .map((k, i) => ({
      label: k.name,
      kind: CompletionItemKind.Property,
      detail: k.detail,
      documentation: k.documentation ? { kind: MarkupKind.Markdown, value: k.documentation } : undefined,
      textEdit: { range: ctx.replaceRange, newText: `${k.name}: ` },
      // In the order given (the rule table's), after the schema's own keys.
      sortText: '5_' + String(i).padStart(4, '0'),
    }));
}

function keyItems(ctx: CompletionContext, schema: JsonSchema): CompletionItem[] {
  return propertiesAt(schema, ctx.path)
    .filter((p) => !ctx.siblingKeys.has(p.name))
    .map((p) => {
      const types = [p.schema.type ?? []].flat();
      const block = types.includes('object') || types.includes('array');
      return {
        label: p.name,
        kind: CompletionItemKind.Property,
        detail: p.doc.title,
        documentation: p.doc.description ? { kind: MarkupKind.Markdown, value: p.doc.description } : undefined,
        textEdit: { range: ctx.replaceRange, newText: block ? `${p.name}:` : `${p.name}: ` },
        // Required keys first, then in the schema's order.
        sortText: (p.required ? '3_' : '4_') + p.name,
      };
    });
}

function isSequenceAt(schema: JsonSchema | undefined, path: PathSegment[]): boolean {
  if (snippetsAt(schema, path).length > 0) return true;
  return !!schema && typesAt(schema, path).has('array') && !typesAt(schema, path).has('object');
}

export function completionItems(ctx: CompletionContext, inputs: CompletionInputs): CompletionItem[] {
  const { schema } = inputs;
  switch (ctx.slot) {
    case 'value':
      return valueItems(ctx, inputs);
    case 'newItem':
      return snippetItems(ctx, ctx.path, inputs, true);
    case 'key': {
      if (!ctx.hasDash && isSequenceAt(schema, ctx.path)) return snippetItems(ctx, ctx.path, inputs, true);
      const items: CompletionItem[] = [];
      const last = ctx.path[ctx.path.length - 1];
      if (ctx.hasDash && typeof last === 'number') {
        // Right after `- `: an item of the sequence; a scalar (server name, enum) or a map.
        if (isServerReferencePath(ctx.path) || (schema && enumValuesAt(schema, ctx.path).length > 0)) {
          return valueItems({ ...ctx, slot: 'value' }, inputs);
        }
        if (ctx.siblingKeys.size === 0) items.push(...snippetItems(ctx, ctx.path.slice(0, -1), inputs, false));
      }
      if (schema) items.push(...keyItems(ctx, schema));
      items.push(...extraKeyItems(ctx, inputs));
      return items;
    }
  }
}
