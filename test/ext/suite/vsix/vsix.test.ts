// The packaged extension (dist/rdslic.vsix, installed with `code-server --install-extension`,
// no extensionDevelopmentPath): it activates on an inventory and its language server answers.
import * as assert from 'node:assert/strict';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RdslicApi } from '../../../../src/extension/api';
import { openFixture } from '../../lib/extension';
import { screenshot } from '../../lib/screenshot';
import { waitFor } from '../../lib/wait';

const REPO = path.resolve(__dirname, '../../../../..');

suite('packaged VSIX', () => {
  test('is installed from the VSIX, not loaded from the repository', () => {
    const ext = vscode.extensions.getExtension('rdslic.rdslic');
    assert.ok(ext, 'rdslic.rdslic is not installed');
    assert.ok(!path.resolve(ext.extensionPath).startsWith(REPO), `loaded from ${ext.extensionPath}`);
    assert.match(path.basename(ext.extensionPath), /^rdslic\.rdslic-\d+\.\d+\.\d+/);
  });

  test('is active with an inventory open, and its language server answers', async () => {
    const ext = vscode.extensions.getExtension<RdslicApi>('rdslic.rdslic')!;
    const { document: doc } = await openFixture('paris/servers.rdslic.yaml');
    const api = await waitFor('the extension to activate', () => ext.isActive && ext.exports, [vscode.window.onDidChangeActiveTextEditor, vscode.languages.onDidChangeDiagnostics]);
    await api.whenClientReady();
    console.log(`client_ready_ms=${api.activation.clientReadyMs?.toFixed(1)} (installed VSIX)`);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children)]);
    assert.ok(names(symbols ?? []).includes('LICSRV01.contoso.local'), 'the outline from the packaged server lacks LICSRV01');
    const summary = await waitFor('the status bar summary', () => api.summaryText(), [api.onDidChangeSummary]);
    assert.match(summary, /25 CALs · 2 servers · 2 hosts/);
    // For a person: `node test/ext/run.js --suite vsix --screenshots DIR` keeps this picture.
    await screenshot('inventory-open');
  });
});
