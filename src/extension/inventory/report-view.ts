// "rdslic: Show Report": the page `rdslic report --format html` writes, for the active
// inventory, in a webview beside it. The core builds it from the editor's text (unsaved edits
// included) with the `.rdslic.yaml` rules the CLI would use, plus the editor's `rdslic.rules`
// as the Problems view has them. One panel per inventory; it follows edits (debounced), saves,
// and is rebuilt when it becomes visible again (a `.rdslic.yaml` may have changed meanwhile).
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { ConfigLoader } from '../../core/config';
import { editorRuleSettings } from '../../core/config/editor-settings';
import { todayUtc } from '../../core/domain/dates';
import { buildReport, renderHtml } from '../../core/report';
import { isInventoryDocument } from './detect';

export const REPORT_VIEW_TYPE = 'rdslic.report';
/** Context key for `when` clauses: the active editor holds an inventory. */
export const INVENTORY_ACTIVE_CONTEXT = 'rdslic.activeEditorIsInventory';
const EDIT_DEBOUNCE_MS = 300;

export interface ReportRender {
  /** The inventory's URI, as a string. */
  uri: string;
  html: string;
}

/**
 * The report's HTML for one document: same inputs as `rdslic report FILE --format html`.
 * `loader` caches the `.rdslic.yaml` files between rebuilds (cleared when one may have changed).
 */
export function reportHtml(doc: vscode.TextDocument, nonce: string, loader: ConfigLoader): string {
  const rules = doc.uri.scheme === 'file' ? loader.forFile(doc.uri.fsPath).rules : {};
  const editorRules = editorRuleSettings(vscode.workspace.getConfiguration('rdslic', doc.uri).get('rules'));
  const file = vscode.workspace.asRelativePath(doc.uri, false);
  const data = buildReport([{ file, text: doc.getText(), rules: { ...rules, ...editorRules } }], todayUtc());
  return renderHtml(data, { styleNonce: nonce });
}

class ReportPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly uri: vscode.Uri,
    private readonly loader: ConfigLoader,
    private readonly rendered: (render: ReportRender) => void,
    onDispose: () => void,
  ) {
    const name = uri.path.split('/').pop() ?? uri.path;
    this.panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('Report: {0}', name), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: false,
      enableForms: false,
      localResourceRoots: [],
    });
    this.subscriptions.push(
      this.panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) return;
        this.loader.clear(); // a .rdslic.yaml may have changed while the panel was hidden
        void this.refresh();
      }),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  /** Rebuild after edits stop for a moment. */
  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), EDIT_DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let doc: vscode.TextDocument;
    try {
      // The open document (with unsaved edits) if there is one, else the file on disk.
      doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString()) ?? (await vscode.workspace.openTextDocument(this.uri));
    } catch {
      return; // gone (an untitled file closed, a file deleted): keep the last report
    }
    if (this.disposed) return; // closed while the file was read
    const html = reportHtml(doc, crypto.randomBytes(16).toString('base64'), this.loader);
    this.panel.webview.html = html;
    this.rendered({ uri: this.uri.toString(), html });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.subscriptions.forEach((d) => d.dispose());
    this.subscriptions.length = 0;
  }
}

export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, ReportPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<ReportRender>();
  private readonly lastHtml = new Map<string, string>();
  /** Fires each time a report panel is (re)built. */
  readonly onDidRender = this.renderedEmitter.event;
  private inventoryActive: boolean | undefined;
  private contextTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly loader = new ConfigLoader();

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.panels.get(e.document.uri.toString())?.refreshSoon();
        // Typing may add or remove the kind line; checked once edits pause, not per keystroke.
        if (e.document !== vscode.window.activeTextEditor?.document) return;
        clearTimeout(this.contextTimer);
        this.contextTimer = setTimeout(() => this.updateContext(), EDIT_DEBOUNCE_MS);
      }),
      // A save (of an inventory or of a .rdslic.yaml) is when the configuration is read again;
      // rebuilds while typing reuse it.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        this.loader.clear();
        void this.panels.get(doc.uri.toString())?.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
    );
    this.updateContext();
  }

  /** Shows (or reveals) the report of `doc`, by default the active editor's inventory. */
  async show(doc = vscode.window.activeTextEditor?.document): Promise<vscode.WebviewPanel | undefined> {
    if (!doc || !isInventoryDocument(doc)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('rdslic: open an inventory (*.rdslic.yaml) to see its report.'));
      return undefined;
    }
    const key = doc.uri.toString();
    let entry = this.panels.get(key);
    if (entry) entry.panel.reveal(undefined, true);
    else {
      entry = new ReportPanel(doc.uri, this.loader, (r) => this.rendered(r), () => {
        this.panels.delete(key);
        this.lastHtml.delete(key);
      });
      this.panels.set(key, entry);
    }
    await entry.refresh();
    return entry.panel;
  }

  /** The HTML last shown for an inventory (tests read it: a webview's content is out of reach). */
  html(uri: vscode.Uri | string): string | undefined {
    return this.lastHtml.get(uri.toString());
  }

  private rendered(render: ReportRender): void {
    this.lastHtml.set(render.uri, render.html);
    this.renderedEmitter.fire(render);
  }

  private updateContext(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const active = !!doc && isInventoryDocument(doc);
    if (active === this.inventoryActive) return;
    this.inventoryActive = active;
    void vscode.commands.executeCommand('setContext', INVENTORY_ACTIVE_CONTEXT, active);
  }

  dispose(): void {
    clearTimeout(this.contextTimer);
    for (const entry of [...this.panels.values()]) entry.panel.dispose();
    this.panels.clear();
    this.subscriptions.forEach((d) => d.dispose());
    this.renderedEmitter.dispose();
  }
}
