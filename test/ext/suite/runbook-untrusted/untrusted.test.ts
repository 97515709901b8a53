// Runbook notebooks in an untrusted workspace (Restricted Mode): they open and can be ticked,
// but no cell is ever run.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../../lib/wait';
import { runbookApi, waitUntilKnown, workspaceUri, writeBytes, openRunbook, codeCellIndex, outputText, ERROR, STDOUT } from '../../lib/runbook';

const SCRATCH = 'generated/untrusted.runbook.md';

suite('runbook notebooks in an untrusted workspace', () => {
  const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-untrusted-')), 'ran');

  suiteSetup(async () => {
    writeBytes(workspaceUri(SCRATCH), `# Must not run\n\n- [ ] step\n\n\`\`\`sh\ntouch '${marker}'\necho ran\n\`\`\`\n`);
    await waitUntilKnown(await runbookApi(), workspaceUri(SCRATCH));
  });

  suiteTeardown(() => {
    fs.rmSync(workspaceUri('generated').fsPath, { recursive: true, force: true });
  });

  test('the workspace is untrusted and the refusal says so', async () => {
    const api = await runbookApi();
    assert.equal(vscode.workspace.isTrusted, false);
    assert.match(api.refusalToRun(vscode.workspace.isTrusted) ?? '', /Restricted Mode/);
  });

  test('running a shell cell is refused with a clear message and nothing is executed', async () => {
    const api = await runbookApi();
    const editor = await openRunbook(workspaceUri(SCRATCH));
    assert.equal(editor.notebook.notebookType, 'rdslic-runbook');
    const cell = editor.notebook.cellAt(codeCellIndex(editor.notebook, 'touch'));
    await vscode.commands.executeCommand('notebook.selectKernel', { notebookEditor: editor, id: 'rdslic-runbook-runner', extension: 'rdslic.rdslic' });
    assert.equal(await api.controller.executeCell(cell, editor.notebook), false);
    await waitFor('the end of the execution', () => cell.executionSummary?.success !== undefined, [
      vscode.workspace.onDidChangeNotebookDocument as vscode.Event<unknown>,
    ]);
    assert.equal(cell.executionSummary?.success, false);
    assert.match(outputText(cell, ERROR), /Restricted Mode/);
    assert.equal(outputText(cell, STDOUT), '');
    assert.equal(fs.existsSync(marker), false);
  });

  test('steps can still be ticked in Restricted Mode', async () => {
    const api = await runbookApi();
    const uri = workspaceUri(SCRATCH);
    const editor = await openRunbook(uri);
    assert.equal(await api.toggleStep({ uri, cellIndex: 0, stepIndex: 0 }), true, 'the toggle was not applied');
    assert.equal(api.progress.get(uri)?.done, 1);
    assert.equal(await editor.notebook.save(), true, 'the notebook was not saved');
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /^# Must not run\n\n- \[x\] step\n/);
  });
});
