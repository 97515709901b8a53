// The status bar item: the active inventory's counts and problems; hidden for other files.
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
});
