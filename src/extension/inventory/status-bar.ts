// Status bar item for the active inventory: CAL, server and host counts with its problems,
// from the server's `rdslic/summary` request. Hidden whenever the active editor is not an
// inventory. Refreshed when the active editor changes and when its diagnostics change (the
// server re-lints after each edit, so diagnostics arrive after the new text is analysed), and
// when an edit makes the active file start or stop being an inventory (its kind line typed or
// deleted), which may change no diagnostic at all.
import * as vscode from 'vscode';
import type { LazyLanguageClient } from './client';
import { isInventoryDocument } from './detect';

/** Answer of `rdslic/summary` (see src/server/server.ts). */
interface InventorySummary {
  cals: number;
  servers: number;
  hosts: number;
  byVersionAndType: { version: string; type: string; quantity: number }[];
  errors: number;
  warnings: number;
}

const SUMMARY_REQUEST = 'rdslic/summary';

/** Pause in typing before an edit is looked at (the check is a line test; a refresh is a request). */
const EDIT_DEBOUNCE_MS = 150;

export function summaryLabel(s: InventorySummary): string {
  const parts = [
    vscode.l10n.t('{0} CALs', s.cals),
    s.servers === 1 ? vscode.l10n.t('1 server') : vscode.l10n.t('{0} servers', s.servers),
    s.hosts === 1 ? vscode.l10n.t('1 host') : vscode.l10n.t('{0} hosts', s.hosts),
  ];
  let text = `$(law) ${parts.join(' · ')}`;
  if (s.errors > 0 || s.warnings > 0) text += ` $(error) ${s.errors} $(warning) ${s.warnings}`;
  return text;
}

function summaryTooltip(s: InventorySummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString(`**${vscode.l10n.t('RDS licensing inventory')}**\n\n`);
  if (s.byVersionAndType.length > 0) {
    md.appendMarkdown(`| ${vscode.l10n.t('CAL version')} | ${vscode.l10n.t('type')} | ${vscode.l10n.t('CALs')} |\n|---|---|---:|\n`);
    for (const t of s.byVersionAndType) md.appendMarkdown(`| ${t.version} | ${t.type} | ${t.quantity} |\n`);
    md.appendMarkdown('\n');
  }
  md.appendMarkdown(vscode.l10n.t('{0} errors, {1} warnings. Click to show the Problems view.', s.errors, s.warnings));
  return md;
}

export class InventoryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rdslic.summary', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Bumped on each refresh, so that a slow answer for an older editor is dropped. */
  private generation = 0;
  private visibleText: string | undefined;
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires with the new text (undefined: hidden) each time the item is refreshed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LazyLanguageClient) {
    this.item.name = vscode.l10n.t('rdslic inventory summary');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || e.document !== vscode.window.activeTextEditor?.document) return;
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => this.followEdit(e.document), EDIT_DEBOUNCE_MS);
      }),
    );
  }

  /**
   * After edits to the active document: refresh when what is shown no longer fits it (an
   * inventory's item is visible, or not). The counts of an inventory that stays one follow its
   * diagnostics, which the server publishes after analysing the edit.
   */
  private followEdit(doc: vscode.TextDocument): void {
    this.editTimer = undefined;
    if (doc !== vscode.window.activeTextEditor?.document) return;
    if (isInventoryDocument(doc) !== (this.visibleText !== undefined)) void this.refresh();
  }

  get text(): string | undefined {
    return this.visibleText;
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isInventoryDocument(doc)) {
      this.hide();
      return;
    }
    let summary: InventorySummary | null = null;
    try {
      const client = await this.client.ensureStarted();
      summary = await client.sendRequest<InventorySummary | null>(SUMMARY_REQUEST, { uri: doc.uri.toString() });
    } catch {
      summary = null; // server not running: nothing to show
    }
    if (generation !== this.generation) return;
    if (!summary) {
      this.hide();
      return;
    }
    this.visibleText = summaryLabel(summary);
    this.item.text = this.visibleText;
    this.item.tooltip = summaryTooltip(summary);
    this.item.show();
    this.changed.fire(this.visibleText);
  }

  private hide(): void {
    this.visibleText = undefined;
    this.item.hide();
    this.changed.fire(undefined);
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    this.item.dispose();
    this.changed.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
