// The inventory a runbook links to through its front matter: found relative to the runbook,
// parsed, the server located; every way it can fail is a problem with a reason, never a throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadLinkedInventory, loadLinkedInventoryAsync, parseRunbook } from '../../src/core/runbook';

const ROOT = path.resolve(__dirname, '../../..');
const RUNBOOK = path.join(ROOT, 'ops', 'runbooks', 'recover.runbook.md');

const INVENTORY = [
  'kind: RdsLicensingInventory',
  'version: 1',
  'licenseServers:',
  '  - name: LICSRV03.contoso.local',
  '    serverId: "12345-67890-12345-67890-12345-67890-12345"',
  '  - name: LICSRV04.contoso.local',
  '',
].join('\n');

/** A reader over an in-memory file system; records what was asked. */
function files(map: Record<string, string | Uint8Array>) {
  const asked: string[] = [];
  const read = (p: string) => {
    asked.push(p);
    const content = map[p];
    if (content === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return content;
  };
  return { read, asked };
}

const inventoryPath = path.join(ROOT, 'ops', 'inventory', 'paris.rdslic.yaml');

test('resolves inventory: against the runbook folder and finds the server (case and final dot ignored)', () => {
  const fs = files({ [inventoryPath]: INVENTORY });
  const link = loadLinkedInventory(RUNBOOK, { inventory: '../inventory/paris.rdslic.yaml', server: 'licsrv04.CONTOSO.local.' }, fs.read);
  assert.deepEqual(fs.asked, [inventoryPath]);
  assert.equal(link.problem, undefined);
  assert.equal(link.path, inventoryPath);
  assert.equal(link.server?.index, 1);
  assert.equal(link.server?.value.name, 'LICSRV04.contoso.local');
  assert.equal(link.parsed?.inventory.licenseServers?.length, 2);
});

test('takes the front matter as parseRunbook gives it, and bytes as UTF-8 (BOM dropped)', () => {
  const doc = parseRunbook('---\ntitle: t\nlang: en\ninventory: ../inventory/paris.rdslic.yaml\nserver: LICSRV03.contoso.local\n---\n# x\n');
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(INVENTORY)]);
  const link = loadLinkedInventory(RUNBOOK, doc.frontMatter?.data, files({ [inventoryPath]: bytes }).read);
  assert.equal(link.problem, undefined);
  assert.equal(link.server?.value.serverId, '12345-67890-12345-67890-12345-67890-12345');
});

test('an unknown server is a problem that lists the servers the inventory has', () => {
  const link = loadLinkedInventory(RUNBOOK, { inventory: '../inventory/paris.rdslic.yaml', server: 'LICSRV09' }, files({ [inventoryPath]: INVENTORY }).read);
  assert.equal(link.problem?.kind, 'unknownServer');
  assert.match(link.problem!.message, /LICSRV09/);
  assert.match(link.problem!.message, /LICSRV03\.contoso\.local, LICSRV04\.contoso\.local/);
  assert.ok(link.parsed, 'the inventory is still given');
  assert.equal(link.server, undefined);
});

test('no inventory, placeholders and a missing server: nothing is read', () => {
  const fs = files({});
  assert.equal(loadLinkedInventory(RUNBOOK, { title: 't' }, fs.read).problem?.kind, 'noInventory');
  assert.equal(loadLinkedInventory(RUNBOOK, undefined, fs.read).problem?.kind, 'noInventory');
  assert.equal(loadLinkedInventory(RUNBOOK, ['inventory'], fs.read).problem?.kind, 'noInventory');
  assert.equal(loadLinkedInventory(RUNBOOK, { inventory: 42 }, fs.read).problem?.kind, 'noInventory');
  assert.equal(loadLinkedInventory(RUNBOOK, { inventory: '{{ inventory.path }}' }, fs.read).problem?.kind, 'inventoryPlaceholder');
  assert.deepEqual(fs.asked, []);
  const withInventory = files({ [inventoryPath]: INVENTORY });
  const template = loadLinkedInventory(RUNBOOK, { inventory: '../inventory/paris.rdslic.yaml', server: '{{server.name}}' }, withInventory.read);
  assert.equal(template.problem?.kind, 'serverPlaceholder');
  assert.ok(template.parsed);
  assert.equal(loadLinkedInventory(RUNBOOK, { inventory: '../inventory/paris.rdslic.yaml' }, withInventory.read).problem?.kind, 'noServer');
});

test('a missing, unreadable, non-UTF-8 or broken inventory says which and why', () => {
  const front = { inventory: '../inventory/paris.rdslic.yaml', server: 'LICSRV03.contoso.local' };
  const missing = loadLinkedInventory(RUNBOOK, front, files({}).read);
  assert.equal(missing.problem?.kind, 'inventoryNotFound');
  assert.match(missing.problem!.message, /paris\.rdslic\.yaml/);

  const denied = loadLinkedInventory(RUNBOOK, front, () => {
    throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  });
  assert.equal(denied.problem?.kind, 'inventoryUnreadable');
  assert.match(denied.problem!.message, /EACCES/);

  const latin1 = loadLinkedInventory(RUNBOOK, front, files({ [inventoryPath]: new Uint8Array([0x6b, 0xe9, 0x0a]) }).read);
  assert.equal(latin1.problem?.kind, 'inventoryUnreadable');

  const broken = loadLinkedInventory(RUNBOOK, front, files({ [inventoryPath]: 'kind: [unclosed\n' }).read);
  assert.equal(broken.problem?.kind, 'inventoryUnparseable');
  assert.match(broken.problem!.message, /line 1/);
  assert.equal(broken.parsed, undefined);

  const list = loadLinkedInventory(RUNBOOK, front, files({ [inventoryPath]: '- a\n- b\n' }).read);
  assert.equal(list.problem?.kind, 'inventoryUnparseable');
});

test('the asynchronous variant gives the same answers', async () => {
  const front = { inventory: '../inventory/paris.rdslic.yaml', server: 'LICSRV03.contoso.local' };
  const ok = await loadLinkedInventoryAsync(RUNBOOK, front, async (p) => files({ [inventoryPath]: INVENTORY }).read(p));
  assert.equal(ok.server?.index, 0);
  const missing = await loadLinkedInventoryAsync(RUNBOOK, front, async () => {
    throw Object.assign(new Error('gone'), { code: 'FileNotFound' });
  });
  assert.equal(missing.problem?.kind, 'inventoryNotFound');
});
