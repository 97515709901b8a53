// Runbooks in the real server: a *.runbook.md opened as text gets the findings of rdslic lint at
// their exact ranges (IDs, secrets, the server its front matter names), the RDS501 quick fix
// masks the code, the linked inventory's unsaved text counts, and a notebook cell is checked on
// its own text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, TestClient } from './client';
import { makeWorkspace, SERVERS, type Workspace } from './fixtures';

const summary = (ds: any[]) => ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

const RUNBOOK = [
  '---',
  'title: Recover lost CALs',
  'lang: en',
  'inventory: servers.rdslic.yaml',
  'server: LICSRV09.contoso.local',
  '---',
  '',
  '# Recover',
  '',
  '- [ ] License Server ID 12345-67890-12345-67890-12345-67890-1234O',
  '- [ ] Retail code 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F',
  '',
].join('\n');

const OPENED = ['RDS604 1 4:8-4:30', 'RDS102 2 9:24-9:65', 'RDS501 1 10:18-10:47'];

describe('runbooks (push client)', () => {
  let ws: Workspace;
  let client: TestClient;
  let uri: string;
  let runbookFile: string;

  before(async () => {
    ws = makeWorkspace();
    runbookFile = path.join(path.dirname(ws.servers), 'recover.runbook.md');
    fs.writeFileSync(runbookFile, RUNBOOK);
    client = new TestClient({ workspaceFolder: ws.dir });
    await client.initialize();
    uri = ws.uri(runbookFile);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    assert.doesNotMatch(client.errorOutput, /\n\s+at /);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  test('a runbook opened as text: IDs, secrets and the unknown server at their exact ranges', async () => {
    client.open(uri, RUNBOOK, 'markdown');
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(summary(diagnostics), OPENED);
    assert.ok(diagnostics.every((d) => d.source === 'rdslic'));
    assert.match(diagnostics[0].message, /no license server named "LICSRV09\.contoso\.local".*LICSRV01\.contoso\.local/);
    assert.match(diagnostics[2].codeDescription.href, /\/docs\/rules\.md#rds501$/);
    assert.deepEqual(diagnostics[2].data, { kind: 'maskSecret', replacement: 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F', last5: '1NB5F' });
  });

  test('the RDS501 quick fix keeps the last five characters, and the finding goes', async () => {
    const diagnostics = await client.diagnostics(uri, 1);
    const secret = diagnostics.find((d) => d.code === 'RDS501');
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: secret.range, context: { diagnostics: [secret] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.title, 'Replace the secret with XXXXX-XXXXX-XXXXX-XXXXX-1NB5F');
    const edits = fix.edit.changes[uri];
    assert.equal(applyEdits(RUNBOOK, edits).split('\n')[10], '- [ ] Retail code XXXXX-XXXXX-XXXXX-XXXXX-1NB5F');
    const version = client.change(uri, edits.map((e: any) => ({ range: e.range, text: e.newText })));
    assert.deepEqual(summary(await client.diagnostics(uri, version)), OPENED.slice(0, 2));
  });

  test('the linked inventory as the editor has it: adding the server there and saving clears RDS604', async () => {
    const inventoryUri = ws.uri(ws.servers);
    const withServer = SERVERS + '  - name: LICSRV09.contoso.local\n';
    client.open(inventoryUri, withServer);
    const since = client.notifications.length;
    client.conn.sendNotification('textDocument/didSave', { textDocument: { uri: inventoryUri } });
    const republished = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && !p.diagnostics.some((d: any) => d.code === 'RDS604'), since);
    assert.deepEqual(summary(republished.diagnostics), ['RDS102 2 9:24-9:65']);
    client.closeDoc(inventoryUri);
  });

  test('a cell of the runbook open as a notebook is checked on its own text', async () => {
    const cellUri = `vscode-notebook-cell:${runbookFile.split(path.sep).join('/')}#W2sZmlsZQ%3D%3D`;
    const cell = 'Type the code\n`7K2QH-4M9PX-R3T8W-C6VJD-1NB5F` then {{server.serverId}}';
    client.open(cellUri, cell, 'markdown');
    const diagnostics = await client.diagnostics(cellUri, 1);
    assert.deepEqual(summary(diagnostics), ['RDS501 1 1:1-1:30']);
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: cellUri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.find((a) => a.isPreferred).edit.changes[cellUri][0].newText, 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F');
    client.closeDoc(cellUri);
  });

  test('other Markdown files are left alone', async () => {
    const readme = ws.uri(path.join(ws.dir, 'README.md'));
    client.open(readme, RUNBOOK, 'markdown');
    // Opened after the README: once the runbook's new diagnostics are out, the README's would be too.
    const version = client.change(uri, [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: '\n' }]);
    await client.diagnostics(uri, version);
    assert.equal(client.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === readme), false);
  });
});

describe('runbooks (pull client)', () => {
  test('textDocument/diagnostic answers for a runbook with the same findings', async () => {
    const ws = makeWorkspace();
    const file = path.join(path.dirname(ws.servers), 'recover.runbook.md');
    fs.writeFileSync(file, RUNBOOK);
    const client = new TestClient({ workspaceFolder: ws.dir, pull: true });
    try {
      await client.initialize();
      const uri = ws.uri(file);
      client.open(uri, RUNBOOK, 'markdown');
      const report: any = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(summary(report.items), OPENED);
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});

describe('runbooks: unknown placeholders (RDS606)', () => {
  test('a runbook opened as text: the misspelt placeholder at its exact range, with the suggested placeholder as a quick fix', async () => {
    const ws = makeWorkspace();
    const file = path.join(path.dirname(ws.servers), 'activate.runbook.md');
    const text = ['---', 'title: Activate', 'lang: en', '---', '', '- [ ] Write down {{server.name}} and its ID {{server.servrId}}', ''].join('\n');
    fs.writeFileSync(file, text);
    const client = new TestClient({ workspaceFolder: ws.dir });
    try {
      await client.initialize();
      const uri = ws.uri(file);
      client.open(uri, text, 'markdown');
      const diagnostics = await client.diagnostics(uri, 1);
      assert.deepEqual(summary(diagnostics), ['RDS606 2 5:44-5:62']);
      assert.match(diagnostics[0].message, /did you mean \{\{server\.serverId\}\}\?/);
      assert.match(diagnostics[0].codeDescription.href, /\/docs\/rules\.md#rds606$/);
      const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
      const fix = actions.find((a) => a.isPreferred);
      assert.equal(fix?.title, 'Change the placeholder to {{server.serverId}}');
      const fixed = applyEdits(text, fix.edit.changes[uri]);
      assert.equal(fixed.split('\n')[5], '- [ ] Write down {{server.name}} and its ID {{server.serverId}}');
      const version = client.change(uri, fix.edit.changes[uri].map((e: any) => ({ range: e.range, text: e.newText })));
      assert.deepEqual(summary(await client.diagnostics(uri, version)), []);

      const cellUri = `vscode-notebook-cell:${file.split(path.sep).join('/')}#W2sZmlsZQ%3D%3D`;
      client.open(cellUri, 'Run:\n\n    Get-Item {{server.bogus}}', 'markdown');
      assert.deepEqual(summary(await client.diagnostics(cellUri, 1)), ['RDS606 2 2:13-2:29']);
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});
