// An inventory typed or pasted into a new editor (File > New File, language YAML) has a URI
// with no file name (`untitled:Untitled-1`): its kind line alone makes it an inventory, as it
// does for a saved YAML file. An untitled document that is not YAML, or YAML without the kind
// line, is left alone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from './client';

const INVENTORY = `kind: RdsLicensingInventory
version: 1
organization: "Société Générale"
licenseServers:
  - name: LICSRV01.corp.local
    os: 2022
    status: active
    packs:
      - program: retail
        retailCodeLast5: 1NB5F
        type: perUser
        version: 2022
        quantity: 5
sessionHosts:
  - name: RDSH01.corp.local
    os: 2022
    licensingMode: perUser
    licenseServers: [LICSRV01.corp.local, NOPE01]
    configuredBy: gpo
`;

describe('untitled documents', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('an untitled YAML inventory gets diagnostics, hover, completion and quick fixes', async () => {
    const uri = 'untitled:Untitled-1';
    client.open(uri, INVENTORY, 'yaml');
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`),
      ['RDS302 17:42-48'],
    );
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 16, character: 20 } });
    assert.match(hover.contents.value, /LicensingMode/);
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 18, character: 18 } });
    assert.ok(items.some((i) => i.label === 'registry'), items.map((i) => i.label).join());
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.ok(actions.some((a) => a.title === 'Add license server NOPE01 to licenseServers'), actions.map((a) => a.title).join());
    assert.equal((await client.request('rdslic/summary', { uri })).servers, 1);
  });

  test('an untitled document that is YAML without the kind line, or not YAML, gets nothing', async () => {
    const since = client.notifications.length;
    client.open('untitled:Untitled-2', 'name: ci\non: push\n', 'yaml');
    client.open('untitled:Untitled-3', INVENTORY, 'plaintext');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-3' }, position: { line: 16, character: 20 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:Untitled-2' } }), []);
    // Both opens were handled before these answers: any diagnostics for them would be here.
    const published = client.notifications.slice(since).filter((n) => n.method === 'textDocument/publishDiagnostics');
    assert.deepEqual(published, []);
  });
});
