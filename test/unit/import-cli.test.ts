import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Inventory } from '../../src/core/inventory/model';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/wmi');

function rdslic(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-import-'));
}

const EXISTING = `# Contoso RDS licensing: reviewed in pull requests
kind: RdsLicensingInventory
version: 1
organization: Contoso   # legal name

licenseServers:
  - name: LICSRV01.contoso.local   # primary
    serverId: "12345678901234567890123456789012345"
    os: 2022
    status: active
    connectionMethod: telephone
    activated: 2026-01-10
    packs:
      # EA pack bought in 2025
      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        localId: 3
        program: enterpriseAgreement
        agreementNumber: "1234567"
        type: perUser
        version: 2022
        quantity: 15       # before the true-up
        installed: 2026-01-10
        evidence: "Invoice 2025-118"
      # written by hand before the first import
      - program: openLicense
        licenseNumber: "12345678"
        type: perDevice
        version: 2019
        quantity: 10
sessionHosts:
  - name: RDSH01.contoso.local  # the big one
    os: 2022
    licensingMode: perDevice
    licenseServers: [LICSRV01.contoso.local]
    configuredBy: gpo
    deployed: 2026-01-05
  - name: RDSH09.contoso.local
    os: 2016
`;

test('import wmi writes an inventory to stdout and reports left-out packs on stderr', () => {
  const r = rdslic('import', 'wmi', path.join(FIXTURES, 'ps51-array.json'), '--server', 'LICSRV01.contoso.local');
  assert.equal(r.status, 0, r.stderr);
  const inv = parseYaml(r.stdout) as Inventory;
  assert.equal(inv.kind, 'RdsLicensingInventory');
  assert.equal(inv.licenseServers?.[0].packs?.length, 3);
  assert.match(r.stderr, /ps51-array\.json: Key pack KeyPackId 2 left out/);
});

test('import wmi --out writes the file and nothing to stdout', () => {
  const dir = tempDir();
  const out = path.join(dir, 'site.rdslic.yaml');
  const r = rdslic('import', 'wmi', path.join(FIXTURES, 'collector-license-server.json'), '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(fs.readFileSync(out, 'utf8'), /^# Imported by `rdslic import wmi`/);
  assert.deepEqual(fs.readdirSync(dir), ['site.rdslic.yaml']);
});

test('import wmi: bad JSON is exit 2 with file:line:column, and no output', () => {
  const dir = tempDir();
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '[\n  {"KeyPackId": 3,,}\n]');
  const r = rdslic('import', 'wmi', bad, '--server', 'S');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /bad\.json:2:\d+: error: Not valid JSON/);
});

test('import wmi of an empty export ([]) is exit 2 with the warning and writes nothing', () => {
  const dir = tempDir();
  const file = path.join(dir, 'empty.json');
  fs.writeFileSync(file, '[]\n');
  const out = path.join(dir, 'out.rdslic.yaml');
  const r = rdslic('import', 'wmi', file, '--server', 'LIC01.contoso.local', '--out', out);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /No key pack in .*empty\.json: was it run as an administrator on the license server\?/);
  assert.match(r.stderr, /Nothing to import/);
  assert.equal(fs.existsSync(out), false);
});

test('import: usage errors (no source, no file, missing file) exit 2 with one message', () => {
  assert.equal(rdslic('import').status, 2);
  assert.equal(rdslic('import', 'wmi').status, 2);
  const r = rdslic('import', 'wmi', 'no-such-file.json');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot read no-such-file\.json: ENOENT/);
});

test('--into keeps the user comments, order and values, updates what WMI knows and appends the rest', () => {
  const dir = tempDir();
  const file = path.join(dir, 'contoso.rdslic.yaml');
  fs.writeFileSync(file, EXISTING);
  const r = rdslic(
    'import',
    'wmi',
    path.join(FIXTURES, 'collector-license-server.json'),
    path.join(FIXTURES, 'collector-session-host-gpo.json'),
    '--into',
    file,
  );
  assert.equal(r.status, 0, r.stderr);
  const merged = fs.readFileSync(file, 'utf8');
  // Comments and hand-written values stay where they were, with the user's spacing before
  // trailing comments and inside flow lists.
  for (const kept of [
    '# Contoso RDS licensing: reviewed in pull requests',
    '\norganization: Contoso   # legal name\n',
    '\n  - name: LICSRV01.contoso.local   # primary\n',
    '\n    licenseServers: [LICSRV01.contoso.local]\n',
    'serverId: "12345678901234567890123456789012345"',
    '      # EA pack bought in 2025',
    'program: enterpriseAgreement',
    'evidence: "Invoice 2025-118"',
    '      # written by hand before the first import',
    '\n  - name: RDSH01.contoso.local  # the big one\n',
    '  - name: RDSH09.contoso.local',
  ]) {
    assert.ok(merged.includes(kept), `lost: ${kept}\n${merged}`);
  }
  assert.match(merged, /quantity: 20 +# before the true-up/);
  const inv = parseYaml(merged) as Inventory;
  assert.deepEqual(Object.keys(inv), ['kind', 'version', 'organization', 'licenseServers', 'sessionHosts']);
  const packs = inv.licenseServers?.[0].packs ?? [];
  assert.deepEqual(
    packs.map((p) => [p.localId, p.program, p.type, p.version, p.quantity, p.issued]),
    [
      [3, 'enterpriseAgreement', 'perUser', 2022, 20, 14],
      [5, 'openLicense', 'perDevice', 2019, 10, 10], // matched by kind, now numbered
      [4, 'retail', 'perUser', 2022, 20, 9], // new, appended with its TODOs
    ],
  );
  assert.match(merged, /# TODO: keyPackId[^\n]*\n(\s*# TODO:[^\n]*\n)*\s*- localId: 4/);
  assert.equal(inv.sessionHosts?.[0].licensingMode, 'perUser');
  assert.equal(inv.sessionHosts?.[0].deployed, '2026-01-05');
  assert.deepEqual(inv.sessionHosts?.[1], { name: 'RDSH09.contoso.local', os: 2016 });
  assert.match(r.stderr, /licensingMode perDevice → perUser/);
  assert.match(r.stderr, /quantity 15 → 20/);

  // A second run changes nothing.
  const again = rdslic('import', 'wmi', path.join(FIXTURES, 'collector-license-server.json'), path.join(FIXTURES, 'collector-session-host-gpo.json'), '--into', file);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), merged);
  assert.match(again.stderr, /already up to date/);
});

test('--into keeps flow lists as written ([a], [ a, b ]) and the spacing before comments of untouched lines', () => {
  const dir = tempDir();
  const file = path.join(dir, 'flow.rdslic.yaml');
  const original = [
    'kind: RdsLicensingInventory',
    'version: 1',
    'organization: Contoso',
    'licenseServers:',
    '  - name: LICSRV01.contoso.local',
    '    os: 2022          # upgraded in 2025',
    '    status: active',
    '    backup: {method: systemState,   includesRegistry: true}',
    'sessionHosts:',
    '  - name: RDSH07.contoso.local',
    '    licenseServers: [ LICSRV01.contoso.local ]   # both DCs',
    '  - name: RDSH08.contoso.local',
    '    licenseServers: [LICSRV01.contoso.local, LICSRV02.contoso.local]',
    '',
  ].join('\n');
  fs.writeFileSync(file, original);
  const r = rdslic('import', 'wmi', path.join(FIXTURES, 'ps7-single.json'), '--into', file);
  assert.equal(r.status, 0, r.stderr);
  const merged = fs.readFileSync(file, 'utf8');
  assert.notEqual(merged, original, 'the pack was added');
  // Every line of the original is still there, byte for byte.
  for (const line of original.split('\n').filter((l) => l !== '')) assert.ok(merged.split('\n').includes(line), `changed: ${line}\n${merged}`);
});

test('--into an empty file builds the inventory there', () => {
  const dir = tempDir();
  const file = path.join(dir, 'new.rdslic.yaml');
  fs.writeFileSync(file, '');
  const r = rdslic('import', 'wmi', path.join(FIXTURES, 'ps7-single.json'), '--into', file);
  assert.equal(r.status, 0, r.stderr);
  const inv = parseYaml(fs.readFileSync(file, 'utf8')) as Inventory;
  assert.equal(inv.licenseServers?.[0].packs?.[0].localId, 7);
});

test('--into a file that is not YAML is exit 2 with a position; the file is untouched', () => {
  const dir = tempDir();
  const file = path.join(dir, 'broken.rdslic.yaml');
  fs.writeFileSync(file, 'kind: [unclosed\n');
  const r = rdslic('import', 'wmi', path.join(FIXTURES, 'ps7-single.json'), '--into', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /broken\.rdslic\.yaml:\d+:\d+/);
  assert.equal(fs.readFileSync(file, 'utf8'), 'kind: [unclosed\n');
});
