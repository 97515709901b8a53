// Where progress is shown: a status bar item for the active runbook, the "Runbooks" view in
// the explorer, and a "3/7 steps" item on each Markdown cell that has steps.
import * as vscode from 'vscode';
import { maskSecrets } from '../../core/domain/secrets';
import { COMMANDS, NOTEBOOK_TYPE } from './constants';
import { RunbookProgress, RunbookProgressModel, StepRef, isRunbookUri, runbookLabel } from './progress';
import { countCellSteps } from './steps';

export function progressText(progress: Pick<RunbookProgress, 'done' | 'total'>): string {
  return vscode.l10n.t('{0}/{1} steps', progress.done, progress.total);
}

export class RunbookStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('rdslic.runbookProgress', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly model: RunbookProgressModel) {
    this.item.name = vscode.l10n.t('Runbook progress');
    this.disposables.push(
      vscode.window.onDidChangeActiveNotebookEditor(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      model.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** What the item shows now (undefined when hidden): read by the tests. */
  text: string | undefined;

  /** The runbook being looked at: a runbook notebook, or a `*.runbook.md` reopened as text. */
  private activeRunbook(): vscode.Uri | undefined {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (notebook) return notebook.notebookType === NOTEBOOK_TYPE ? notebook.uri : undefined;
    const document = vscode.window.activeTextEditor?.document;
    return document && document.uri.scheme !== 'vscode-notebook-cell' && isRunbookUri(document.uri) ? document.uri : undefined;
  }

  update(): void {
    const uri = this.activeRunbook();
    const progress = uri ? this.model.get(uri) : undefined;
    if (!uri || !progress) {
      this.text = undefined;
      this.item.hide();
      return;
    }
    this.text = `$(checklist) ${progressText(progress)}`;
    this.item.text = this.text;
    this.item.tooltip = vscode.l10n.t('Runbook {0}: {1} of {2} steps done. Click to go to the first open step.', runbookLabel(uri), progress.done, progress.total);
    this.item.command = { command: COMMANDS.revealFirstOpenStep, title: vscode.l10n.t('Go to the first open step'), arguments: [uri] };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export type RunbookNode = { kind: 'runbook'; progress: RunbookProgress } | { kind: 'step'; progress: RunbookProgress; step: StepRef };

export class RunbooksTreeProvider implements vscode.TreeDataProvider<RunbookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RunbookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: RunbookProgressModel) {
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: RunbookNode): Promise<RunbookNode[]> {
    if (!node) {
      await this.model.ready();
      return this.model.all().map((progress) => ({ kind: 'runbook', progress }));
    }
    if (node.kind === 'runbook') {
      return node.progress.steps.filter((s) => !s.checked).map((step) => ({ kind: 'step', progress: node.progress, step }));
    }
    return [];
  }

  getTreeItem(node: RunbookNode): vscode.TreeItem {
    if (node.kind === 'step') {
      // The view is on screen whatever is being shown or shared: a product key in a step is masked.
      const item = new vscode.TreeItem(maskSecrets(node.step.text) || vscode.l10n.t('(untitled step)'), vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('circle-large-outline');
      item.contextValue = 'rdslic.runbookStep';
      item.command = { command: COMMANDS.revealStep, title: vscode.l10n.t('Go to step'), arguments: [node.progress.uri, node.step.cellIndex] };
      return item;
    }
    const { progress } = node;
    const open = progress.total - progress.done;
    const item = new vscode.TreeItem(
      runbookLabel(progress.uri),
      open > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = progress.uri.toString();
    item.resourceUri = progress.uri;
    item.description = progress.error ? vscode.l10n.t('unreadable') : `${progress.done}/${progress.total}`;
    item.tooltip = progress.error
      ? progress.error
      : vscode.l10n.t('{0}: {1} of {2} steps done', vscode.workspace.asRelativePath(progress.uri), progress.done, progress.total);
    item.iconPath = new vscode.ThemeIcon(progress.total > 0 && open === 0 ? 'pass-filled' : 'checklist');
    item.contextValue = 'rdslic.runbook';
    item.command = { command: COMMANDS.revealFirstOpenStep, title: vscode.l10n.t('Go to the first open step'), arguments: [progress.uri] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export class StepsCellStatusBarProvider implements vscode.NotebookCellStatusBarItemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCellStatusBarItems = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(model: RunbookProgressModel) {
    this.subscription = model.onDidChange(() => this.changed.fire());
  }

  provideCellStatusBarItems(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[] {
    const counts = countCellSteps(cell);
    if (counts.total === 0) return [];
    const item = new vscode.NotebookCellStatusBarItem(`$(checklist) ${progressText(counts)}`, vscode.NotebookCellStatusBarAlignment.Left);
    item.tooltip = vscode.l10n.t('Toggle a step of this cell');
    item.command = {
      command: COMMANDS.toggleStep,
      title: vscode.l10n.t('Toggle Step…'),
      arguments: [{ uri: cell.notebook.uri, cellIndex: cell.index }],
    };
    return [item];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
