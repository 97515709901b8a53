// Runbooks linked to the inventory, in a real VS Code started in French: hovering a placeholder
// in a notebook cell shows the inventory's value and where it comes from, "Insert Inventory
// Value" writes it at the cursor, "New Runbook from Template" (driven by its arguments, no quick
// pick) offers the French runbooks first and writes one with Contoso's values; the extension's
// strings, and the core's, are the French ones; a misspelt placeholder's hover says which one
// was meant.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { runbookApi, workspaceUri, openRunbook, markdownCellIndex, waitUntilKnown } from '../../lib/runbook';
import type { RunbookFeatures } from '../../../../src/extension/runbook';
import type { NewRunbookResult } from '../../../../src/extension/runbook/newFromTemplate';

/** The repository (this file runs from out/test/ext/suite/runbook-link/). */
const REPO = path.resolve(__dirname, '../../../../..');
const LINKED = 'procedures/licsrv03.runbook.md';
const SERVER_ID = '03852-19476-62018-44731-90265-17384-55029';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the cell`);
  const at = offset + needle.indexOf('{{') + 3;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
  return hoverText(hovers);
}

suite('runbooks linked to the inventory (French UI)', () => {
  let api: RunbookFeatures;

  suiteSetup(async () => {
    // The example inventory of the repository, next to the fixture's runbook folder.
    fs.copyFileSync(path.join(REPO, 'examples/contoso-paris.rdslic.yaml'), workspaceUri('contoso.rdslic.yaml').fsPath);
    api = await runbookApi();
  });

  test('the host runs in French', () => {
    assert.match(vscode.env.language, /^fr/);
  });

  test('hovering a placeholder in a notebook cell shows the value, the inventory file and key, in French', async () => {
    await waitUntilKnown(api, workspaceUri(LINKED));
    const editor = await openRunbook(workspaceUri(LINKED));
    const cell = editor.notebook.cellAt(markdownCellIndex(editor.notebook, '{{server.serverId}}'));
    const shown = await hoverAt(cell.document, '{{server.serverId}}');
    assert.ok(shown.includes(SERVER_ID), `the hover shows the License Server ID: ${shown}`);
    assert.ok(shown.includes("Tiré de l'inventaire"), `French wording: ${shown}`);
    assert.ok(shown.includes('contoso.rdslic.yaml'), 'names the inventory file');
    assert.ok(shown.includes('licenseServers[2].serverId'), 'names the inventory key');
    // Two packs on LICSRV03: the hover says why the pack is not filled in, in French (core message).
    const pack = await hoverAt(cell.document, '{{pack.keyPackId}}');
    assert.ok(pack.includes('a 2 packs de CAL'), `reason in French: ${pack}`);
  });

  test('a runbook opened as text has the same hovers; Insert Inventory Value writes the value at the cursor', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(LINKED));
    const editor = await vscode.window.showTextDocument(doc);
    const shown = await hoverAt(doc, "'{{server.name}}'");
    assert.ok(shown.includes('LICSRV03.contoso.local') && shown.includes('licenseServers[2].name'), `hover in the text editor: ${shown}`);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const inserted = await vscode.commands.executeCommand<string>('rdslic.runbook.insertInventoryValue', { placeholder: 'inventory.site' });
    assert.equal(inserted, 'Paris');
    assert.ok(doc.getText().endsWith('Paris'), 'inserted at the cursor');
    const asPlaceholder = await vscode.commands.executeCommand<string>('rdslic.runbook.insertInventoryValue', { placeholder: 'pack.quantity' });
    assert.equal(asPlaceholder, '{{pack.quantity}}', 'an ambiguous value is inserted as its placeholder');
    // A misspelt placeholder: the hover names the closest one (the core's RDS606 wording, in French).
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\nID: {{server.servrId}}'));
    const typo = (await hoverAt(doc, '{{server.servrId}}')).replace(/\\(.)/g, '$1');
    assert.ok(typo.includes('vouliez-vous dire {{server.serverId}} ?'), `did you mean, in French: ${typo}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('New Runbook from Template offers the French runbooks first and writes one with the values filled in', async () => {
    const templates = await api.templates();
    assert.ok(templates.length >= 20, 'English and French templates are listed');
    const firstEnglish = templates.findIndex((t) => t.lang === 'en');
    assert.ok(firstEnglish > 0 && templates.slice(0, firstEnglish).every((t) => t.lang === 'fr'), 'French first, then English');

    const created = await vscode.commands.executeCommand<NewRunbookResult>('rdslic.runbook.newFromTemplate', {
      template: 'recover-lost-cals',
      inventory: 'contoso.rdslic.yaml',
      server: 'LICSRV03.contoso.local',
      target: 'incidents/recover.runbook.md',
    });
    assert.ok(created, 'the command returns what it wrote');
    const text = fs.readFileSync(workspaceUri('incidents/recover.runbook.md').fsPath, 'utf8');
    assert.match(text, /^lang: fr$/m, 'the UI language picks the French template');
    assert.match(text, /^inventory: \.\.\/contoso\.rdslic\.yaml$/m);
    assert.match(text, /^server: "LICSRV03\.contoso\.local"$/m);
    assert.ok(text.includes(SERVER_ID), 'the License Server ID is filled in');
    assert.doesNotMatch(text, /\{\{\s*server\./, 'no server placeholder left');
    assert.doesNotMatch(text, /- \[[xX]\]/, 'every step is open');
    const opened = vscode.window.activeNotebookEditor;
    assert.equal(opened?.notebook.uri.toString(), created.uri.toString(), 'the new runbook is open as a notebook');
    assert.equal(opened?.notebook.notebookType, 'rdslic-runbook');

    const again = await vscode.commands.executeCommand<NewRunbookResult | undefined>('rdslic.runbook.newFromTemplate', {
      template: 'en/recover-lost-cals.runbook.md',
      inventory: 'contoso.rdslic.yaml',
      server: 'LICSRV03.contoso.local',
      target: 'incidents/recover.runbook.md',
      open: false,
    });
    assert.equal(again, undefined, 'an existing file is never overwritten');
  });
});
