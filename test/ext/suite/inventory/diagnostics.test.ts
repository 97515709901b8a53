// What a user sees in an inventory: problems on the right lines, kept up to date while typing,
// quick fixes that change the text, the outline, hovers, the status bar summary.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, codeOf, lineOf, openFixture } from '../../lib/extension';
import { waitFor, waitForDiagnostics } from '../../lib/wait';

const PARIS = 'paris/servers.rdslic.yaml';
const LYON = 'lyon/hosts.rdslic.yml';

const has = (diagnostics: readonly vscode.Diagnostic[], rule: string) => diagnostics.some((d) => codeOf(d) === rule);

suite('inventory in the editor', () => {
  suiteSetup(async function () {
    const api = await activatedApi();
    const t0 = Date.now();
    await api.whenClientReady();
    // The activation itself is logged by the extension (test/ext/run.js records it for the benchmark).
    console.log(`client_ready_ms=${api.activation.clientReadyMs?.toFixed(1)} (waited ${Date.now() - t0} ms)`);
  });

  teardown(async () => {
    // Unsaved edits stay in memory only: the fixtures on disk never change.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('problems appear on the lines concerned when an inventory is opened', async () => {
    const { document: doc } = await openFixture(PARIS);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => has(d, 'RDS104') && has(d, 'RDS201'), 'RDS104 and RDS201');
    const byRule = new Map(diagnostics.map((d) => [codeOf(d), d]));
    const keyPack = lineOf(doc, '7k2qh-4m9px');
    assert.equal(byRule.get('RDS104')!.range.start.line, keyPack);
    assert.equal(byRule.get('RDS104')!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(doc.getText(byRule.get('RDS104')!.range), /7k2qh-4m9px/);
    const rdsh02 = lineOf(doc, 'RDSH02.contoso.local');
    const rds201 = byRule.get('RDS201')!;
    assert.ok(rds201.range.start.line > rdsh02 && rds201.range.start.line <= rdsh02 + 2, `RDS201 on line ${rds201.range.start.line + 1}`);
    assert.equal(rds201.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(rds201.source, 'rdslic');
    // `.rdslic.yaml` of the fixture turns RDS405 (old backup check) off, as it does for the CLI.
    assert.ok(!has(diagnostics, 'RDS405'), 'RDS405 is off in .rdslic.yaml but was reported');
  });

  test('an edit that breaks the inventory shows a problem on the edited line; undoing it clears it', async () => {
    const editor = await openFixture(LYON);
    const doc = editor.document;
    const modeLine = lineOf(doc, 'licensingMode: perUser');
    const value = doc.lineAt(modeLine).range;
    await editor.edit((b) => b.replace(value, doc.lineAt(modeLine).text.replace('perUser', 'perDevice')));
    const after = await waitForDiagnostics(doc.uri, (d) => has(d, 'RDS303'), 'RDS303 after the edit');
    const rds303 = after.find((d) => codeOf(d) === 'RDS303')!;
    assert.equal(rds303.range.start.line, modeLine);
    assert.match(rds303.message, /per-device|perDevice/i);

    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(doc.uri, (d) => !has(d, 'RDS303'), 'RDS303 gone after undo');
    assert.match(doc.lineAt(modeLine).text, /perUser/);
  });

  test('the quick fix of a non-canonical key pack ID rewrites it and the problem goes', async () => {
    const { document: doc } = await openFixture(PARIS);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => has(d, 'RDS104'), 'RDS104');
    const problem = diagnostics.find((d) => codeOf(d) === 'RDS104')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /normali[sz]e/i.test(a.title));
    assert.ok(fix, `no normalising quick fix for RDS104 among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, `the quick fix has no edit: ${JSON.stringify(fix)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.lineAt(problem.range.start.line).text, /keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"/);
    await waitForDiagnostics(doc.uri, (d) => !has(d, 'RDS104') && has(d, 'RDS201'), 'RDS104 fixed, RDS201 still there');
  });

  test('the suppression quick fix inserts a rdslic-disable-next-line comment', async () => {
    const { document: doc } = await openFixture(PARIS);
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => has(d, 'RDS201'), 'RDS201');
    const problem = diagnostics.find((d) => codeOf(d) === 'RDS201')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, problem.range);
    const disable = actions.find((a) => a.title.includes('RDS201') && a.edit && !a.isPreferred);
    assert.ok(disable, `no suppression among: ${actions.map((a) => a.title).join(' | ')}`);
    const line = problem.range.start.line;
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    assert.match(doc.lineAt(line).text, /^\s*# rdslic-disable-next-line RDS201/);
    await waitForDiagnostics(doc.uri, (d) => !has(d, 'RDS201'), 'RDS201 suppressed');
  });

  test('the outline lists the license servers with their packs, and the session hosts', async () => {
    const { document: doc } = await openFixture(PARIS);
    const symbols = await waitFor(
      'document symbols',
      async () => {
        const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
        return s && s.length > 0 ? s : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
    );
    const names = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children)]);
    const all = names(symbols);
    for (const expected of ['LICSRV01.contoso.local', 'LICSRV02.contoso.local', 'RDSH01.contoso.local', 'RDSH02.contoso.local']) {
      assert.ok(all.includes(expected), `${expected} not in the outline: ${all.join(', ')}`);
    }
    const find = (list: vscode.DocumentSymbol[], name: string): vscode.DocumentSymbol | undefined =>
      list.map((s) => (s.name === name ? s : find(s.children, name))).find(Boolean);
    const licsrv01 = find(symbols, 'LICSRV01.contoso.local')!;
    assert.equal(licsrv01.range.start.line, lineOf(doc, 'name: LICSRV01.contoso.local'));
    assert.ok(names(licsrv01.children).length >= 2, 'the packs of LICSRV01 are not under it');
  });

  test('hovering a server name shows the CALs it holds', async () => {
    const { document: doc } = await openFixture(PARIS);
    const line = lineOf(doc, 'licenseServers: [LICSRV01.contoso.local]');
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('LICSRV01') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /LICSRV01\.contoso\.local/);
    assert.match(text, /25/, `no CAL total (20 + 5) in the hover: ${text}`);
  });

  test('hovering a licensing mode explains it', async () => {
    const { document: doc } = await openFixture(PARIS);
    const line = lineOf(doc, 'licensingMode: perDevice');
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('perDevice') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /device/i, `hover: ${text}`);
    assert.match(text, /registry|LicensingMode/i, `no domain meaning in the hover: ${text}`);
  });
});
