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
import { isNotebookKindQuery, NOTEBOOK_KIND_MESSAGE, type NotebookKindMessage } from './renderer/messages';
import { RunbookController, refusalToRun } from './controller';
import { COMMANDS } from './constants';
import { newRunbookFromTemplate, type NewRunbookArgs } from './newFromTemplate';
import { listTemplates, type RunbookTemplate } from './templates';
import { PLACEHOLDER_SELECTOR, PlaceholderHoverProvider, insertInventoryValue, type InsertValueArgs } from './placeholders';

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
  /** The shipped runbooks "New Runbook from Template" offers, in the order it offers them. */
  templates: () => Promise<RunbookTemplate[]>;
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
    messaging.onDidReceiveMessage((e) => {
      if (isNotebookKindQuery(e.message)) {
        const answer: NotebookKindMessage = { type: NOTEBOOK_KIND_MESSAGE, runbook: e.editor.notebook.notebookType === NOTEBOOK_TYPE };
        void messaging.postMessage(answer, e.editor);
      } else {
        void handleRendererMessage(e.editor, e.message);
      }
    }),
    ...registerOpenCommands(),
    ...registerStepCommands(progress),
    vscode.languages.registerHoverProvider(PLACEHOLDER_SELECTOR, new PlaceholderHoverProvider()),
    vscode.commands.registerCommand(COMMANDS.newFromTemplate, (args?: NewRunbookArgs) =>
      newRunbookFromTemplate(context.extensionUri, isArgs(args) ? args : {}),
    ),
    vscode.commands.registerCommand(COMMANDS.insertInventoryValue, (args?: InsertValueArgs) => insertInventoryValue(isArgs(args) ? args : {})),
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
    templates: () => listTemplates(context.extensionUri, vscode.env.language),
  };
}

/** Arguments given by code; a menu passes a Uri or nothing, which means "ask". */
function isArgs(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}
