// The real server: the `rdslic.rules` editor setting (workspace/configuration section rdslic)
// changes severities, and a configuration change publishes again; the license server and
// migration snippets are offered in their lists and, once filled in, lint without a shape error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { applyEdits, TestClient } from './client';
import { makeWorkspace, WITH_PROBLEMS } from './fixtures';
import { lintInventory } from '../../src/core/inventory/lint';

const summary = (ds: any[]) => ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}`);

test('rdslic.rules: RDS104 off and RDS303 info in the editor; a configuration change publishes the new severities', async () => {
  const ws = makeWorkspace(true);
  const settings: { rdslic: Record<string, unknown> } = { rdslic: { rules: { RDS104: 'off', RDS303: 'info' } } };
  const client = new TestClient({ workspaceFolder: ws.dir, settings });
  try {
    await client.initialize();
    const uri = ws.uri(ws.problems);
    client.open(uri, WITH_PROBLEMS);
    // The setting is pulled after `initialized`; the publication that follows it counts.
    const first = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && !p.diagnostics.some((d: any) => d.code === 'RDS104'));
    assert.deepEqual(summary(first.diagnostics), ['RDS303 3 22', 'RDS302 1 23']);
    const since = client.notifications.length;
    settings.rdslic = { rules: { RDS302: 'warning' } };
    client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const again = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
    assert.deepEqual(summary(again.diagnostics), ['RDS104 2 5', 'RDS303 1 22', 'RDS302 2 23']);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});

/** The text a snippet leaves once each tab stop gets its default, its first choice, or `fill[n]`. */
function expandSnippet(snippet: string, fill: Record<number, string>): string {
  return snippet
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => fill[Number(n)] ?? choices.split(',')[0].replace(/\\(.)/g, '$1'))
    .replace(/\$\{(\d+):([^}]*)\}/g, (_m, n: string, def: string) => fill[Number(n)] ?? def)
    .replace(/\$\{(\d+)\}/g, (_m, n: string) => fill[Number(n)] ?? '')
    .replace(/\$0/g, '');
}

test('license server and migration snippets: offered in their lists, valid inventories once filled in', async () => {
  const ws = makeWorkspace();
  const client = new TestClient({ workspaceFolder: ws.dir });
  try {
    await client.initialize();
    const head = 'kind: RdsLicensingInventory\nversion: 1\norganization: Contoso\n';
    const complete = async (name: string, text: string, label: string) => {
      const uri = ws.uri(`${ws.dir}/${name}.rdslic.yaml`);
      client.open(uri, text);
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const items: any[] = await client.request('textDocument/completion', { textDocument: { uri }, position });
      return { item: items.find((i) => i.label === label), labels: items.map((i) => i.label) };
    };

    const servers = head + 'licenseServers:\n  ';
    const server = await complete('servers', servers, 'license server');
    assert.ok(server.item, server.labels.join());
    assert.ok(!server.labels.includes('migration') && !server.labels.includes('session host'), 'only the snippet of this list');
    assert.equal(server.item.insertTextFormat, 2);
    const withServer = applyEdits(servers, [{ ...server.item.textEdit, newText: expandSnippet(server.item.textEdit.newText, { 2: '12345-67890-12345-67890-12345-67890-12345', 8: '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E' }) }]);
    assert.match(withServer, /\n {2}- name: LICSRV01\.contoso\.local\n {4}serverId: "12345-67890-12345-67890-12345-67890-12345"\n/);
    assert.match(withServer, /\n {4}packs:\n {6}- keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"\n {8}program: /);
    const shape = (text: string) => lintInventory(text).findings.filter((f) => /^(YAML|SCHEMA)/.test(f.ruleId));
    assert.deepEqual(shape(withServer), []);

    // The migration snippet, in a file whose servers come from the workspace (choices).
    const migrations = withServer + '\nmigrations:\n  ';
    const migration = await complete('migrations', migrations, 'migration');
    assert.ok(migration.item, migration.labels.join());
    assert.ok(!migration.labels.includes('license server'));
    assert.match(migration.item.textEdit.newText, /from: \$\{2\|[^|]*LICSRV01\.contoso\.local[^|]*\|\}/);
    const filled = applyEdits(migrations, [{ ...migration.item.textEdit, newText: expandSnippet(migration.item.textEdit.newText, { 2: 'LICSRV01.contoso.local', 3: 'LICSRV01.contoso.local' }) }]);
    assert.match(filled, /\nmigrations:\n {2}- id: MIG-\d{4}-01\n {4}from: LICSRV01\.contoso\.local\n {4}to: LICSRV01\.contoso\.local\n {4}reason: /);
    assert.deepEqual(shape(filled), []);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});
