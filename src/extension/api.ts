// What `activate` returns: other extensions and the extension tests read it through
// `vscode.extensions.getExtension('rdslic.rdslic').exports`.
import type * as vscode from 'vscode';
import type { RunbookFeatures } from './runbook';

export interface ActivationTimes {
  /** Milliseconds the host spent evaluating the extension bundle before `activate`. */
  loadMs: number;
  /** Milliseconds spent in `activate` (what VS Code waits for). */
  activateMs: number;
  /** Milliseconds from the start of `activate` to a running language client; undefined until then. */
  clientReadyMs?: number;
}

export interface RdslicApi {
  readonly activation: ActivationTimes;
  /** True once the language client has been asked to start (an inventory was seen). */
  isClientStarted(): boolean;
  /** Resolves once the workspace was searched for inventories at activation (and the client started if one was found). */
  whenWorkspaceScanned(): Promise<void>;
  /** Starts the language client if needed and resolves once it is running. */
  whenClientReady(): Promise<void>;
  /** Text of the inventory status bar item, or undefined while it is hidden. */
  summaryText(): string | undefined;
  /** Fires after each refresh of the status bar item, with its text (undefined: hidden). */
  readonly onDidChangeSummary: vscode.Event<string | undefined>;
  /** Resolves after the status bar has been refreshed for the active editor. */
  refreshSummary(): Promise<void>;
  /** "Show Report" panels: the HTML each shows (a webview's content cannot be read from outside). */
  readonly report: {
    /** HTML last rendered for this inventory's panel, or undefined when it has none. */
    html(uri: vscode.Uri | string): string | undefined;
    /** Fires after a report panel is (re)built, with the inventory's URI and the HTML. */
    readonly onDidRender: vscode.Event<{ uri: string; html: string }>;
  };
  /** Runbook notebooks: progress, views, step toggling, the cell runner (see src/extension/runbook). */
  readonly runbook: RunbookFeatures;
}
