// "rdslic: Show Report": the report of the active inventory in a webview, following edits.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, lineOf, openFixture } from '../../lib/extension';
import { waitFor } from '../../lib/wait';

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /rdslic\.report/.test(t.input.viewType));
}

suite('report', () => {
  test('Show Report opens one panel with the numbers of the active inventory, and follows edits', async () => {
    const api = await activatedApi();
    const editor = await openFixture('paris/servers.rdslic.yaml');
    const uri = editor.document.uri.toString();
    assert.equal(api.report.html(uri), undefined, 'a report before the command');

    await vscode.commands.executeCommand('rdslic.showReport');
    const html = await waitFor('the report of servers.rdslic.yaml', () => api.report.html(uri), [api.report.onDidRender]);
    await waitFor('the report tab', () => reportTabs().length === 1, [vscode.window.tabGroups.onDidChangeTabs]);
    assert.match(reportTabs()[0].label, /servers\.rdslic\.yaml/);
    // The CLI's numbers: 20 per-user 2022 and 5 per-device 2019 CALs on LICSRV01.
    assert.match(html, /Total: 25 CALs\./);
    assert.match(html, /<g class="bar" data-version="2022" data-type="perUser" data-value="20">/);
    assert.match(html, /<g class="bar" data-version="2019" data-type="perDevice" data-value="5">/);
    // Same configuration as the CLI: the fixture's .rdslic.yaml turns RDS405 off.
    assert.doesNotMatch(html, /RDS405/);
    // Strict policy, nothing to run.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'" \/>/);
    assert.match(html, /<style nonce="[^"]+">/);
    assert.doesNotMatch(html, /<script/i);

    // An unsaved edit updates the panel.
    const line = lineOf(editor.document, 'quantity: 20');
    const column = editor.document.lineAt(line).text.indexOf('20');
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(line, column, line, column + 2), '30')));
    const updated = await waitFor(
      'the report after the edit',
      () => {
        const h = api.report.html(uri);
        return h?.includes('Total: 35 CALs.') ? h : undefined;
      },
      [api.report.onDidRender],
    );
    assert.match(updated, /data-type="perUser" data-value="30"/);

    // One panel per inventory: the command again reveals the same one.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('rdslic.showReport');
    assert.equal(reportTabs().length, 1);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.tabGroups.close(reportTabs());
    await waitFor('the report panel to close', () => reportTabs().length === 0 || undefined, [vscode.window.tabGroups.onDidChangeTabs]);
    assert.equal(api.report.html(uri), undefined, 'a closed panel keeps no report');
  });
});
