// Runbooks checked in a real VS Code: a runbook open as a notebook gets the IDs and secrets of
// each cell as diagnostics on that cell, with the quick fix that masks a retail code; the same
// file open as text also gets the front matter's findings (a server its inventory lacks).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf } from '../../lib/extension';
import { waitForDiagnostics } from '../../lib/wait';
import { openRunbook, markdownCellIndex, runbookApi, workspaceUri } from '../../lib/runbook';

/** The repository (this file runs from out/test/ext/suite/runbook-lint/). */
const REPO = path.resolve(__dirname, '../../../../..');
const RUNBOOK = 'procedures/recover.runbook.md';

const codes = (ds: readonly vscode.Diagnostic[]) => ds.map(codeOf).sort();

suite('runbooks checked like inventories', () => {
  suiteSetup(async () => {
    fs.copyFileSync(path.join(REPO, 'examples/contoso-paris.rdslic.yaml'), workspaceUri('contoso.rdslic.yaml').fsPath);
    await runbookApi();
  });

  test('notebook: a cell gets the diagnostics of its IDs and secrets, and the RDS501 fix masks the code', async () => {
    const editor = await openRunbook(workspaceUri(RUNBOOK));
    const index = markdownCellIndex(editor.notebook, 'Recover the CALs');
    const cell = editor.notebook.cellAt(index);
    const diagnostics = await waitForDiagnostics(cell.document.uri, (d) => d.length >= 2, 'RDS101 and RDS501 on the cell');
    assert.deepEqual(codes(diagnostics), ['RDS101', 'RDS501']);
    const secret = diagnostics.find((d) => codeOf(d) === 'RDS501')!;
    assert.equal(cell.document.getText(secret.range), '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F');
    // Code actions need the cell's text model: the cell in edit mode (not its rendered preview).
    editor.selections = [new vscode.NotebookRange(index, index + 1)];
    await vscode.commands.executeCommand('notebook.cell.edit');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.document.uri, secret.range);
    const fix = actions.find((a) => a.title === 'Replace the secret with XXXXX-XXXXX-XXXXX-XXXXX-1NB5F');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(cell.document.getText(), /retail code XXXXX-XXXXX-XXXXX-XXXXX-1NB5F in the wizard/);
    await waitForDiagnostics(cell.document.uri, (d) => codes(d).join() === 'RDS101', 'RDS501 gone after the fix');
  });

  test('text editor: the file also gets the front matter finding (a server the inventory lacks)', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(RUNBOOK));
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'RDS604'), 'RDS604 on the runbook');
    const unknown = diagnostics.find((d) => codeOf(d) === 'RDS604')!;
    assert.equal(doc.getText(unknown.range), 'LICSRV09.contoso.local');
    assert.match(unknown.message, /LICSRV03\.contoso\.local/);
    assert.ok(codes(diagnostics).includes('RDS101'));
  });
});
