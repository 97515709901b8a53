// `{{...}}` placeholders in runbooks, in the editor: a hover with the inventory's value and where
// it comes from (or why it cannot be filled in), and "Insert Inventory Value" at the cursor.
// Both only read files: they work in untrusted workspaces.
import * as path from 'path';
import * as vscode from 'vscode';
import { PLACEHOLDERS, placeholderAt, placeholderDefinition, resolvePlaceholder, formatInventoryPath } from '../../core/runbook';
import type { PlaceholderResolution } from '../../core/runbook';
import { rangeOf } from '../../core/inventory/parse';
import type { InventoryPath } from '../../core/inventory/parse';
import { NOTEBOOK_TYPE } from './constants';
import { loadRunbookLink, runbookOf, type RunbookLink } from './linkedContext';

/** Notebook cells of runbooks, and runbooks opened as text. */
export const PLACEHOLDER_SELECTOR: vscode.DocumentSelector = [{ notebookType: NOTEBOOK_TYPE }, { pattern: '**/*.runbook.md' }];

/** A link to `path` in the inventory file (its line), for hovers. */
function inventoryLink(link: RunbookLink, where: InventoryPath): string | undefined {
  if (!link.inventoryUri) return undefined;
  const name = path.posix.basename(link.inventoryUri.path);
  const range = link.parsed && where.length > 0 ? rangeOf(link.parsed, where) : undefined;
  const target = range ? link.inventoryUri.with({ fragment: `L${range.start.line + 1},${range.start.character + 1}` }) : link.inventoryUri;
  return `[${name}](${target.toString()})`;
}

function code(text: string): string {
  // Enough backticks that the value's own never close the span.
  const run = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1;
  const fence = '`'.repeat(run);
  return `${fence}${run > 1 ? ' ' : ''}${text}${run > 1 ? ' ' : ''}${fence}`;
}

/** Plain text as Markdown (MarkdownString.appendText would also turn spaces into &nbsp;: no wrapping). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

export function hoverMarkdown(name: string, resolution: PlaceholderResolution, link: RunbookLink): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  md.isTrusted = false;
  const file = resolution.path ? inventoryLink(link, resolution.path) : link.inventoryUri ? inventoryLink(link, []) : undefined;
  if (resolution.resolved) {
    md.appendMarkdown(`${code(`{{${name}}}`)} = ${code(resolution.value)}\n\n`);
    md.appendMarkdown(vscode.l10n.t('From the inventory {0}, {1}', file ?? '', code(formatInventoryPath(resolution.path))));
  } else {
    md.appendMarkdown(`${code(`{{${name}}}`)}: ${vscode.l10n.t('not filled in from the inventory.')}\n\n`);
    // A name rdslic does not know is the problem (with its "did you mean"), inventory or not.
    const known = placeholderDefinition(name) !== undefined;
    md.appendMarkdown(escapeMarkdown(known && link.problem && !link.parsed ? link.problem : resolution.reason));
    if (file) md.appendMarkdown(`\n\n${vscode.l10n.t('Inventory: {0}', file)}`);
  }
  return md;
}

export class PlaceholderHoverProvider implements vscode.HoverProvider {
  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = doc.lineAt(position.line).text;
    const found = placeholderAt(line, position.character);
    if (!found || position.character === found.offset + found.length) return undefined;
    const runbook = runbookOf(doc);
    if (!runbook) return undefined;
    const link = await loadRunbookLink(runbook.uri, runbook.frontMatter);
    const resolution = resolvePlaceholder(found.name, link.context);
    const range = new vscode.Range(position.line, found.offset, position.line, found.offset + found.length);
    return new vscode.Hover(hoverMarkdown(found.name, resolution, link), range);
  }
}

export interface InsertValueArgs {
  /** Placeholder name (`server.serverId`); asked with a quick pick when absent. */
  placeholder?: string;
  /** Insert the `{{...}}` text instead of the value (default: the value when there is one). */
  insert?: 'value' | 'placeholder';
}

/**
 * "Insert Inventory Value": the value of a placeholder (or the placeholder itself when it has
 * none) at each cursor of the active cell or runbook editor. Resolves with the text inserted.
 */
export async function insertInventoryValue(args: InsertValueArgs = {}): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const runbook = editor && runbookOf(editor.document);
  if (!editor || !runbook) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Put the cursor in a runbook cell or a *.runbook.md editor first.'));
    return undefined;
  }
  const link = await loadRunbookLink(runbook.uri, runbook.frontMatter);
  let name = args.placeholder;
  if (name === undefined) {
    const picked = await vscode.window.showQuickPick(
      PLACEHOLDERS.map((p) => {
        const r = resolvePlaceholder(p.name, link.context);
        return {
          label: `{{${p.name}}}`,
          description: r.resolved ? r.value : vscode.l10n.t('(not in the inventory: inserts the placeholder)'),
          detail: r.resolved ? formatInventoryPath(r.path) : r.reason,
          name: p.name,
        };
      }),
      { title: vscode.l10n.t('Insert inventory value'), placeHolder: vscode.l10n.t('Choose the value to insert'), matchOnDescription: true },
    );
    if (!picked) return undefined;
    name = picked.name;
  }
  const resolution = resolvePlaceholder(name, link.context);
  const text = resolution.resolved && args.insert !== 'placeholder' ? resolution.value : `{{${name}}}`;
  const done = await editor.edit((edit) => editor.selections.forEach((s) => edit.replace(s, text)));
  return done ? text : undefined;
}
