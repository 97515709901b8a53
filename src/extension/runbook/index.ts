// Everything runbook-related in VS Code, registered from one place. Returns an API object
// that the extension exports (tests use it to see what the user sees).
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE, RENDERER_ID, RUNBOOKS_VIEW_ID } from './constants';
import { registerRunbookSerializer } from './serializer';
import { registerOpenCommands, openAsRunbook, reopenAsText } from './openCommands';
import { RunbookProgressModel } from './progress';
import { RunbookStatusBar, RunbooksTreeProvider, StepsCellStatusBarProvider } from './progressViews';
import { registerStepCommands, toggleStepCommand, revealFirstOpenStep } from './stepCommands';
import { handleRendererMessage } from './steps';
import { RunbookController, refusalToRun } from './controller';

export interface RunbookFeatures {
  progress: RunbookProgressModel;
  statusBar: RunbookStatusBar;
  runbooksView: RunbooksTreeProvider;
  cellStatusBar: StepsCellStatusBarProvider;
  controller: RunbookController;
  handleRendererMessage: typeof handleRendererMessage;
  toggleStep: typeof toggleStepCommand;
  openAsRunbook: typeof openAsRunbook;
  reopenAsText: typeof reopenAsText;
  revealFirstOpenStep: (uri?: vscode.Uri) => ReturnType<typeof revealFirstOpenStep>;
  refusalToRun: typeof refusalToRun;
}

export function registerRunbookFeatures(context: vscode.ExtensionContext): RunbookFeatures {
  const progress = new RunbookProgressModel();
  const statusBar = new RunbookStatusBar(progress);
  const runbooksView = new RunbooksTreeProvider(progress);
  const cellStatusBar = new StepsCellStatusBarProvider(progress);
  const controller = new RunbookController();
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);

  context.subscriptions.push(
    registerRunbookSerializer(),
    progress,
    statusBar,
    runbooksView,
    cellStatusBar,
    controller,
    vscode.window.registerTreeDataProvider(RUNBOOKS_VIEW_ID, runbooksView),
    vscode.notebooks.registerNotebookCellStatusBarItemProvider(NOTEBOOK_TYPE, cellStatusBar),
    messaging.onDidReceiveMessage((e) => void handleRendererMessage(e.editor, e.message)),
    ...registerOpenCommands(),
    ...registerStepCommands(progress),
  );
  // The Runbooks view shows only in workspaces that have runbooks.
  const updatePresence = () => vscode.commands.executeCommand('setContext', 'rdslic.runbooks.present', progress.all().length > 0);
  context.subscriptions.push(progress.onDidChange(() => void updatePresence()));
  void progress.ready().then(updatePresence);

  return {
    progress,
    statusBar,
    runbooksView,
    cellStatusBar,
    controller,
    handleRendererMessage,
    toggleStep: toggleStepCommand,
    openAsRunbook,
    reopenAsText,
    revealFirstOpenStep: (uri) => revealFirstOpenStep(progress, uri),
    refusalToRun,
  };
}
