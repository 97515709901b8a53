// "Lint Workspace": runs the shipped CLI (`dist/cli.js lint --format json`, the very command
// CI runs, with the same `.rdslic.yaml` config) over each workspace folder and lists what it
// finds in the Problems view. Inventories open in an editor are left to the language server
// (their diagnostics follow unsaved edits), so no problem is listed twice. The editor's
// `rdslic.rules` setting is passed as `--rule` options, as the language server applies it,
// so that a closed file shows the severities it would show open.
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { ruleArguments } from '../../cli/lint/rule-arguments';
import { isInventoryDocument } from './detect';

/** One row of `rdslic lint --format json` (positions 1-based). */
interface LintRow {
  file: string;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

const SEVERITY: Record<LintRow['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(row: LintRow): vscode.Diagnostic {
  const range = new vscode.Range(
    Math.max(0, row.line - 1),
    Math.max(0, row.column - 1),
    Math.max(0, (row.endLine ?? row.line) - 1),
    Math.max(0, (row.endColumn ?? row.column) - 1),
  );
  const d = new vscode.Diagnostic(range, row.message, SEVERITY[row.severity] ?? vscode.DiagnosticSeverity.Warning);
  d.source = 'rdslic';
  d.code = row.ruleId;
  return d;
}

function runCli(cli: string, folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<LintRow[]> {
  const lang = vscode.env.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const rules = ruleArguments(vscode.workspace.getConfiguration('rdslic', folder.uri).get('rules'));
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [cli, 'lint', '--format', 'json', '--lang', lang, ...rules, '.'],
      // ELECTRON_RUN_AS_NODE: in desktop VS Code, process.execPath is Electron.
      { cwd: folder.uri.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit 1 means "findings": the JSON is still complete on stdout.
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        if (code !== 0 && code !== 1) {
          reject(new Error(stderr.trim() || error?.message || `exit ${code}`));
          return;
        }
        try {
          resolve(JSON.parse(stdout) as LintRow[]);
        } catch {
          reject(new Error(vscode.l10n.t('rdslic lint printed something that is not JSON: {0}', stdout.slice(0, 200))));
        }
      },
    );
    token.onCancellationRequested(() => child.kill());
  });
}

export class WorkspaceLinter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('rdslic-workspace');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly context: vscode.ExtensionContext) {
    // Once a file is open, the language server's diagnostics are the current ones.
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isInventoryDocument(doc)) this.collection.delete(doc.uri);
      }),
    ];
  }

  async lint(): Promise<LintWorkspaceResult | undefined> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Lint Workspace needs a folder on disk.'));
      return undefined;
    }
    const cli = this.context.asAbsolutePath(path.join('dist', 'cli.js'));
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('rdslic: linting inventories'), cancellable: true },
      async (_progress, token) => {
        const open = new Set(vscode.workspace.textDocuments.filter(isInventoryDocument).map((d) => d.uri.toString()));
        const byFile = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
        for (const folder of folders) {
          let rows: LintRow[];
          try {
            rows = await runCli(cli, folder, token);
          } catch (e) {
            if (token.isCancellationRequested) return undefined;
            void vscode.window.showErrorMessage(vscode.l10n.t('rdslic lint failed in {0}: {1}', folder.name, e instanceof Error ? e.message : String(e)));
            return undefined;
          }
          for (const row of rows) {
            const uri = vscode.Uri.file(path.resolve(folder.uri.fsPath, row.file));
            const key = uri.toString();
            if (open.has(key)) continue;
            if (!byFile.has(key)) byFile.set(key, { uri, diagnostics: [] });
            byFile.get(key)!.diagnostics.push(toDiagnostic(row));
          }
        }
        this.collection.clear();
        const result: LintWorkspaceResult = { files: byFile.size, errors: 0, warnings: 0 };
        for (const { uri, diagnostics } of byFile.values()) {
          this.collection.set(uri, diagnostics);
          for (const d of diagnostics) {
            if (d.severity === vscode.DiagnosticSeverity.Error) result.errors++;
            else if (d.severity === vscode.DiagnosticSeverity.Warning) result.warnings++;
          }
        }
        return result;
      },
    );
  }

  dispose(): void {
    this.collection.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
