// How the server is started and how it reports: stdio from dist/server.js and from
// `rdslic lsp --stdio`, pull diagnostics for clients that pull, and survival of bad requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import * as rpc from 'vscode-jsonrpc/node';
import { CLI, SERVER, TestClient } from './client';
import { makeWorkspace, SERVERS } from './fixtures';

test('`rdslic lsp --stdio` starts the same server: it initializes and answers requests', async () => {
  const ws = makeWorkspace();
  const client = new TestClient({ args: [CLI, 'lsp', '--stdio'], workspaceFolder: ws.dir });
  try {
    const init = await client.initialize();
    assert.equal(init.serverInfo.name, 'rdslic');
    assert.ok(init.capabilities.hoverProvider && init.capabilities.renameProvider.prepareProvider);
    const uri = ws.uri(ws.servers);
    client.open(uri, SERVERS);
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['LICSRV01.contoso.local', 'LICSRV02.contoso.local']);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('`rdslic lsp` without a transport is a usage error', () => {
  const r = spawnSync(process.execPath, [CLI, 'lsp'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--stdio/);
});

test('a client that pulls diagnostics gets a diagnostic provider and answers to textDocument/diagnostic, never pushes', async () => {
  const ws = makeWorkspace();
  const client = new TestClient({ pull: true, workspaceFolder: ws.dir });
  try {
    const init = await client.initialize();
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'rdslic', interFileDependencies: false, workspaceDiagnostics: false });
    const uri = ws.uri(ws.servers);
    client.open(uri, SERVERS);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(Array.isArray(report.items));
    // Settings changes make the server ask the client to pull again, instead of pushing.
    client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { rdslic: {} } });
    await client.waitFor('workspace/diagnostic/refresh');
    assert.equal(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('malformed requests are answered and logged, and the server keeps serving', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'untitled:broken.rdslic.yaml';
    client.open(uri, 'kind: RdsLicensingInventory\nlicenseServers: [\n  - {name: "x\n');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } }), null);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [{ source: 'rdslic', data: { kind: 'addServerStub' } }] } }), []);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('an editor in French gets French hovers and quick-fix titles', async () => {
  const client = new TestClient({ locale: 'fr' });
  try {
    await client.initialize();
    const uri = 'untitled:fr.rdslic.yaml';
    client.open(uri, 'kind: RdsLicensingInventory\nsessionHosts:\n  - name: H\n    licensingMode: perUser\n');
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 21 } });
    assert.match(h.contents.value, /valeur de registre `LicensingMode` = \*\*4\*\*/);
    const d = { range: { start: { line: 3, character: 19 }, end: { line: 3, character: 26 } }, message: 'm', source: 'rdslic', code: 'RDS303' };
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.deepEqual(actions.map((a) => a.title), ['Désactiver RDS303 pour cette ligne']);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});

test('started as the VS Code extension starts it (--node-ipc), the server answers over IPC', async () => {
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = rpc.createMessageConnection(new rpc.IPCMessageReader(child), new rpc.IPCMessageWriter(child));
  conn.listen();
  try {
    const init: any = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(init.serverInfo.name, 'rdslic');
    conn.sendNotification('initialized', {});
    const uri = 'untitled:ipc.rdslic.yaml';
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: SERVERS } });
    const symbols: any[] = await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 2);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await conn.sendRequest('shutdown');
    conn.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill();
  }
});
