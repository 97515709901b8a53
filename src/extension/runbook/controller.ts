// The notebook controller: runs code cells of runbooks, in a trusted workspace only. The
// decision and the messages live here; how a language is run lives in cellRunner.ts.
import * as vscode from 'vscode';
import path from 'node:path';
import { CONTROLLER_ID, NOTEBOOK_TYPE } from './constants';
import { planCellRun, runPlan, PlanResult } from './cellRunner';
import { cellInfoString } from './serializer';

/**
 * Why a cell may not run, or undefined when it may. Workspace trust is the only gate: the
 * runbook's text is never executed by anything but an explicit run in a trusted workspace.
 */
export function refusalToRun(isTrusted: boolean): string | undefined {
  if (isTrusted) return undefined;
  return vscode.l10n.t(
    'Running runbook cells is disabled in Restricted Mode. Trust this workspace (Workspaces: Manage Workspace Trust) to run cells; nothing was executed.',
  );
}

function planMessage(result: Exclude<PlanResult, { kind: 'plan' }>): string {
  if (result.kind === 'unsupported-language') {
    return vscode.l10n.t(
      "Cells in '{0}' cannot be run: rdslic runs PowerShell, shell (sh, bash) and, on Windows, cmd cells.",
      result.languageId,
    );
  }
  return vscode.l10n.t(
    "No interpreter for '{0}' cells on this machine (looked for: {1}).",
    result.languageId,
    result.tried.join(', '),
  );
}

function errorOutput(message: string): vscode.NotebookCellOutput {
  const error = new Error(message);
  error.name = 'rdslic';
  error.stack = undefined;
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(error)]);
}

function workingDirectory(notebook: vscode.NotebookDocument): string | undefined {
  if (notebook.uri.scheme === 'file') return path.dirname(notebook.uri.fsPath);
  const folder = vscode.workspace.getWorkspaceFolder(notebook.uri) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

export class RunbookController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private executionOrder = 0;

  constructor() {
    this.controller = vscode.notebooks.createNotebookController(
      CONTROLLER_ID,
      NOTEBOOK_TYPE,
      vscode.l10n.t('Runbook shell'),
      (cells, notebook) => this.executeCells(cells, notebook),
    );
    this.controller.description = vscode.l10n.t('Runs PowerShell and shell cells on this machine');
    this.controller.supportsExecutionOrder = true;
    // The only kernel that knows runbooks: offer it first for every runbook.
    const prefer = (notebook: vscode.NotebookDocument) => {
      if (notebook.notebookType === NOTEBOOK_TYPE) this.controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
    };
    vscode.workspace.notebookDocuments.forEach(prefer);
    this.subscription = vscode.workspace.onDidOpenNotebookDocument(prefer);
  }

  private readonly subscription: vscode.Disposable;

  private async executeCells(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    for (const cell of cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code) continue;
      const ok = await this.executeCell(cell, notebook);
      // Like a procedure on paper: a failed step stops the ones after it.
      if (!ok) break;
    }
  }

  /** Runs one cell; resolves to its success. */
  async executeCell(cell: vscode.NotebookCell, notebook: vscode.NotebookDocument): Promise<boolean> {
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++this.executionOrder;
    execution.start(Date.now());
    await execution.clearOutput();

    const refusal = refusalToRun(vscode.workspace.isTrusted);
    if (refusal) {
      await execution.replaceOutput(errorOutput(refusal));
      execution.end(false, Date.now());
      return false;
    }
    const result = planCellRun(cell.document.languageId, cellInfoString(cell), cell.document.getText());
    if (result.kind !== 'plan') {
      await execution.replaceOutput(errorOutput(planMessage(result)));
      execution.end(false, Date.now());
      return false;
    }

    const abort = new AbortController();
    const cancellation = execution.token.onCancellationRequested(() => abort.abort());
    const streams = { stdout: '', stderr: '' };
    const output = new vscode.NotebookCellOutput([]);
    await execution.replaceOutput(output);
    // Outputs are replaced as a whole on each chunk: one stdout and one stderr item that grow.
    let pending = Promise.resolve();
    const show = () => {
      const items: vscode.NotebookCellOutputItem[] = [];
      if (streams.stdout) items.push(vscode.NotebookCellOutputItem.stdout(streams.stdout));
      if (streams.stderr) items.push(vscode.NotebookCellOutputItem.stderr(streams.stderr));
      pending = pending.then(() => execution.replaceOutputItems(items, output)).catch(() => undefined);
    };
    try {
      const run = await runPlan(result.plan, {
        cwd: workingDirectory(notebook),
        signal: abort.signal,
        onStdout: (text) => {
          streams.stdout += text;
          show();
        },
        onStderr: (text) => {
          streams.stderr += text;
          show();
        },
      });
      await pending;
      if (run.spawnError) {
        await execution.appendOutput(errorOutput(vscode.l10n.t('Could not start {0}: {1}', result.plan.executable, run.spawnError)));
      } else if (run.cancelled) {
        await execution.appendOutput(errorOutput(vscode.l10n.t('Cancelled: the process was stopped.')));
      } else if (run.exitCode !== 0) {
        await execution.appendOutput(
          errorOutput(
            run.exitCode === null
              ? vscode.l10n.t('The process ended on signal {0}.', String(run.signal))
              : vscode.l10n.t('The process exited with code {0}.', run.exitCode),
          ),
        );
      }
      const success = !run.spawnError && !run.cancelled && run.exitCode === 0;
      execution.end(success, Date.now());
      return success;
    } finally {
      cancellation.dispose();
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.controller.dispose();
  }
}
