// The palette commands of the inventory side.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, fixtureUri } from '../../lib/extension';
import { waitFor } from '../../lib/wait';

suite('commands', () => {
  test('every command is contributed under the rdslic category', async () => {
    await activatedApi();
    const ext = vscode.extensions.getExtension('rdslic.rdslic')!;
    const contributed = (ext.packageJSON.contributes.commands as { command: string; category: string }[]).filter((c) =>
      ['rdslic.newInventory', 'rdslic.lintWorkspace', 'rdslic.showRuleDocumentation'].includes(c.command),
    );
    assert.equal(contributed.length, 3);
    for (const c of contributed) assert.equal(c.category, 'rdslic');
    const registered = await vscode.commands.getCommands(true);
    for (const c of contributed) assert.ok(registered.includes(c.command), `${c.command} is not registered`);
  });

  test('New Inventory from Template opens an unsaved inventory that is already clean', async () => {
    const api = await activatedApi();
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('rdslic.newInventory', { template: 'site' });
    assert.ok(editor, 'no editor returned');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'untitled');
    assert.match(doc.uri.path, /\/site\.rdslic\.yaml$/);
    assert.equal(doc.languageId, 'yaml');
    assert.match(doc.getText(), /^kind: RdsLicensingInventory$/m);
    const summary = await waitFor(
      'the summary of the new inventory',
      () => api.summaryText()?.includes('20 CALs') && api.summaryText(),
      [api.onDidChangeSummary, vscode.languages.onDidChangeDiagnostics],
    );
    assert.equal(summary, '$(law) 20 CALs · 1 server · 1 host', 'the template has problems');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Lint Workspace lists the problems of inventories no editor has open, once each', async () => {
    await activatedApi();
    const annex = fixtureUri('lyon/annex.rdslic.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === annex.toString()), 'annex is open');
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('rdslic.lintWorkspace');
    assert.ok(result && result.errors >= 2, `result: ${JSON.stringify(result)}`);
    const diagnostics = vscode.languages.getDiagnostics(annex);
    const rds302 = diagnostics.find((d) => codeOf(d) === 'RDS302');
    assert.ok(rds302, `no RDS302 on the annex: ${diagnostics.map(codeOf).join(', ')}`);
    assert.equal(rds302.range.start.line, 9); // `licenseServers: [LICSRV99.contoso.local]`
    assert.equal(rds302.range.start.character, 21);
    assert.equal(rds302.severity, vscode.DiagnosticSeverity.Error);
    // `.rdslic.yaml` turns RDS405 off for the CLI as for the server.
    const all = vscode.languages.getDiagnostics();
    assert.ok(!all.some(([, ds]) => ds.some((d) => codeOf(d) === 'RDS405')), 'RDS405 reported although off');
    // The language server and Lint Workspace never list the same problem twice.
    for (const [uri, ds] of all) {
      const keys = ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
      assert.equal(new Set(keys).size, keys.length, `duplicate problems in ${uri.path}: ${keys.join(' ')}`);
    }
  });

  test('opening a linted file hands it over to the language server', async () => {
    const annex = fixtureUri('lyon/annex.rdslic.yaml');
    const doc = await vscode.workspace.openTextDocument(annex);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await waitFor(
      "the server's diagnostics for the annex",
      () => {
        const d = vscode.languages.getDiagnostics(annex).filter((x) => codeOf(x) === 'RDS302');
        return d.length === 1 ? d : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.equal(diagnostics[0].range.start.line, 9);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
