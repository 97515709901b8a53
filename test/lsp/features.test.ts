// The real server process over stdio: outline, navigation across files, hover, completion,
// quick fixes, the status-bar summary, and silence on YAML that is not an inventory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { applyEdits, TestClient } from './client';
import { HOSTS, makeWorkspace, SERVERS, type Workspace } from './fixtures';

function at(text: string, needle: string, delta = 0, occurrence = 0) {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `fixture has ${needle}`);
  offset += delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('language features (push client)', () => {
  let ws: Workspace;
  let client: TestClient;
  let serversUri: string;
  let hostsUri: string;

  before(async () => {
    ws = makeWorkspace();
    client = new TestClient({ workspaceFolder: ws.dir });
    const init = await client.initialize();
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client that cannot pull');
    serversUri = ws.uri(ws.servers);
    hostsUri = ws.uri(ws.hosts);
    // Only the hosts file is open: the servers file is known from the workspace scan.
    client.open(hostsUri, HOSTS);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  test('go to definition from a host reference lands on the server in the other (closed) file', async () => {
    const locations = await client.request('textDocument/definition', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 3) });
    assert.deepEqual(locations, [{ uri: serversUri, range: { start: at(SERVERS, 'LICSRV01'), end: at(SERVERS, 'LICSRV01.contoso.local', 22) } }]);
  });

  test('find references lists hosts and migrations in every file, case-insensitively', async () => {
    const refs: { uri: string; range: any }[] = await client.request('textDocument/references', {
      textDocument: { uri: hostsUri },
      position: at(HOSTS, 'licsrv01', 2),
      context: { includeDeclaration: true },
    });
    const found = refs.map((r) => `${r.uri === serversUri ? 'servers' : 'hosts'}:${r.range.start.line}:${r.range.start.character}`).sort();
    assert.deepEqual(found, ['hosts:12:8', 'hosts:16:9', 'hosts:8:21', 'servers:4:10'].sort());
  });

  test('rename changes the definition and every reference, in both files, keeping quotes', async () => {
    const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 1) });
    assert.equal(prepared.placeholder, 'LICSRV01.contoso.local');
    const edit = await client.request('textDocument/rename', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 1), newName: 'LS-PAR-01.contoso.local' });
    const hosts = applyEdits(HOSTS, edit.changes[hostsUri]);
    const servers = applyEdits(SERVERS, edit.changes[serversUri]);
    assert.match(hosts, /licenseServers: \[LS-PAR-01\.contoso\.local, LICSRV02\.contoso\.local\]/);
    assert.match(hosts, /\n      - LS-PAR-01\.contoso\.local\n/);
    assert.match(hosts, /to: "LS-PAR-01\.contoso\.local"/);
    assert.match(servers, /- name: LS-PAR-01\.contoso\.local\n/);
    assert.doesNotMatch(hosts + servers, /licsrv01/i);
  });

  test('rename refuses a name that would change the YAML', async () => {
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 1), newName: 'a: b' }),
      /not a valid server name/,
    );
  });

  test('document symbols: servers with their packs, then hosts and migrations', async () => {
    client.open(serversUri, SERVERS);
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: serversUri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, (s.children ?? []).map((c: any) => c.name)]),
      [
        ['LICSRV01.contoso.local', '40 CALs', ['20 × perUser 2022', '15 × perUser 2022', '5 × perDevice 2019']],
        ['LICSRV02.contoso.local', '0 CALs', []],
      ],
    );
    const hostSymbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: hostsUri } });
    assert.deepEqual(hostSymbols.map((s) => s.name), ['RDSH01.contoso.local', 'RDSH02.contoso.local', 'MIG-2026-01']);
    assert.deepEqual(hostSymbols[0].selectionRange.start, at(HOSTS, 'RDSH01'));
  });

  test('workspace symbols find servers and hosts of every inventory, including one recognised by its kind line', async () => {
    const found: any[] = await client.request('workspace/symbol', { query: 'rdsh' });
    assert.deepEqual(found.map((s) => s.name).sort(), ['RDSH01.contoso.local', 'RDSH02.contoso.local', 'RDSH09.contoso.local']);
    assert.equal((await client.request<any[]>('workspace/symbol', { query: 'build' })).length, 0, 'the non-inventory YAML is not indexed');
  });

  test('hover on a server name shows its CAL totals by version and type', async () => {
    const h = await client.request('textDocument/hover', { textDocument: { uri: serversUri }, position: at(SERVERS, 'LICSRV01', 2) });
    assert.match(h.contents.value, /40 CALs/);
    assert.match(h.contents.value, /\| 2022 \| perUser \| 35 \|/);
    assert.match(h.contents.value, /\| 2019 \| perDevice \| 5 \|/);
  });

  test('hover on a server reference shows where the server is and what it holds', async () => {
    const h = await client.request('textDocument/hover', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV02', 1) });
    assert.match(h.contents.value, /LICSRV02\.contoso\.local/);
    assert.match(h.contents.value, /servers\.rdslic\.yaml:22/);
    const unknown = await client.request('textDocument/hover', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV-OLD', 1) });
    assert.match(unknown.contents.value, /No license server with this name/);
  });

  test('hover on a licensing mode: the schema description, the registry value, the GPO and PowerShell wording', async () => {
    const h = await client.request('textDocument/hover', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'perUser', 2) });
    assert.match(h.contents.value, /\*\*Licensing mode\*\*/);
    assert.match(h.contents.value, /`LicensingMode` = \*\*4\*\*/);
    assert.match(h.contents.value, /Set the Remote Desktop licensing mode/);
    assert.match(h.contents.value, /Set-RDLicenseConfiguration -Mode PerUser/);
    assert.deepEqual(h.range, { start: at(HOSTS, 'perUser'), end: at(HOSTS, 'perUser', 7) });
  });

  test('hover on a CAL version: which hosts it serves and which servers can hold it', async () => {
    const h = await client.request('textDocument/hover', { textDocument: { uri: serversUri }, position: at(SERVERS, 'version: 2019', 10) });
    assert.match(h.contents.value, /\*\*CAL version\*\*/);
    assert.match(h.contents.value, /\*\*2019 CALs\*\* serve session hosts running `2008`, `2008 R2`, `2012`, `2012 R2`, `2016`, `2019`\./);
    assert.match(h.contents.value, /must run `2019`, `2022`, `2025` to hold them/);
  });

  test('completion of a value offers the schema enum with its descriptions; of a key, the keys not yet used', async () => {
    const text = 'kind: RdsLicensingInventory\nsessionHosts:\n  - name: H\n    licensingMode: \n    ';
    const uri = ws.uri(ws.dir + '/enum.rdslic.yaml');
    client.open(uri, text);
    const values: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 19 } });
    assert.deepEqual(values.map((i) => i.label), ['perUser', 'perDevice', 'notConfigured']);
    assert.match(values[0].documentation.value, /`LicensingMode` = \*\*4\*\*/);
    const keys: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 4 } });
    const labels = keys.map((i) => i.label);
    assert.ok(labels.includes('configuredBy') && labels.includes('joined') && labels.includes('os'), labels.join());
    assert.ok(!labels.includes('name') && !labels.includes('licensingMode'), 'keys already there are not offered');
    assert.match(keys.find((i) => i.label === 'joined').documentation.value, /\w/);
  });

  test('completion offers the workspace server names in a host list and in a migration', async () => {
    const text = HOSTS + '  - id: MIG-2\n    from: LIC';
    const uri = ws.uri(ws.dir + '/draft.rdslic.yaml');
    client.open(uri, text);
    const lines = text.split('\n');
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('LICSRV01.contoso.local') && labels.includes('LICSRV02.contoso.local'), labels.join());
    const item = items.find((i) => i.label === 'LICSRV02.contoso.local');
    assert.deepEqual(item.textEdit.range, { start: { line: lines.length - 1, character: 10 }, end: { line: lines.length - 1, character: 13 } });

    const flow = 'kind: RdsLicensingInventory\nsessionHosts:\n  - name: H\n    licenseServers: [LICSRV01.contoso.local, ';
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, text: flow }]);
    const flowItems: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: flow.split('\n')[3].length } });
    assert.ok(flowItems.some((i) => i.label === 'LICSRV02.contoso.local'));
  });

  test('completion offers snippets for a new session host, indented for the list', async () => {
    const text = 'kind: RdsLicensingInventory\nsessionHosts:\n  - name: RDSH01\n    os: 2022\n  ';
    const uri = ws.uri(ws.dir + '/snippet.rdslic.yaml');
    client.open(uri, text);
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 2 } });
    const snippet = items.find((i) => i.label === 'session host');
    assert.ok(snippet, items.map((i) => i.label).join());
    assert.equal(snippet.insertTextFormat, 2);
    const inserted = applyEdits(text, [snippet.textEdit]);
    assert.match(inserted, /\n {2}- name: \$\{1:RDSH01\.contoso\.local\}\n {4}os: /);
    assert.match(inserted, /\n {4}licenseServers: \[\$\{4\|LICSRV01\.contoso\.local,LICSRV02\.contoso\.local\|\}\]/);

    const packs = 'kind: RdsLicensingInventory\nlicenseServers:\n  - name: S\n    packs:\n      - ';
    const packsUri = ws.uri(ws.dir + '/packs.rdslic.yaml');
    client.open(packsUri, packs);
    const packItems: any[] = await client.request('textDocument/completion', { textDocument: { uri: packsUri }, position: { line: 4, character: 8 } });
    const pack = packItems.find((i) => i.label === 'CAL pack');
    assert.ok(pack, packItems.map((i) => i.label).join());
    assert.match(applyEdits(packs, [pack.textEdit]), /\n {6}- keyPackId: "\$\{1\}"\n {8}program: /);
  });

  test('quick fixes from diagnostic data: add the missing server at the end of licenseServers, and a suppression comment', async () => {
    const diagnostic = {
      range: { start: at(HOSTS, 'LICSRV-OLD'), end: at(HOSTS, 'LICSRV-OLD.contoso.local', 24) },
      message: 'unknown server',
      source: 'rdslic',
      code: 'RDS301',
      data: { kind: 'addServerStub', name: 'LICSRV-OLD.contoso.local' },
    };
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: serversUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const stub = actions.find((a) => /LICSRV-OLD/.test(a.title));
    assert.ok(stub, actions.map((a) => a.title).join());
    assert.equal(applyEdits(SERVERS, stub.edit.changes[serversUri]), SERVERS + '  - name: LICSRV-OLD.contoso.local\n');

    const onPack = { range: { start: at(SERVERS, 'quantity: 15'), end: at(SERVERS, 'quantity: 15', 12) }, message: 'm', source: 'rdslic', code: 'RDS205' };
    const packActions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: serversUri }, range: onPack.range, context: { diagnostics: [onPack] } });
    const suppress = packActions.find((a) => /Disable RDS205/.test(a.title));
    const suppressed = applyEdits(SERVERS, suppress.edit.changes[serversUri]).split('\n');
    const line = onPack.range.start.line;
    assert.deepEqual(suppressed.slice(line - 1, line + 2), ['        version: 2022', '        # rdslic-disable-next-line RDS205', '        quantity: 15']);
  });

  test('a missing required key is added at the end of its entry, with a value the schema allows', async () => {
    const diagnostics = await client.diagnostics(hostsUri, 1);
    const missing = diagnostics.find((d) => d.code === 'SCHEMA002');
    assert.ok(missing, diagnostics.map((d) => d.code).join());
    const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri: hostsUri }, range: missing.range, context: { diagnostics: [missing] } });
    const add = actions.find((a) => a.isPreferred);
    assert.equal(add.title, 'Add the missing key state');
    assert.ok(HOSTS.endsWith('    to: "LICSRV01.contoso.local"\n'));
    assert.equal(applyEdits(HOSTS, add.edit.changes[hostsUri]), HOSTS + '    state: planned\n');
  });

  test('a server defined in another inventory file: the finding stays (as in CI), points at the definition, and no second copy is offered', async () => {
    // The first publication may precede the workspace scan; the scan's end publishes again.
    const p = await client.waitFor('textDocument/publishDiagnostics', (x) => x.uri === hostsUri && x.diagnostics.some((d: any) => d.relatedInformation));
    const at01 = p.diagnostics.find((d: any) => d.code === 'RDS302' && d.range.start.line === at(HOSTS, 'LICSRV01').line);
    assert.ok(at01, p.diagnostics.map((d: any) => d.code).join());
    assert.deepEqual(
      at01.relatedInformation.map((r: any) => [r.location.uri, r.location.range.start, r.message]),
      [[serversUri, at(SERVERS, 'LICSRV01'), 'LICSRV01.contoso.local is defined in another inventory file; each file is checked on its own, as rdslic lint does.']],
    );
    const titles = async (d: any) =>
      (await client.request<any[]>('textDocument/codeAction', { textDocument: { uri: hostsUri }, range: d.range, context: { diagnostics: [d] } })).map((a) => a.title);
    assert.deepEqual(await titles(at01), ['Disable RDS302 for this line']);
    // A server no file defines still gets its stub.
    const old = p.diagnostics.find((d: any) => d.code === 'RDS306' && /LICSRV-OLD/.test(d.message));
    assert.equal(old.relatedInformation, undefined);
    assert.deepEqual(await titles(old), ['Add license server LICSRV-OLD.contoso.local to licenseServers', 'Disable RDS306 for this line']);
  });

  test('a quick fix with a replacement (normalise an ID) replaces the range it names', async () => {
    const range = { start: at(SERVERS, '12345-67890'), end: at(SERVERS, '12345-67890-12345-67890-12345-67890-12345', 41) };
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: serversUri },
      range,
      context: { diagnostics: [{ range, message: 'm', source: 'rdslic', code: 'RDS101', data: { kind: 'normalizeId', replacement: '12345678901234567890123456789012345' } }] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.match(applyEdits(SERVERS, fix.edit.changes[serversUri]), /serverId: "12345678901234567890123456789012345"/);
  });

  test('rdslic/summary gives the status bar its numbers', async () => {
    const summary = await client.request('rdslic/summary', { uri: serversUri });
    assert.deepEqual(summary, {
      cals: 40,
      servers: 2,
      hosts: 0,
      byVersionAndType: [
        { version: '2019', type: 'perDevice', quantity: 5 },
        { version: '2022', type: 'perUser', quantity: 35 },
      ],
      errors: 0,
      warnings: 0,
    });
    assert.equal(await client.request('rdslic/summary', { uri: 'file:///nowhere.rdslic.yaml' }), null);
    assert.equal(await client.request('rdslic/summary', null), null, 'bad params get null, not a crash');
  });

  test('YAML that is not an inventory gets nothing: no hover, no symbols, no completion, no diagnostics', async () => {
    const uri = ws.uri(ws.other);
    const text = fs.readFileSync(ws.other, 'utf8');
    const since = client.notifications.length;
    client.open(uri, text);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: at(text, 'LICSRV01', 1) }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 4 } }), []);
    // A request after the open has been answered, so any diagnostics for it would have come by now.
    assert.equal(client.notifications.slice(since).filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).length, 0);
  });
});
