// The harness itself: the tests run in a real VS Code extension host, with this repository
// as the extension under development and the suite's fixture folder as the workspace.
import * as assert from 'node:assert/strict';
import * as path from 'path';
import * as vscode from 'vscode';

const REPO = path.resolve(__dirname, '../../../../..');

suite('extension host', () => {
  test('runs a real VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  test('loads this repository as the extension under development', () => {
    const ext = vscode.extensions.getExtension('rdslic.rdslic');
    assert.ok(ext, 'rdslic.rdslic is not loaded');
    assert.equal(path.resolve(ext.extensionPath), REPO);
    assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
  });

  test("opens a copy of the suite's fixture folder, with its files readable", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    // A scratch copy: tests may change files without touching the repository.
    assert.equal(path.basename(folder.uri.fsPath), 'empty');
    assert.ok(!folder.uri.fsPath.startsWith(REPO + path.sep), `${folder.uri.fsPath} is inside the repository`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'README.md'));
    assert.match(doc.getText(), /workspace of the `host` extension test suite/);
    assert.equal(doc.languageId, 'markdown');
  });
});
