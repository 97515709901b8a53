// Runbook notebooks in a real VS Code (trusted workspace): the notebook type, lossless saves,
// ticking steps (command, cell status bar, a mouse click in the rendered cell, renderer
// message), other notebook types left alone, progress views, running a shell cell.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { waitFor } from '../../lib/wait';
import { clickInWebview, findInWebview } from '../../lib/webview';
import {
  runbookApi, workspaceUri, readBytes, writeBytes, differingOffsets, openRunbook, markdownCellIndex,
  codeCellIndex, outputText, waitUntilKnown, STDOUT, STDERR, ERROR,
} from '../../lib/runbook';
import type { RunbookFeatures } from '../../../../src/extension/runbook';

const ACTIVATE = 'procedures/activate.runbook.md';
const CRLF = 'generated/crlf.runbook.md';
const BOM = 'generated/bom.runbook.md';
const EXTERNAL = 'generated/external.runbook.md';
const CLICK = 'generated/click.runbook.md';
const CLICK_TEXT = '# Click test\n\n- [ ] Tick me with the mouse\n- [x] Already done\n';

/** The checked-in fixture with CRLF line breaks, one LF line inside a list, no final newline. */
function crlfVariant(lf: string): string {
  return lf.replace(/\n/g, '\r\n').replace('- [x] Note the Product ID\r\n', '- [x] Note the Product ID\n').replace(/\r\n$/, '');
}

const waitOnNotebookChange = [vscode.workspace.onDidChangeNotebookDocument as vscode.Event<unknown>];

suite('runbook notebooks', () => {
  let api: RunbookFeatures;
  let original: Buffer;

  suiteSetup(async () => {
    api = await runbookApi();
    original = readBytes(workspaceUri(ACTIVATE));
    const lf = original.toString('utf8');
    writeBytes(workspaceUri(CRLF), crlfVariant(lf));
    writeBytes(workspaceUri(BOM), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original]));
    writeBytes(workspaceUri(CLICK), CLICK_TEXT);
    await waitUntilKnown(api, workspaceUri(CRLF));
    await waitUntilKnown(api, workspaceUri(BOM));
    await waitUntilKnown(api, workspaceUri(CLICK));
  });

  // No editor is closed between tests: in this host (code-server in headless chromium) a
  // notebook editor opened after another one was closed waits ~30 s for its webview's service
  // worker. The test that replaces a notebook by a text editor runs last for that reason.

  suiteTeardown(() => {
    writeBytes(workspaceUri(ACTIVATE), original);
    fs.rmSync(workspaceUri('generated').fsPath, { recursive: true, force: true });
  });

  test('a *.runbook.md opens as an rdslic-runbook notebook: Markdown cells and code cells in their languages', async () => {
    await vscode.commands.executeCommand('vscode.open', workspaceUri(ACTIVATE));
    const editor = await waitFor('the runbook notebook editor', () => vscode.window.activeNotebookEditor, [
      vscode.window.onDidChangeActiveNotebookEditor as vscode.Event<unknown>,
    ]);
    const notebook = editor.notebook;
    assert.equal(notebook.notebookType, 'rdslic-runbook');
    assert.equal(notebook.uri.fsPath, workspaceUri(ACTIVATE).fsPath);
    const code = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    assert.deepEqual(
      code.map((c) => c.document.languageId),
      ['powershell', 'shellscript', 'yaml'],
    );
    assert.equal(code[0]!.document.getText(), 'Get-Service -Name TermServLicensing');
    assert.equal(code[1]!.document.getText(), 'echo "runbook says hello"\necho "to stderr" >&2');
    const markdown = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Markup);
    assert.ok(markdown.every((c) => c.document.languageId === 'markdown'));
    const allMarkdown = markdown.map((c) => c.document.getText()).join('\n');
    assert.match(allMarkdown, /^# Activate LS01/m);
    assert.match(allMarkdown, /- \[ \] Check that the licensing service runs/);
    // The front matter is notebook metadata, not a cell.
    assert.ok(!notebook.getCells().some((c) => c.document.getText().includes('title: Activate the test license server')));
  });

  test('a plain .md file is never taken over: it opens in the text editor', async () => {
    await vscode.commands.executeCommand('vscode.open', workspaceUri('notes.md'));
    const editor = await waitFor('the text editor of notes.md', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.fsPath === workspaceUri('notes.md').fsPath ? e : undefined;
    }, [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>]);
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(vscode.window.activeNotebookEditor, undefined);
  });

  for (const file of [ACTIVATE, CRLF, BOM]) {
    test(`saving edits that cancel out writes back the same bytes (${file})`, async () => {
      const uri = workspaceUri(file);
      const before = readBytes(uri);
      const editor = await openRunbook(uri);
      const cellIndex = markdownCellIndex(editor.notebook, 'Note the Product ID');
      // Two toggles of the same step: the notebook is dirty, its text is back to the original.
      assert.equal(await api.toggleStep({ uri, cellIndex, stepIndex: 1 }), true);
      assert.equal(await api.toggleStep({ uri, cellIndex, stepIndex: 1 }), true);
      assert.equal(editor.notebook.isDirty, true);
      assert.equal(await editor.notebook.save(), true);
      assert.deepEqual(readBytes(uri), before);
    });
  }

  test('"Toggle Step…" ticks one step; the saved file differs by that box character only (CRLF file)', async () => {
    const uri = workspaceUri(CRLF);
    const before = readBytes(uri);
    const editor = await openRunbook(uri);
    const cellIndex = markdownCellIndex(editor.notebook, 'Check that the licensing service runs');
    assert.equal(await vscode.commands.executeCommand('rdslic.runbook.toggleStep', { uri, cellIndex, stepIndex: 0 }), true);
    assert.match(editor.notebook.cellAt(cellIndex).document.getText(), /- \[x\] Check that the licensing service runs/);
    assert.equal(await editor.notebook.save(), true);
    const after = readBytes(uri);
    const offsets = differingOffsets(before, after);
    assert.equal(offsets.length, 1);
    assert.equal(String.fromCharCode(before[offsets[0]!]!), ' ');
    assert.equal(String.fromCharCode(after[offsets[0]!]!), 'x');
    assert.equal(after.toString('utf8').slice(offsets[0]! - 3, offsets[0]! + 8), '- [x] Check');
  });

  test('the cell status bar shows "n/m steps" on cells with steps; its quick pick ticks the step in the file', async () => {
    const uri = workspaceUri(BOM);
    const before = readBytes(uri);
    const editor = await openRunbook(uri);
    const cell = editor.notebook.cellAt(markdownCellIndex(editor.notebook, 'Check that the licensing service runs'));
    const [item, ...others] = api.cellStatusBar.provideCellStatusBarItems(cell);
    assert.ok(item);
    assert.equal(others.length, 0);
    assert.equal(item.text, '$(checklist) 1/3 steps');
    const command = item.command as vscode.Command;
    assert.equal(command.command, 'rdslic.runbook.toggleStep');
    assert.deepEqual(command.arguments, [{ uri: editor.notebook.uri, cellIndex: cell.index }]);
    // No item on a Markdown cell without steps, nor on a code cell.
    assert.deepEqual(api.cellStatusBar.provideCellStatusBarItems(editor.notebook.cellAt(markdownCellIndex(editor.notebook, 'Shell check'))), []);
    assert.deepEqual(api.cellStatusBar.provideCellStatusBarItems(editor.notebook.cellAt(codeCellIndex(editor.notebook, 'runbook says hello'))), []);

    // What a click on the item does: the command with its arguments, then the quick pick of the
    // cell's steps, where the first (the open step "Check that…") is accepted. The picker gets
    // its items some time after the command starts and there is no event for it: accepting
    // before that does nothing, so acceptance is asked again until the command has its answer.
    let answered = false;
    const toggled = Promise.resolve(vscode.commands.executeCommand<boolean>(command.command, ...(command.arguments ?? []))).finally(() => (answered = true));
    for (let tries = 0; !answered && tries < 1000; tries++) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await toggled, true);
    assert.match(cell.document.getText(), /- \[x\] Check that the licensing service runs/);
    assert.equal(api.cellStatusBar.provideCellStatusBarItems(cell)[0]?.text, '$(checklist) 2/3 steps');
    assert.equal(await editor.notebook.save(), true);
    const after = readBytes(uri);
    const offsets = differingOffsets(before, after);
    assert.equal(offsets.length, 1);
    assert.equal(after.subarray(offsets[0]! - 3, offsets[0]! + 8).toString('utf8'), '- [x] Check');
  });

  test('a mouse click on a checkbox in the rendered Markdown cell (webview) ticks that step in the file', async () => {
    const uri = workspaceUri(CLICK);
    const editor = await openRunbook(uri);
    const cell = editor.notebook.cellAt(markdownCellIndex(editor.notebook, 'Tick me with the mouse'));
    const ticked = waitFor('the clicked step ticked in the cell', () => cell.document.getText().includes('- [x] Tick me with the mouse'), waitOnNotebookChange);
    // The runner clicks the box in the notebook's output webview, as a user would.
    await clickInWebview('li.rdslic-task-item:has-text("Tick me with the mouse") > input.rdslic-step:not(:disabled)');
    await ticked;
    assert.equal(cell.document.getText(), '# Click test\n\n- [x] Tick me with the mouse\n- [x] Already done');
    assert.equal(await editor.notebook.save(), true);
    assert.equal(readBytes(uri).toString('utf8'), CLICK_TEXT.replace('[ ] Tick', '[x] Tick'));
  });

  test('in a Jupyter notebook, task items render as disabled boxes and a click message changes nothing', async () => {
    const text = '- [ ] A Jupyter task item';
    const data = new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, text, 'markdown')]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    const editor = await vscode.window.showNotebookDocument(notebook);
    assert.equal(editor.notebook.notebookType, 'jupyter-notebook');
    // The renderer asked the extension which notebook it serves, and disabled the boxes.
    await findInWebview('li.rdslic-task-item:has-text("A Jupyter task item") > input.rdslic-step:disabled');
    assert.equal(await api.handleRendererMessage(editor, { type: 'rdslic.toggleStep', cellText: text, stepIndex: 0, line: 0 }), false);
    assert.equal(notebook.cellAt(0).document.getText(), text);
  });

  test('a click on a rendered checkbox (renderer message) unticks that step, and only that box changes', async () => {
    const uri = workspaceUri(ACTIVATE);
    const before = readBytes(uri);
    const editor = await openRunbook(uri);
    const cell = editor.notebook.cellAt(markdownCellIndex(editor.notebook, 'Note the Product ID'));
    const text = cell.document.getText();
    const line = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes('[x] Note the Product ID'));
    // A message about a line with no step (the cell changed since it was rendered) or about a
    // text no cell has does nothing.
    assert.equal(await api.handleRendererMessage(editor, { type: 'rdslic.toggleStep', cellText: text, stepIndex: 1, line: 9999 }), false);
    assert.equal(await api.handleRendererMessage(editor, { type: 'rdslic.toggleStep', cellText: 'other text', stepIndex: 1, line }), false);
    assert.equal(await api.handleRendererMessage(editor, { type: 'bogus' }), false);
    assert.equal(await api.handleRendererMessage(editor, { type: 'rdslic.toggleStep', cellText: text, stepIndex: 1, line }), true);
    assert.match(cell.document.getText(), /- \[ \] Note the Product ID/);
    assert.equal(await editor.notebook.save(), true);
    const after = readBytes(uri);
    const offsets = differingOffsets(before, after);
    assert.equal(offsets.length, 1);
    assert.equal(String.fromCharCode(before[offsets[0]!]!), 'x');
    assert.equal(String.fromCharCode(after[offsets[0]!]!), ' ');
    writeBytes(uri, before);
  });

  test('progress: the status bar and the Runbooks view follow a toggle', async () => {
    const uri = workspaceUri(ACTIVATE);
    const editor = await openRunbook(uri);
    const start = await waitFor('progress of the runbook', () => api.progress.get(uri), [api.progress.onDidChange as vscode.Event<unknown>]);
    assert.equal(start.total, 5);
    const done = start.done;
    await waitFor('the status bar item', () => api.statusBar.text === `$(checklist) ${done}/5 steps`, [
      api.progress.onDidChange as vscode.Event<unknown>,
      vscode.window.onDidChangeActiveNotebookEditor as vscode.Event<unknown>,
    ]);
    const cellIndex = markdownCellIndex(editor.notebook, 'Activate the server');
    assert.equal(await api.toggleStep({ uri, cellIndex, stepIndex: 0 }), true);
    await waitFor(`the status bar at ${done + 1}/5`, () => api.statusBar.text === `$(checklist) ${done + 1}/5 steps`, [
      api.progress.onDidChange as vscode.Event<unknown>,
    ]);
    const nodes = await api.runbooksView.getChildren();
    const node = nodes.find((n) => n.progress.uri.fsPath === uri.fsPath);
    assert.ok(node, 'the runbook is not in the Runbooks view');
    const item = api.runbooksView.getTreeItem(node);
    assert.equal(item.description, `${done + 1}/5`);
    assert.equal(item.command?.command, 'rdslic.runbook.revealFirstOpenStep');
    // Its children are the open steps.
    const open = await api.runbooksView.getChildren(node);
    assert.equal(open.length, 5 - (done + 1));
    // Unticking brings both back.
    assert.equal(await api.toggleStep({ uri, cellIndex, stepIndex: 0 }), true);
    await waitFor(`the status bar back at ${done}/5`, () => api.statusBar.text === `$(checklist) ${done}/5 steps`, [
      api.progress.onDidChange as vscode.Event<unknown>,
    ]);
    assert.equal(api.runbooksView.getTreeItem((await api.runbooksView.getChildren()).find((n) => n.progress.uri.fsPath === uri.fsPath)!).description, `${done}/5`);
  });

  test('progress: the Runbooks view lists a runbook created on disk and follows changes made outside VS Code', async () => {
    const uri = workspaceUri(EXTERNAL);
    const descriptionOf = async () => {
      const node = (await api.runbooksView.getChildren()).find((n) => n.progress.uri.fsPath === uri.fsPath);
      return node ? api.runbooksView.getTreeItem(node).description : undefined;
    };
    writeBytes(uri, '# External\n\n- [x] one\n- [ ] two\n- [ ] three\n');
    await waitFor('the new runbook at 1/3', async () => (await descriptionOf()) === '1/3', [api.progress.onDidChange as vscode.Event<unknown>]);
    writeBytes(uri, '# External\n\n- [x] one\n- [x] two\n- [ ] three\n');
    await waitFor('the runbook at 2/3', async () => (await descriptionOf()) === '2/3', [api.progress.onDidChange as vscode.Event<unknown>]);
    fs.rmSync(uri.fsPath);
    await waitFor('the runbook gone from the view', async () => (await descriptionOf()) === undefined, [api.progress.onDidChange as vscode.Event<unknown>]);
  });

  test('the Runbooks view masks a product key written in a step: only its last five characters', async () => {
    const uri = workspaceUri('generated/secret.runbook.md');
    const inView = async () => (await api.runbooksView.getChildren()).find((n) => n.progress.uri.fsPath === uri.fsPath && n.progress.total === 1);
    writeBytes(uri, '# Secret\n\n- [ ] Type 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F on the install page\n');
    const node = await waitFor('the runbook in the view', inView, [api.progress.onDidChange as vscode.Event<unknown>]);
    const [step] = await api.runbooksView.getChildren(node);
    assert.equal(api.runbooksView.getTreeItem(step!).label, 'Type XXXXX-XXXXX-XXXXX-XXXXX-1NB5F on the install page');
    fs.rmSync(uri.fsPath);
    await waitFor('the runbook gone from the view', async () => (await inView()) === undefined, [api.progress.onDidChange as vscode.Event<unknown>]);
  });

  test('"Go to First Open Step" opens the runbook with the cell of its first open step selected', async () => {
    const uri = workspaceUri(ACTIVATE);
    const editor = await api.revealFirstOpenStep(uri);
    assert.ok(editor);
    assert.equal(editor.notebook.uri.fsPath, uri.fsPath);
    assert.equal(editor.selection.start, markdownCellIndex(editor.notebook, 'Check that the licensing service runs'));
  });

  test('running a shell cell in a trusted workspace shows its output and succeeds', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    assert.equal(api.refusalToRun(vscode.workspace.isTrusted), undefined);
    const editor = await openRunbook(workspaceUri(ACTIVATE));
    // Earlier tests leave it dirty (edits that cancel out): start from a saved notebook.
    if (editor.notebook.isDirty) assert.equal(await editor.notebook.save(), true);
    const index = codeCellIndex(editor.notebook, 'runbook says hello');
    await vscode.commands.executeCommand('notebook.selectKernel', { notebookEditor: editor, id: 'rdslic-runbook-runner', extension: 'rdslic.rdslic' });
    await vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: index, end: index + 1 }], document: editor.notebook.uri });
    const cell = editor.notebook.cellAt(index);
    await waitFor('the end of the execution', () => cell.executionSummary?.success !== undefined, waitOnNotebookChange);
    assert.equal(cell.executionSummary?.success, true);
    assert.ok((cell.executionSummary?.executionOrder ?? 0) >= 1);
    assert.equal(outputText(cell, STDOUT), 'runbook says hello\n');
    assert.equal(outputText(cell, STDERR), 'to stderr\n');
    // Outputs are not saved: the notebook is not dirty because of them.
    assert.equal(editor.notebook.isDirty, false);
  });

  test('a cell in a language that cannot be run fails with a clear message', async () => {
    const editor = await openRunbook(workspaceUri(ACTIVATE));
    const cell = editor.notebook.cellAt(codeCellIndex(editor.notebook, 'server: LS01'));
    await vscode.commands.executeCommand('notebook.selectKernel', { notebookEditor: editor, id: 'rdslic-runbook-runner', extension: 'rdslic.rdslic' });
    assert.equal(await api.controller.executeCell(cell, editor.notebook), false);
    await waitFor('the end of the execution', () => cell.executionSummary?.success !== undefined, waitOnNotebookChange);
    assert.equal(cell.executionSummary?.success, false);
    assert.match(outputText(cell, ERROR), /Cells in 'yaml' cannot be run/);
  });
  test('"Reopen as Text" and "Open as Runbook" go both ways, for a runbook and any Markdown file', async () => {
    await openRunbook(workspaceUri(ACTIVATE));
    await vscode.commands.executeCommand('rdslic.runbook.reopenAsText');
    const text = await waitFor('the runbook in the text editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.fsPath === workspaceUri(ACTIVATE).fsPath ? e : undefined;
    }, [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>]);
    assert.match(text.document.getText(), /^---\ntitle:/);

    await vscode.commands.executeCommand('rdslic.runbook.openAsRunbook', workspaceUri('notes.md'));
    const notebook = await waitFor('notes.md as a runbook notebook', () => {
      const e = vscode.window.activeNotebookEditor;
      return e?.notebook.uri.fsPath === workspaceUri('notes.md').fsPath ? e.notebook : undefined;
    }, [vscode.window.onDidChangeActiveNotebookEditor as vscode.Event<unknown>]);
    assert.equal(notebook.notebookType, 'rdslic-runbook');
    assert.match(notebook.cellAt(0).document.getText(), /^# Plain notes/);
  });
  test('progress: the status bar follows a runbook open as text (typed ticks count) and hides on other editors', async () => {
    const uri = workspaceUri(ACTIVATE);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const events = [api.progress.onDidChange as vscode.Event<unknown>, vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>];
    const shows = (text: string | undefined) => waitFor(`the status bar ${text ?? 'hidden'}`, () => api.statusBar.text === text, events);
    // Earlier tests leave this runbook with one or another step ticked: start from what it has.
    const start = await waitFor('the status bar with the runbook\'s progress', () => /^\$\(checklist\) (\d+)\/5 steps$/.exec(api.statusBar.text ?? '') ?? undefined, events);
    const done = Number(start[1]);
    const step = /- \[([ x])\] Check that the licensing service runs/.exec(editor.document.getText());
    assert.ok(step, 'the step is in the text');
    const box = step.index + 3;
    const flip = async (target: vscode.TextEditor, to: string) => {
      const range = new vscode.Range(target.document.positionAt(box), target.document.positionAt(box + 1));
      assert.equal(await target.edit((b) => b.replace(range, to)), true);
    };
    const typed = step[1] === ' ' ? done + 1 : done - 1;
    await flip(editor, step[1] === ' ' ? 'x' : ' ');
    await shows(`$(checklist) ${typed}/5 steps`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('notes.md')));
    await shows(undefined);
    // The text editor shown again is a new editor object (the hidden one was disposed).
    const again = await vscode.window.showTextDocument(editor.document);
    await shows(`$(checklist) ${typed}/5 steps`);
    await flip(again, step[1]!);
    await shows(`$(checklist) ${done}/5 steps`);
  });
});
