// A workspace with YAML but no inventory: the extension activates (onLanguage:yaml) but does
// not start the language server until a document becomes an inventory.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, fixtureUri } from '../../lib/extension';
import { waitForDiagnostics } from '../../lib/wait';

suite('lazy language server', () => {
  test('other YAML does not start the language server', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('pipeline.yaml'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'yaml');
    const api = await activatedApi();
    await api.whenWorkspaceScanned();
    assert.equal(api.isClientStarted(), false);
    assert.equal(api.summaryText(), undefined);
  });

  test('typing the kind line of an inventory starts it, and the file is checked', async () => {
    const api = await activatedApi();
    const doc = await vscode.workspace.openTextDocument(fixtureUri('site.yaml'));
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(api.isClientStarted(), false);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'kind: RdsLicensingInventory\norganization: Contoso\nsessionHosts:\n  - name: RDSH01\n    licenseServers: [NOWHERE01]\n'));
    assert.equal(api.isClientStarted(), true);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'RDS302'), 'RDS302 on the new inventory');
    assert.equal(diagnostics.find((d) => codeOf(d) === 'RDS302')!.range.start.line, 5);
    // pipeline.yaml, open the whole time, is still left alone.
    assert.deepEqual(vscode.languages.getDiagnostics(fixtureUri('pipeline.yaml')), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
