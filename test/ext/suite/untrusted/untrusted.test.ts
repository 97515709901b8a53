// Workspace trust on and the folder not trusted (restricted mode): the inventory side still
// works, as package.json declares (`capabilities.untrustedWorkspaces`: the server only reads).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, openFixture } from '../../lib/extension';
import { waitForDiagnostics } from '../../lib/wait';

suite('untrusted workspace', () => {
  test('the folder is opened in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('inventory problems are still reported', async () => {
    const api = await activatedApi();
    await api.whenClientReady();
    const { document: doc } = await openFixture('paris/servers.rdslic.yaml');
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'RDS104'), 'RDS104 in restricted mode');
    assert.ok(diagnostics.some((d) => codeOf(d) === 'RDS201'));
  });
});
