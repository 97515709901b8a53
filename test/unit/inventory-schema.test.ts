import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lintInventory } from '../../src/core/inventory/lint';
import { covered, HEADER, lint, only, TODAY } from './support/inventory';

const ROOT = path.resolve(__dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/inventory.schema.json'), 'utf8'));

function finding(body: string, ruleId: string) {
  const text = HEADER + body;
  const found = only(lintInventory(text, { today: TODAY }).findings, ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId} in:\n${body}\ngot ${JSON.stringify(found)}`);
  return { f: found[0], text, at: covered(text, found[0]) };
}

test('every property of the schema has a title and a description (they feed hovers)', () => {
  const missing: string[] = [];
  const walk = (node: any, where: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [name, declared] of Object.entries<any>(node.properties ?? {})) {
      // A $ref'd definition's title/description show when the property has none of its own.
      const prop = declared.$ref ? { ...schema.definitions[declared.$ref.split('/').pop()], ...declared } : declared;
      if (!prop.title || !prop.description) missing.push(`${where}.${name}`);
      walk(prop, `${where}.${name}`);
      if (prop.items) walk(prop.items, `${where}.${name}[]`);
    }
    for (const [name, def] of Object.entries<any>(node.definitions ?? {})) walk(def, `#${name}`);
  };
  walk(schema, '');
  assert.deepEqual(missing, []);
});

test('every enum comes with one description per value', () => {
  const bad: string[] = [];
  const walk = (node: any, where: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.enum) && node.type === 'string' && node.enumDescriptions?.length !== node.enum.length) bad.push(where);
    for (const [k, v] of Object.entries<any>(node)) if (v && typeof v === 'object') walk(v, `${where}/${k}`);
  };
  walk(schema, '#');
  assert.deepEqual(bad, []);
});

test('the licensing mode values carry their registry values (4, 2, 5) for hovers', () => {
  const mode = schema.definitions.sessionHost.properties.licensingMode;
  assert.deepEqual(mode.enum, ['perUser', 'perDevice', 'notConfigured']);
  assert.match(mode.enumDescriptions[0], /= 4/);
  assert.match(mode.enumDescriptions[1], /= 2/);
  assert.match(mode.enumDescriptions[2], /= 5/);
});

test('an unknown key is placed on that key, with the closest known key suggested', () => {
  const { f, at } = finding('licenseServers:\n  - name: A\n    status: active\n    serverID: "x"\n', 'SCHEMA001');
  assert.equal(at, 'serverID');
  assert.match(f.message, /did you mean "serverId"/);
  assert.deepEqual(f.fix, { kind: 'renameKey', replacement: 'serverId' });
});

test('a missing required key is placed on the key of the object that lacks it', () => {
  const { f, at } = finding('licenseServers:\n  - name: A\n    status: active\n    backup:\n      location: x\n    packs:\n      - type: perUser\n        version: 2022\n', 'SCHEMA002');
  assert.equal(at, 'type: perUser', 'list item: its first line');
  assert.match(f.message, /"quantity"/);
});

test('a missing top-level key is placed on the first key of the document, never the whole file', () => {
  const text = 'kind: RdsLicensingInventory\nversion: 1\nsite: Paris\n';
  const [f] = only(lintInventory(text, { today: TODAY }).findings, 'SCHEMA002');
  assert.deepEqual(f.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  assert.match(f.message, /"organization"/);
});

test('a missing key of a nested mapping is placed on the key holding that mapping', () => {
  const { at } = finding('licenseServers:\n  - status: active\n    os: 2022\n', 'SCHEMA002');
  assert.equal(at, 'status: active');
});

test('a wrong type is placed on the value; unquoted digits get a quote fix that keeps them', () => {
  const { f, at } = finding('licenseServers:\n  - name: A\n    status: active\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: 5\n        agreementNumber: 0123456\n', 'SCHEMA003');
  assert.equal(at, '0123456');
  assert.deepEqual(f.fix, { kind: 'quoteValue', replacement: '"0123456"' });
  assert.match(f.message, /quotes/);
});

test('a list where a mapping is expected is a type finding on the value', () => {
  const { at, f } = finding('licenseServers:\n  - name: A\n    status: active\n    backup: [x]\n', 'SCHEMA003');
  assert.equal(at, '[x]');
  assert.match(f.message, /mapping/);
});

test('an enum value is placed on the value, with a suggestion for near misses', () => {
  const { f, at } = finding('sessionHosts:\n  - name: H\n    licensingMode: PerUser\n', 'SCHEMA004');
  assert.equal(at, 'PerUser');
  assert.deepEqual(f.fix, { kind: 'replaceValue', replacement: 'perUser' });
  assert.match(f.message, /perUser, perDevice, notConfigured/);
});

test('a wrong const (kind, version) is placed on the value', () => {
  const text = 'kind: RdsLicensingInventory\nversion: 2\norganization: C\n';
  const [f] = only(lintInventory(text, { today: TODAY }).findings, 'SCHEMA004');
  assert.equal(covered(text, f), '2');
});

test('a Windows version outside the list gives ONE message listing the versions, on the value', () => {
  for (const value of ['2023', '"2023"', '"2012 R3"', 'true']) {
    const { f, at } = finding(`sessionHosts:\n  - name: H\n    os: ${value}\n`, 'SCHEMA004');
    assert.equal(at, value);
    assert.match(f.message, /2008, 2008 R2, 2012, 2012 R2, 2016, 2019, 2022, 2025/);
  }
});

test('versions are accepted as numbers or strings in the usual spellings', () => {
  for (const value of ['2022', '"2012 R2"', '2012R2', '"2008 R2"', 'WS2019', '"Windows Server 2016"']) {
    const { findings } = lint(`sessionHosts:\n  - name: H\n    os: ${value}\n    licenseServers: []\n`);
    assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('SCHEMA')), [], value);
  }
});

test('a date in another form is placed on the value', () => {
  const { f, at } = finding('sessionHosts:\n  - name: H\n    deployed: 10/01/2026\n', 'SCHEMA005');
  assert.equal(at, '10/01/2026');
  assert.match(f.message, /YYYY-MM-DD/);
  const impossible = finding('sessionHosts:\n  - name: H\n    deployed: 2026-02-30\n', 'SCHEMA005');
  assert.equal(impossible.at, '2026-02-30');
});

test('pattern, minimum and uniqueItems findings are placed on the offending value', () => {
  assert.equal(finding('licenseServers:\n  - name: "LIC SRV"\n    status: active\n', 'SCHEMA005').at, '"LIC SRV"');
  assert.equal(
    finding('licenseServers:\n  - name: A\n    status: active\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: 0\n', 'SCHEMA005').at,
    '0',
  );
  assert.equal(finding('sessionHosts:\n  - name: H\n    licenseServers: [A, B, A]\n', 'SCHEMA005').at, 'A');
});

test('several errors in one file are each placed on their own node', () => {
  const text = HEADER + 'licenseServers:\n  - name: A\n    status: gone\n    os: 1999\n    color: red\n';
  const found = lintInventory(text, { today: TODAY }).findings.filter((f) => f.ruleId.startsWith('SCHEMA'));
  assert.deepEqual(
    found.map((f) => [f.ruleId, covered(text, f)]),
    [
      ['SCHEMA004', 'gone'],
      ['SCHEMA004', '1999'],
      ['SCHEMA001', 'color'],
    ],
  );
});

test('a pattern finding states the expected form in whole sentences (never cut at a colon)', () => {
  const pack = 'licenseServers:\n  - name: A\n    status: active\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: 5\n        program: retail\n        retailCodeLast5: "ab"\n';
  const { f } = finding(pack, 'SCHEMA005');
  assert.match(f.message, /5 letters or digits/);
  assert.match(f.message, /\.$/);
  // Every description that ends a pattern message ends as a sentence does.
  const { firstSentence } = require('../../src/core/inventory/schema-findings') as typeof import('../../src/core/inventory/schema-findings');
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.pattern === 'string' && typeof n.description === 'string') assert.match(firstSentence(n.description), /[.!?]$/, n.description);
    for (const v of Object.values(n)) visit(v);
  };
  visit(schema);
  assert.equal(firstSentence('Note: e.g. this one. Then more.'), 'Note: e.g. this one.');
});

test('a wrong type for a value with a list of allowed values is ONE finding naming them', () => {
  const empty = lint('licenseServers:\n  - name: A\n    status:\n').findings.filter((f) => f.ruleId.startsWith('SCHEMA'));
  assert.deepEqual(empty.map((f) => f.ruleId), ['SCHEMA003']);
  assert.match(empty[0].message, /"status" must be one of active, decommissioned, lost, reinstalled, not empty/);
  assert.doesNotMatch(empty[0].message, /null/);
  const list = lint('sessionHosts:\n  - name: H\n    joined: [domain]\n').findings.filter((f) => f.ruleId.startsWith('SCHEMA'));
  assert.deepEqual(list.map((f) => f.ruleId), ['SCHEMA003']);
  assert.match(list[0].message, /domain, workgroup, not a list/);
});

test('a date read as a number asks for YYYY-MM-DD, not for quotes', () => {
  const { f, at } = finding('licenseServers:\n  - name: A\n    status: active\n    activated: 12\n', 'SCHEMA003');
  assert.equal(at, '12');
  assert.match(f.message, /YYYY-MM-DD/);
  assert.doesNotMatch(f.message, /quotes/);
  assert.equal(f.fix, undefined);
});

test('an unknown key names where it is with acronyms kept ("CAL pack", not "cal pack")', () => {
  const { f } = finding(
    'licenseServers:\n  - name: A\n    status: active\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: 5\n        colour: red\n',
    'SCHEMA001',
  );
  assert.match(f.message, /^Unknown key "colour" in CAL pack\. /);
});

test('a YAML merge key (<<) says it is not supported and what to write instead, on the key', () => {
  const { f, at } = finding(
    'sessionHosts:\n  - name: H0\n    os: &os 2022\n  - <<: {os: *os}\n    name: H1\n',
    'SCHEMA001',
  );
  assert.equal(at, '<<');
  assert.match(f.message, /merge key/);
  assert.match(f.message, /write the keys out/i);
  assert.doesNotMatch(f.message, /Known keys/);
});
