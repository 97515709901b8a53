// Hover in an inventory: what the key or value under the cursor means according to the
// schema, what it means in the domain (registry values, CAL compatibility), and for server
// names the CALs the server holds. A `.rdslic.yaml` gets the same over the config schema.
import * as l10n from '@vscode/l10n';
import { isScalar, type Node } from 'yaml';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Position } from '../findings';
import { nodeAt, type PathSegment } from './ast';
import type { InventoryNodes } from './inventory-nodes';
import { fileName, serverNameAt } from './navigation';
import { docAt, enumValuesAt, type JsonSchema } from './schema-nav';
import { calTotals, type CalTotal, type ServerNameIndex } from './server-index';
import { offsetAt, rangeAt, type ParsedYaml } from './yaml-text';

/** Domain meaning of a value at a path (Markdown), e.g. the registry value of a licensing mode. */
export type DomainExplainer = (path: readonly PathSegment[], value: unknown) => string | undefined;

export interface HoverInputs {
  parsed: ParsedYaml;
  /** The inventory's parts, for server names (undefined in a config file: no servers). */
  nodes?: InventoryNodes;
  /** The document's JSON Schema: inventory or config. */
  schema?: JsonSchema;
  index?: ServerNameIndex;
  explain?: DomainExplainer;
}

export function totalsMarkdown(totals: CalTotal[]): string {
  if (totals.length === 0) return l10n.t('No CAL packs.');
  const sum = totals.reduce((n, t) => n + t.quantity, 0);
  const rows = totals.map((t) => `| ${t.version} | ${t.type} | ${t.quantity} |`);
  return [l10n.t('{0} CALs:', sum), '', `| ${l10n.t('version')} | ${l10n.t('type')} | ${l10n.t('quantity')} |`, '|---|---|---:|', ...rows].join('\n');
}

function serverHover(inputs: HoverInputs, position: Position): string | undefined {
  const nodes = inputs.nodes;
  const at = nodes ? serverNameAt(nodes, position) : undefined;
  if (!nodes || !at) return undefined;
  if (at.isDefinition) {
    const server = nodes.servers.find((s) => s.nameRange === at.range);
    const totals = calTotals(server?.packs ?? []);
    return `**${l10n.t('License server')}** \`${at.name}\`\n\n${totalsMarkdown(totals)}`;
  }
  const definitions = inputs.index?.definitions(at.name) ?? [];
  if (definitions.length === 0) return `**${l10n.t('License server')}** \`${at.name}\`\n\n${l10n.t('No license server with this name is defined in the workspace inventories.')}`;
  return definitions
    .map((d) => `**${l10n.t('License server')}** \`${d.name}\` — ${fileName(d.uri)}:${d.range.start.line + 1}\n\n${totalsMarkdown(d.totals)}`)
    .join('\n\n---\n\n');
}

function pathLabel(path: readonly PathSegment[]): string {
  return path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.').replace(/\.\[\]/g, '[]');
}

export function hover(inputs: HoverInputs, position: Position): Hover | null {
  const { parsed, schema } = inputs;
  const offset = offsetAt(parsed, position);
  const at = nodeAt(parsed.doc, offset);
  if (!at.node || at.path.length === 0) return null;
  const sections: string[] = [];
  const schemaPath = at.path.map((p) => (typeof p === 'number' ? 0 : p));
  if (schema) {
    const doc = docAt(schema, schemaPath);
    const head = doc.title ? `**${doc.title}** · \`${pathLabel(at.path)}\`` : `\`${pathLabel(at.path)}\``;
    if (doc.title || doc.description) sections.push(doc.description ? `${head}\n\n${doc.description}` : head);
  }
  const value = !at.onKey && isScalar(at.node) ? at.node.value : undefined;
  if (schema && value !== undefined && value !== null) {
    const described = enumValuesAt(schema, schemaPath).find((e) => String(e.value) === String(value));
    if (described?.description) sections.push(`\`${String(value)}\`: ${described.description}`);
  }
  const server = serverHover(inputs, position);
  if (server) sections.push(server);
  if (inputs.explain) {
    const domain = inputs.explain(schemaPath, at.onKey ? undefined : value);
    if (domain) sections.push(domain);
  }
  if (sections.length === 0) return null;
  const r = (at.node as Node).range ?? [offset, offset];
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: rangeAt(parsed, r[0], r[1]) };
}
