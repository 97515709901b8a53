// Edits behind the quick fixes, on the shapes inventories come in (no list yet, flow lists,
// unindented lists, CRLF line ends, no final newline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInventory } from '../../src/core/inventory/parse';
import { addKeyEdit, addServerStubEdit, suppressionEdit } from '../../src/core/language/code-actions';
import { INVENTORY_SCHEMA } from '../../src/core/language/inventory-schema';
import { parsedYamlOf, offsetAt, type ParsedYaml } from '../../src/core/language/yaml-text';

function parse(text: string): ParsedYaml {
  return parsedYamlOf(parseInventory(text));
}

function apply(parsed: ParsedYaml, edit: { range: { start: any; end: any }; newText: string } | undefined): string {
  assert.ok(edit, 'an edit');
  const from = offsetAt(parsed, edit.range.start);
  const to = offsetAt(parsed, edit.range.end);
  return parsed.text.slice(0, from) + edit.newText + parsed.text.slice(to);
}

const HEAD = 'kind: RdsLicensingInventory\nversion: 1\n';

test('server stub: after the last server, at the indentation of the list, before the next section', () => {
  const text = HEAD + 'licenseServers:\n    - name: A\n      packs:\n        - quantity: 5\n# hosts\nsessionHosts: []\n';
  const p = parse(text);
  assert.equal(apply(p, addServerStubEdit(p, 'B')), HEAD + 'licenseServers:\n    - name: A\n      packs:\n        - quantity: 5\n    - name: B\n# hosts\nsessionHosts: []\n');
});

test('server stub: unindented list, CRLF line ends and no final newline are kept', () => {
  const text = HEAD.replace(/\n/g, '\r\n') + 'licenseServers:\r\n- name: A\r\n  os: 2022';
  const p = parse(text);
  assert.equal(apply(p, addServerStubEdit(p, 'B')), text + '\r\n- name: B\r\n');
});

test('server stub: a flow list, an empty key, no key at all', () => {
  const flow = parse(HEAD + 'licenseServers: [{ name: A }]\n');
  assert.equal(apply(flow, addServerStubEdit(flow, 'B')), HEAD + 'licenseServers: [{ name: A }, { name: B }]\n');
  const emptyFlow = parse(HEAD + 'licenseServers: []\n');
  assert.equal(apply(emptyFlow, addServerStubEdit(emptyFlow, 'B')), HEAD + 'licenseServers: [{ name: B }]\n');
  const empty = parse(HEAD + 'licenseServers:\nsessionHosts: []\n');
  assert.equal(apply(empty, addServerStubEdit(empty, 'B')), HEAD + 'licenseServers:\n  - name: B\nsessionHosts: []\n');
  const none = parse(HEAD + 'organization: Contoso');
  assert.equal(apply(none, addServerStubEdit(none, 'B')), HEAD + 'organization: Contoso\nlicenseServers:\n  - name: B\n');
});

test('suppression comment: above the line, with its indentation', () => {
  const text = HEAD + 'licenseServers:\n  - name: A\n    serverId: "x"\n';
  const p = parse(text);
  assert.equal(apply(p, suppressionEdit(p, 4, 'RDS101')), HEAD + 'licenseServers:\n  - name: A\n    # rdslic-disable-next-line RDS101\n    serverId: "x"\n');
});

test('missing key: added last in the right entry, even when a nested map starts at the same place', () => {
  const text = HEAD + 'migrations:\n  - id: M1\n    from: A\n    to: B\n    reason: reinstalled\n';
  const p = parse(text);
  const at = { line: 3, character: 4 };
  assert.equal(apply(p, addKeyEdit(p, INVENTORY_SCHEMA, { start: at, end: at }, 'state')), text + '    state: planned\n');
  const server = HEAD + 'licenseServers:\n  - backup:\n      location: x\n    os: 2022\n';
  const ps = parse(server);
  const start = { line: 3, character: 4 };
  assert.equal(apply(ps, addKeyEdit(ps, INVENTORY_SCHEMA, { start, end: start }, 'name')), server + '    name: ""\n');
});
