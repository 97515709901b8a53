// The status bar item: the active inventory's counts and problems; hidden for other files, and
// following edits that make the active file stop (or start) being an inventory.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, openFixture } from '../../lib/extension';
import { waitFor } from '../../lib/wait';

suite('status bar summary', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('shows the CALs, servers, hosts and problems of the active inventory, and hides for other files', async () => {
    const api = await activatedApi();
    const events = [api.onDidChangeSummary, vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor];
    await openFixture('paris/servers.rdslic.yaml');
    const paris = await waitFor('the Paris summary', () => api.summaryText()?.includes('25 CALs') && api.summaryText(), events);
    // 20 + 5 CALs, 2 servers, 2 hosts; RDS201 (error) and RDS104 (warning); RDS405 is off.
    assert.equal(paris, '$(law) 25 CALs · 2 servers · 2 hosts $(error) 1 $(warning) 1');

    await openFixture('lyon/hosts.rdslic.yml');
    const lyon = await waitFor('the Lyon summary', () => api.summaryText()?.includes('10 CALs') && api.summaryText(), events);
    assert.equal(lyon, '$(law) 10 CALs · 1 server · 1 host');

    await openFixture('.rdslic.yaml');
    await waitFor('the item hidden for the config file', () => api.summaryText() === undefined, events);
  });

  test('follows edits: deleting the kind line of a clean YAML inventory hides it, typing it back shows it', async () => {
    const api = await activatedApi();
    // No findings: removing the kind line changes no diagnostic, only the edit tells.
    const kind = 'kind: RdsLicensingInventory\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: kind + 'version: 1\norganization: Contoso\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const empty = '$(law) 0 CALs · 0 servers · 0 hosts';
    await waitFor('the summary of the untitled inventory', () => api.summaryText() === empty, [api.onDidChangeSummary]);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), []);

    assert.ok(await editor.edit((b) => b.delete(doc.lineAt(0).rangeIncludingLineBreak)));
    await waitFor('the item hidden once the kind line is gone', () => api.summaryText() === undefined, [api.onDidChangeSummary]);

    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), kind)));
    await waitFor('the summary back with the kind line', () => api.summaryText() === empty, [api.onDidChangeSummary]);
  });
});
