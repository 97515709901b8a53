// What an admin typing in an inventory gets back, in the places a first pass missed: rename
// onto a name another server has, completion right after a colon, Windows versions with R2.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import YAML from 'yaml';
import { applyEdits, TestClient } from './client';
import { HOSTS, makeWorkspace, type Workspace } from './fixtures';

function at(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture has ${needle}`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('editing an inventory (push client)', () => {
  let ws: Workspace;
  let client: TestClient;
  let hostsUri: string;

  before(async () => {
    ws = makeWorkspace();
    client = new TestClient({ workspaceFolder: ws.dir });
    await client.initialize();
    hostsUri = ws.uri(ws.hosts);
    client.open(hostsUri, HOSTS);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  test('rename onto the name of another server (in another, closed file) is refused, saying where it is', async () => {
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 1), newName: 'licsrv02.CONTOSO.local' }),
      /A license server named "LICSRV02\.contoso\.local" already exists \(servers\.rdslic\.yaml:22\)/,
    );
    // A change of case only is the same server: allowed, and every occurrence follows.
    const edit = await client.request('textDocument/rename', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 1), newName: 'LicSrv01.contoso.local' });
    assert.match(applyEdits(HOSTS, edit.changes[hostsUri]), /\[LicSrv01\.contoso\.local, LICSRV02/);
    // A server nobody defines yet may take the name of an unknown reference (that fixes it).
    const free = await client.request('textDocument/rename', { textDocument: { uri: hostsUri }, position: at(HOSTS, 'LICSRV01', 1), newName: 'LICSRV-OLD.contoso.local' });
    assert.ok(free.changes[hostsUri].length > 0);
  });

  async function complete(name: string, marked: string): Promise<{ text: string; items: any[]; apply: (label: string) => string }> {
    const cursor = marked.indexOf('|');
    const text = marked.replace('|', '');
    const uri = ws.uri(`${ws.dir}/${name}.rdslic.yaml`);
    client.open(uri, text);
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: at(marked, '|') });
    assert.ok(cursor >= 0);
    const apply = (label: string) => {
      const item = items.find((i) => i.label === label);
      assert.ok(item, `${label} in ${items.map((i) => i.label).join()}`);
      return applyEdits(text, [item.textEdit]);
    };
    return { text, items, apply };
  }

  const HOST = 'kind: RdsLicensingInventory\nversion: 1\norganization: X\nsessionHosts:\n  - name: H1\n    os: 2022\n';

  test('a value completed right after "key:" (no space typed yet) gets its space: the YAML stays a key and its value', async () => {
    const { apply } = await complete('colon', HOST + '    licensingMode:|\n    configuredBy: gpo\n');
    const out = apply('perUser');
    assert.match(out, /\n {4}licensingMode: perUser\n/);
    assert.equal(YAML.parse(out).sessionHosts[0].licensingMode, 'perUser');
  });

  test('Windows versions offered for an os or a CAL version include the R2 releases, quoted, in release order', async () => {
    const { items, apply } = await complete('versions', HOST.replace('    os: 2022\n', '    os: |\n'));
    assert.deepEqual(items.map((i) => i.label), ['2008', '2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025']);
    assert.equal(YAML.parse(apply('2012 R2')).sessionHosts[0].os, '2012 R2');
    assert.equal(YAML.parse(apply('2016')).sessionHosts[0].os, 2016);
    // The user opened the quote: the text goes inside it.
    const quoted = await complete('quoted-version', HOST.replace('    os: 2022\n', '    os: "20|"\n'));
    assert.equal(YAML.parse(quoted.apply('2008 R2')).sessionHosts[0].os, '2008 R2');
  });
});

describe('completion for a client without snippet support (Helix, a bare Neovim)', () => {
  let client: TestClient;

  before(async () => {
    client = new TestClient({ snippets: false });
    await client.initialize();
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('a new session host is plain text with every default: no ${1:…} in the file, valid YAML', async () => {
    const text = 'kind: RdsLicensingInventory\nversion: 1\norganization: X\nlicenseServers:\n  - name: LICSRV01.corp.local\n    os: 2022\n    status: active\nsessionHosts:\n  - name: RDSH01\n    os: 2022\n  ';
    const uri = 'file:///tmp/plain.rdslic.yaml';
    client.open(uri, text);
    const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 10, character: 2 } });
    const snippet = items.find((i) => i.label === 'session host');
    assert.ok(snippet, items.map((i) => i.label).join());
    assert.equal(snippet.insertTextFormat, 1, 'plain text');
    const out = applyEdits(text, [snippet.textEdit]);
    assert.doesNotMatch(out, /\$\{?\d/);
    const host = YAML.parse(out).sessionHosts[1];
    assert.equal(host.name, 'RDSH01.contoso.local');
    assert.equal(host.os, 2025);
    assert.deepEqual(host.licenseServers, ['LICSRV01.corp.local']);
  });
});
