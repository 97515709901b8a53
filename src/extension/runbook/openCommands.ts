// "Open as Runbook" and "Reopen as Text": the text editor stays one click away from the
// notebook, and any Markdown file can be opened as a runbook on request.
import * as vscode from 'vscode';
import { COMMANDS, NOTEBOOK_TYPE } from './constants';

function activeResource(): vscode.Uri | undefined {
  return vscode.window.activeNotebookEditor?.notebook.uri ?? vscode.window.activeTextEditor?.document.uri;
}

/**
 * Runs `open` and resolves with the editor `find` returns once it shows up. The promise of
 * `vscode.openWith` for a notebook type can stay pending after the editor is open (seen with
 * VS Code 1.100 on files outside the type's selector), so the editor events decide.
 */
function openAndFind<E>(open: () => Thenable<unknown>, find: () => E | undefined, events: vscode.Event<unknown>[]): Promise<E | undefined> {
  return new Promise<E | undefined>((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (editor: E | undefined) => {
      subscriptions.forEach((s) => s.dispose());
      resolve(editor);
    };
    for (const event of events) {
      subscriptions.push(
        event(() => {
          const editor = find();
          if (editor) finish(editor);
        }),
      );
    }
    open().then(
      () => finish(find()),
      (err: unknown) => {
        void vscode.window.showErrorMessage(String(err instanceof Error ? err.message : err));
        finish(undefined);
      },
    );
  });
}

export function openAsRunbook(uri: vscode.Uri | undefined = activeResource()): Promise<vscode.NotebookEditor | undefined> {
  if (!uri) return Promise.resolve(undefined);
  const target = uri.toString();
  return openAndFind(
    () => vscode.commands.executeCommand('vscode.openWith', uri, NOTEBOOK_TYPE),
    () => {
      const editor = vscode.window.activeNotebookEditor;
      return editor?.notebook.uri.toString() === target && editor.notebook.notebookType === NOTEBOOK_TYPE ? editor : undefined;
    },
    [vscode.window.onDidChangeActiveNotebookEditor as vscode.Event<unknown>],
  );
}

export function reopenAsText(uri: vscode.Uri | undefined = activeResource()): Promise<vscode.TextEditor | undefined> {
  if (!uri) return Promise.resolve(undefined);
  const target = uri.toString();
  const active = vscode.window.activeNotebookEditor;
  return openAndFind(
    () =>
      active && active.notebook.uri.toString() === target
        ? // Replaces the notebook tab by the text editor, as VS Code's own "Reopen Editor With".
          vscode.commands.executeCommand('workbench.action.reopenTextEditor')
        : vscode.commands.executeCommand('vscode.openWith', uri, 'default'),
    () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === target ? editor : undefined;
    },
    [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>],
  );
}

export function registerOpenCommands(): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.openAsRunbook, (uri?: vscode.Uri) => openAsRunbook(uri instanceof vscode.Uri ? uri : activeResource())),
    vscode.commands.registerCommand(COMMANDS.reopenAsText, (uri?: vscode.Uri) => reopenAsText(uri instanceof vscode.Uri ? uri : activeResource())),
  ];
}
