// Diagnostics from the real server: the lint's findings with their exact ranges, after
// opening and after edits, quick fixes that apply the findings' fix hints, the `.rdslic.yaml`
// config, and pull diagnostics for clients that pull.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { applyEdits, TestClient } from './client';
import { makeWorkspace, WITH_PROBLEMS, type Workspace } from './fixtures';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const summary = (ds: any[]) => ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

const OPENED = ['RDS104 2 5:14-5:57', 'RDS303 1 22:19-22:26', 'RDS302 1 23:45-23:67'];

describe('diagnostics (push client)', () => {
  let ws: Workspace;
  let client: TestClient;
  let uri: string;
  let text = WITH_PROBLEMS;

  before(async () => {
    ws = makeWorkspace(true);
    client = new TestClient({ workspaceFolder: ws.dir });
    await client.initialize();
    uri = ws.uri(ws.problems);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  test('after opening: the findings of rdslic lint, same ranges, rule ids, links and fix hints', async () => {
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(summary(diagnostics), OPENED);
    const id = diagnostics[0];
    assert.equal(id.source, 'rdslic');
    assert.match(id.codeDescription.href, /\/docs\/rules\.md#rds104$/);
    assert.deepEqual(id.data, { kind: 'normalizeId', replacement: '"12345-67890-12345-67890-12345-67890-12345"' });
    assert.match(diagnostics[2].message, /LICSRV09\.contoso\.local/);
  });

  test('after an edit: the fixed finding goes, the ranges below an inserted line move down', async () => {
    const version = client.change(uri, [
      { range: r(22, 19, 22, 26), text: 'perDevice' },
      { range: r(3, 0, 3, 0), text: '# servers of the Paris site\n' },
    ]);
    text = applyEdits(applyEdits(text, [{ range: r(22, 19, 22, 26), newText: 'perDevice' }]), [{ range: r(3, 0, 3, 0), newText: '# servers of the Paris site\n' }]);
    const diagnostics = await client.diagnostics(uri, version);
    assert.deepEqual(summary(diagnostics), ['RDS104 2 6:14-6:57', 'RDS302 1 24:45-24:67']);
  });

  test('edits in quick succession: the last version wins and no older result is published after it', async () => {
    const since = client.notifications.length;
    client.change(uri, [{ range: r(24, 45, 24, 53), text: 'LICSRV08' }]);
    client.change(uri, [{ range: r(24, 45, 24, 53), text: 'LICSRV06' }]);
    const last = client.change(uri, [{ range: r(24, 45, 24, 53), text: 'LICSRV07' }]);
    text = applyEdits(text, [{ range: r(24, 45, 24, 53), newText: 'LICSRV07' }]);
    const diagnostics = await client.diagnostics(uri, last);
    assert.deepEqual(summary(diagnostics), ['RDS104 2 6:14-6:57', 'RDS302 1 24:45-24:67']);
    assert.match(diagnostics[1].message, /LICSRV07/);
    const versions = client.notifications
      .slice(since)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)
      .map((n) => n.params.version);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
  });

  test('quick fixes apply the fix hints: normalise the ID, set the mode, add the missing server', async () => {
    const original = WITH_PROBLEMS;
    const scratch = ws.uri(ws.dir + '/checks/scratch.rdslic.yaml');
    client.open(scratch, original);
    const diagnostics = await client.diagnostics(scratch, 1);
    const fixFor = async (code: string) => {
      const d = diagnostics.find((x) => x.code === code);
      const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: scratch }, range: d.range, context: { diagnostics: [d] } });
      const preferred = actions.find((a) => a.isPreferred);
      assert.ok(preferred, `a fix for ${code}: ${actions.map((a) => a.title).join(' | ')}`);
      return applyEdits(original, preferred.edit.changes[scratch]);
    };
    assert.match(await fixFor('RDS104'), /\n {4}serverId: "12345-67890-12345-67890-12345-67890-12345"\n/);
    assert.match(await fixFor('RDS303'), /\n {4}licensingMode: perDevice\n/);
    const withStub = await fixFor('RDS302');
    assert.match(withStub, / {8}installed: 2026-01-10\n {2}- name: LICSRV09\.contoso\.local\nsessionHosts:\n/);
  });

  test('a change to .rdslic.yaml re-checks open inventories with the new rule settings', async () => {
    const since = client.notifications.length;
    fs.writeFileSync(ws.config, 'rules:\n  RDS401: off\n  RDS104: error\n');
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri(ws.config), type: 2 }] });
    const p = await client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, since);
    assert.deepEqual(summary(p.diagnostics), ['RDS104 1 6:14-6:57', 'RDS302 1 24:45-24:67']);
    fs.writeFileSync(ws.config, 'rules:\n  RDS401: off\n  RDS104: off\n');
    const since2 = client.notifications.length;
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri(ws.config), type: 2 }] });
    const p2 = await client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, since2);
    assert.deepEqual(summary(p2.diagnostics), ['RDS302 1 24:45-24:67']);
  });

  test('an open .rdslic.yaml shows its own problems, as the CLI reports them', async () => {
    const configUri = ws.uri(ws.config);
    const bad = 'rules:\n  RDS104: loud\n';
    client.open(configUri, bad);
    const diagnostics = await client.diagnostics(configUri, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'CONFIG001');
    assert.deepEqual(diagnostics[0].range.start.line, 1);
    client.closeDoc(configUri);
  });

  test('an inventory changed on disk while closed is indexed again (definitions follow it)', async () => {
    const moved = ws.uri(ws.servers);
    const text = fs.readFileSync(ws.servers, 'utf8').replace('  - name: LICSRV02.contoso.local', '  - name: LICSRV02.contoso.local\n  - name: LICSRV03.contoso.local');
    fs.writeFileSync(ws.servers, text);
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: moved, type: 2 }] });
    const hosts = ws.uri(ws.dir + '/checks/refs.rdslic.yaml');
    client.open(hosts, 'kind: RdsLicensingInventory\nsessionHosts:\n  - name: H\n    licenseServers: [LICSRV03.contoso.local]\n');
    const defs: any[] = await client.request('textDocument/definition', { textDocument: { uri: hosts }, position: { line: 3, character: 24 } });
    assert.deepEqual(defs.map((d) => [d.uri, d.range.start.line]), [[moved, 22]]);
  });

  test('closing a document clears its diagnostics', async () => {
    const since = client.notifications.length;
    client.closeDoc(uri);
    const p = await client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uri, since);
    assert.deepEqual(p.diagnostics, []);
  });
});

test('pull client: textDocument/diagnostic answers the same findings, nothing is pushed', async () => {
  const ws = makeWorkspace(true);
  const client = new TestClient({ pull: true, workspaceFolder: ws.dir });
  try {
    await client.initialize();
    const uri = ws.uri(ws.problems);
    client.open(uri, WITH_PROBLEMS);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(summary(report.items), OPENED);
    const edited = client.change(uri, [{ range: r(22, 19, 22, 26), text: 'perDevice' }]);
    assert.equal(edited, 2);
    const again = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(summary(again.items), ['RDS104 2 5:14-5:57', 'RDS302 1 23:45-23:67']);
    // A config change asks the client to pull again.
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri(ws.config), type: 2 }] });
    await client.waitFor('workspace/diagnostic/refresh');
    assert.equal(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});
