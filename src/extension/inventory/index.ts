// The inventory side of the extension: language client (lazy), status bar, commands.
import * as vscode from 'vscode';
import type { RdslicApi } from '../api';
import { LazyLanguageClient } from './client';
import { isInventoryDocument, isRunbookDocument, workspaceHasInventory } from './detect';
import { WorkspaceLinter } from './lint-workspace';
import { newInventoryFromTemplate, type NewInventoryArgs } from './new-inventory';
import { ReportPanels } from './report-view';
import { showRuleDocumentation } from './rule-docs';
import { InventoryStatusBar } from './status-bar';

export interface InventoryFeatures {
  client: LazyLanguageClient;
  api: Omit<RdslicApi, 'activation' | 'runbook'>;
}

/** Registers everything on `context.subscriptions`; `activatedAt` is `performance.now()` at activation. */
export function registerInventoryFeatures(context: vscode.ExtensionContext, activatedAt: number): InventoryFeatures {
  const output = vscode.window.createOutputChannel('rdslic', { log: true });
  const client = new LazyLanguageClient(context, output, activatedAt);
  const statusBar = new InventoryStatusBar(client);
  const linter = new WorkspaceLinter(context);
  const reports = new ReportPanels();
  context.subscriptions.push(output, client, statusBar, linter, reports);

  // Start the server only once there is an inventory (or a runbook) to serve.
  const startFor = (doc: vscode.TextDocument) => {
    if (!client.started && (isInventoryDocument(doc) || isRunbookDocument(doc))) void client.ensureStarted().then(() => statusBar.refresh());
  };
  vscode.workspace.textDocuments.forEach(startFor);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startFor),
    // A plain YAML file becomes an inventory when its `kind:` line is typed.
    vscode.workspace.onDidChangeTextDocument((e) => startFor(e.document)),
  );
  const workspaceScanned = workspaceHasInventory().then(
    (has) => {
      if (has) void client.ensureStarted();
    },
    () => undefined,
  );
  void statusBar.refresh();

  context.subscriptions.push(
    vscode.commands.registerCommand('rdslic.newInventory', (args?: NewInventoryArgs) => newInventoryFromTemplate(args)),
    vscode.commands.registerCommand('rdslic.lintWorkspace', async () => {
      const result = await linter.lint();
      if (!result) return undefined;
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(
        vscode.l10n.t('rdslic: {0} errors and {1} warnings in {2} files not open in an editor.', result.errors, result.warnings, result.files),
      );
      return result;
    }),
    vscode.commands.registerCommand('rdslic.showRuleDocumentation', (ruleId?: string) => showRuleDocumentation(context, ruleId)),
    vscode.commands.registerCommand('rdslic.restartServer', () => client.restart()),
    vscode.commands.registerCommand('rdslic.showReport', async () => {
      await reports.show();
    }),
  );

  return {
    client,
    api: {
      isClientStarted: () => client.started,
      whenWorkspaceScanned: () => workspaceScanned,
      whenClientReady: async () => {
        await client.ensureStarted();
      },
      summaryText: () => statusBar.text,
      onDidChangeSummary: statusBar.onDidChange,
      refreshSummary: () => statusBar.refresh(),
      report: { html: (uri) => reports.html(uri), onDidRender: reports.onDidRender },
    },
  };
}
