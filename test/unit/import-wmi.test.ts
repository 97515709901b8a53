import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildInventory, decodeText, readWmiJson, renderInventory, toIsoDate } from '../../src/core/import';
import type { Inventory } from '../../src/core/inventory/model';
import { lintInventory } from '../../src/core/inventory/lint';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/wmi');

function collect(...names: string[]) {
  return names.map((n) => readWmiJson(decodeText(fs.readFileSync(path.join(FIXTURES, n))).text, n));
}

function importFixtures(names: string[], server?: string) {
  const result = buildInventory(collect(...names), { server });
  const yaml = renderInventory(result.inventory, result.todos);
  return { result, yaml, inventory: parseYaml(yaml) as Inventory };
}

test('PS 5.1 array: CAL packs by number, built-in pack left out and reported, extra CIM properties ignored', () => {
  const { result, inventory } = importFixtures(['ps51-array.json'], 'LICSRV01.contoso.local');
  const packs = inventory.licenseServers?.[0].packs ?? [];
  assert.deepEqual(
    packs.map((p) => [p.localId, p.type, p.version, p.quantity, p.issued, p.program]),
    [
      [3, 'perUser', 2019, 2000, 1, 'openLicense'],
      [4, 'perDevice', 2012, 25, 12, undefined],
      [5, 'perUser', 2022, 50, 48, 'retail'],
    ],
  );
  assert.equal(result.skipped.length, 1);
  assert.equal(result.skipped[0].pack.keyPackId, 2);
  assert.ok(result.messages.some((m) => /KeyPackId 2 left out/.test(m.message)));
});

test('a UTF-16 LE file with a BOM and CRLF (Windows PowerShell 5.1 Out-File) reads the same as UTF-8', () => {
  const bytes = fs.readFileSync(path.join(FIXTURES, 'ps51-array-utf16le.json'));
  assert.equal(decodeText(bytes).encoding, 'utf-16le');
  const a = importFixtures(['ps51-array-utf16le.json'], 'X.contoso.local').inventory;
  const b = importFixtures(['ps51-array.json'], 'X.contoso.local').inventory;
  assert.deepEqual(a, b);
});

test('UTF-16 without a BOM, UTF-8 with a BOM and ANSI text are decoded', () => {
  assert.deepEqual(decodeText(Buffer.from('[{"a":1}]', 'utf16le')), { text: '[{"a":1}]', encoding: 'utf-16le' });
  assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).text, '{}');
  assert.equal(decodeText(Buffer.from([0x22, 0x47, 0x65, 0x72, 0xe4, 0x74, 0x22])).text, '"Gerät"');
});

test('PS 7 single object with ISO dates: one pack; the server is the PSComputerName', () => {
  const [c] = collect('ps7-single.json');
  assert.equal(c.keyPacks.length, 1);
  assert.equal(c.keyPacks[0].expirationDate, '2038-01-01');
  const { inventory } = importFixtures(['ps7-single.json']);
  assert.equal(inventory.licenseServers?.[0].name, 'LICSRV02');
  assert.deepEqual(inventory.licenseServers?.[0].packs?.map((p) => [p.localId, p.type, p.version, p.quantity]), [[7, 'perUser', 2022, 40]]);
});

test('Get-WmiObject DMTF dates and -1 unlimited: the temporary pack is not counted', () => {
  const [c] = collect('wmiobject-dmtf.json');
  assert.deepEqual(
    c.keyPacks.map((k) => [k.keyPackId, k.totalLicenses, k.availableLicenses, k.expirationDate]),
    [
      [1, 'unlimited', 'unlimited', '2038-01-19'],
      [6, 100, 63, '2038-01-01'],
    ],
  );
  const { inventory, result } = importFixtures(['wmiobject-dmtf.json']);
  assert.deepEqual(inventory.licenseServers?.[0].packs?.map((p) => [p.localId, p.type, p.version, p.quantity, p.issued]), [[6, 'perDevice', 2016, 100, 37]]);
  assert.match(result.skipped[0].reason, /KeyPackType 4/);
});

test('German export: mapping does not depend on the localized strings; the built-in pack is found by its numbers', () => {
  const [c] = collect('german-export.json');
  assert.equal(c.keyPacks[1].productVersion, 'Windows Server 2008 oder Windows Server 2008 R2');
  const { inventory, result } = importFixtures(['german-export.json'], 'LIZSRV01.contoso.de');
  assert.deepEqual(
    inventory.licenseServers?.[0].packs?.map((p) => [p.localId, p.type, p.version, p.quantity]),
    [
      [3, 'perDevice', '2008 R2', 30],
      [4, 'perUser', 2019, 75],
    ],
  );
  // "Integrierte TS-Pro-Gerät-CAL" does not start with "Built-in": KeyPackType 6 / ProductType 3 decide.
  assert.equal(result.skipped[0].pack.typeAndModel, 'Integrierte TS-Pro-Gerät-CAL');
});

test('collector files: license server facts, key packs and session hosts in one inventory', () => {
  const { inventory } = importFixtures(['collector-license-server.json', 'collector-session-host-gpo.json', 'collector-session-host-local.json', 'terminal-service-setting.json']);
  const server = inventory.licenseServers?.[0] as Record<string, unknown>;
  assert.equal(server.name, 'LICSRV01.contoso.local');
  assert.equal(server.serverId, '12345-67890-12345-67890-12345-67890-12345');
  assert.equal(server.os, 2022);
  assert.equal(server.publishedInAD, true);
  assert.equal(server.joined, 'domain');
  assert.equal(inventory.organization, 'contoso.local');
  assert.deepEqual(
    inventory.sessionHosts?.map((h) => [h.name, h.os, h.licensingMode, h.licenseServers, h.configuredBy, h.joined]),
    [
      ['RDSH01.contoso.local', 2022, 'perUser', ['LICSRV01.contoso.local'], 'gpo', 'domain'],
      ['RDSH02.contoso.local', 2019, 'perDevice', ['LICSRV01.contoso.local'], undefined, 'domain'],
      ['RDSH03', undefined, 'notConfigured', undefined, undefined, undefined],
    ],
  );
});

test('the inventory says what to complete with TODO comments next to each pack and host', () => {
  const { yaml } = importFixtures(['collector-license-server.json', 'collector-session-host-local.json']);
  const lines = yaml.split('\n');
  const firstPack = lines.findIndex((l) => /- localId: 3$/.test(l));
  assert.match(lines[firstPack - 3], /# TODO: keyPackId: the 35-character license key pack ID/);
  assert.match(lines[firstPack - 2], /# TODO: program: volume purchase/);
  assert.match(yaml, /# TODO: retailCodeLast5: the last 5 characters/);
  assert.match(yaml, /# TODO: configuredBy: not set by Group Policy here/);
  assert.match(yaml, /# TODO: deployed: .*87 days left/);
});

test('a file with no server name and no --server is an error that says what to pass', () => {
  const result = buildInventory([readWmiJson('{"KeyPackId": 3, "KeyPackType": 2, "ProductType": 1, "ProductVersionID": 7, "TotalLicenses": 5}', 'x.json')]);
  assert.ok(result.messages.some((m) => m.severity === 'error' && /--server NAME/.test(m.message)));
});

test('invalid JSON gives a line and column, never an exception', () => {
  const c = readWmiJson('[\n  { "KeyPackId": 3,\n    "Description": }\n]', 'bad.json');
  assert.equal(c.messages.length, 1);
  assert.equal(c.messages[0].severity, 'error');
  assert.equal(c.messages[0].line, 3);
  assert.ok((c.messages[0].column ?? 0) > 1);
  assert.equal(readWmiJson('', 'empty.json').messages[0].severity, 'error');
  assert.equal(readWmiJson('{"Name": "x"}', 'other.json').messages[0].severity, 'error');
});

test('unknown ProductVersionID and ProductType are left to complete, not guessed', () => {
  const result = buildInventory([readWmiJson('{"KeyPackId": 9, "KeyPackType": 2, "ProductType": 2, "ProductVersionID": 12, "ProductVersion": "Windows Server 2031", "TotalLicenses": 5}', 'x.json')], { server: 'S' });
  const pack = result.inventory.licenseServers?.[0].packs?.[0];
  assert.equal(pack?.type, undefined);
  assert.equal(pack?.version, undefined);
  assert.equal(pack?.quantity, 5);
  assert.ok(result.todos.some((t) => /version: the CAL version \(WMI ProductVersionID 12/.test(t.text)));
});

test('values that are there but unusable are shown as written, never as "undefined" or "missing"', () => {
  const result = buildInventory(
    [
      readWmiJson(
        `[{"KeyPackId": 9, "KeyPackType": 2, "ProductVersionID": 1, "ProductVersion": "Windows 2000 Server", "TotalLicenses": 1e400},
          {"KeyPackId": 10, "KeyPackType": 2, "ProductType": "many", "ProductVersionID": null, "TotalLicenses": "five"},
          {"KeyPackId": 11, "KeyPackType": 2, "ProductType": 1, "ProductVersionID": 0, "TotalLicenses": 4294967296}]`,
        'x.json',
      ),
    ],
    { server: 'S' },
  );
  const messages = result.messages.map((m) => m.message);
  const text = messages.join('\n');
  assert.doesNotMatch(text, /undefined/);
  assert.ok(messages.includes('Key pack KeyPackId 9: no ProductType in the export; type left to complete.'), text);
  assert.match(text, /KeyPackId 9: ProductVersionID 1 \("Windows 2000 Server"\) is "not supported" in the WMI documentation/);
  assert.match(text, /KeyPackId 9: TotalLicenses is a number too large to read/);
  assert.match(text, /KeyPackId 10: ProductType "many" is neither per device/);
  assert.match(text, /KeyPackId 10: ProductVersionID is null, not a number/);
  assert.match(text, /KeyPackId 10: TotalLicenses is "five"/);
  assert.match(text, /KeyPackId 11: ProductVersionID 0 is "not supported"/);
  assert.match(text, /KeyPackId 11: TotalLicenses is 4294967296;/);
  assert.doesNotMatch(text, /unknown ProductVersionID [01]\b/);
  // Nothing is guessed: no type, version or quantity where the export did not give one.
  const packs = result.inventory.licenseServers?.[0].packs ?? [];
  assert.deepEqual(packs.map((p) => [p.localId, p.type, p.version, p.quantity]), [[9, undefined, undefined, undefined], [10, undefined, undefined, undefined], [11, 'perUser', undefined, undefined]]);
});

test('an export with no key pack ([] or non-objects) warns about the account and the machine; alone it imports nothing', () => {
  for (const text of ['[]', '[1, "x", null]', '{"ComputerName": "LIC", "LicenseServer": null, "KeyPacks": []}']) {
    const c = readWmiJson(text, 'e.json');
    assert.ok(
      c.messages.some((m) => m.severity === 'warning' && m.message === 'No key pack in e.json: was it run as an administrator on the license server?'),
      `${text}: ${JSON.stringify(c.messages)}`,
    );
    const result = buildInventory([c], { server: 'S' });
    assert.ok(result.messages.some((m) => m.severity === 'error' && /Nothing to import/.test(m.message)), text);
  }
  assert.match(readWmiJson('[1]', 'e.json').messages[0].message, /Key pack 1 is not an object \(1\)/);
  // Next to a real export, the empty one is only a warning.
  const both = buildInventory([readWmiJson('[]', 'e.json'), ...collect('ps7-single.json')]);
  assert.ok(!both.messages.some((m) => m.severity === 'error'));
  assert.equal(both.inventory.licenseServers?.[0].packs?.length, 1);
});

test('dates: PS 5.1 epoch (with offset), PS 7 ISO, DMTF, wrapped value; nonsense is undefined', () => {
  assert.equal(toIsoDate('/Date(1700000000000)/'), '2023-11-14');
  assert.equal(toIsoDate('/Date(1700000000000+0100)/'), '2023-11-14');
  assert.equal(toIsoDate('2038-01-01T09:36:36'), '2038-01-01');
  assert.equal(toIsoDate('20380101000000.000000-000'), '2038-01-01');
  assert.equal(toIsoDate({ value: '/Date(2145916800000)/', DateTime: 'Friday, January 1, 2038' }), '2038-01-01');
  assert.equal(toIsoDate('20381345000000.000000-000'), undefined);
  assert.equal(toIsoDate('tomorrow'), undefined);
});

test('every imported fixture lints with no error', () => {
  const cases: [string[], string | undefined][] = [
    [['ps51-array.json'], 'LICSRV01.contoso.local'],
    [['ps51-array-utf16le.json'], 'LICSRV01.contoso.local'],
    [['ps7-single.json'], 'LICSRV02.contoso.local'],
    [['wmiobject-dmtf.json'], 'LICSRV01.contoso.local'],
    [['german-export.json'], 'LIZSRV01.contoso.de'],
    [['collector-license-server.json', 'collector-session-host-gpo.json', 'collector-session-host-local.json'], undefined],
    [['collector-license-server-with-hosts.json'], undefined],
    [['ps51-expired-and-temporary.json', 'ps51-license-server-cim.json', 'ps51-depth2-truncated.json'], 'LICSRV01.contoso.local'],
  ];
  for (const [files, server] of cases) {
    const { yaml } = importFixtures(files, server);
    const errors = lintInventory(yaml, { file: 'imported.rdslic.yaml', today: '2026-11-22' }).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.ruleId} ${f.message}`), [], files.join(', '));
  }
});

test('a bare Win32_TSLicenseServer export gives the server, its product ID, and no contact details', () => {
  const [c] = collect('license-server.json');
  assert.equal(c.licenseServer?.name, 'LICSRV03');
  assert.equal(c.licenseServer?.productId, '00486-001-0001076-84283');
  const { inventory, yaml } = importFixtures(['license-server.json', 'ps7-single.json'], undefined);
  assert.deepEqual(inventory.licenseServers?.map((s) => s.name), ['LICSRV03', 'LICSRV02']);
  assert.doesNotMatch(yaml, /FirstName|eMail/);
});

test('the collector script writes every key the importer fixtures use (the two stay in step)', () => {
  const script = fs.readFileSync(path.join(ROOT, 'scripts/Export-RdsLicensing.ps1'), 'utf8');
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        keys.add(k);
        walk(x);
      }
    }
  };
  for (const f of ['collector-license-server.json', 'collector-session-host-gpo.json', 'collector-session-host-local.json', 'collector-license-server-with-hosts.json']) {
    walk(JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')));
  }
  const missing = [...keys].filter((k) => !new RegExp(`['\\s]${k}['\\s=]`).test(script));
  assert.deepEqual(missing, []);
  // Windows PowerShell 5.1 compatible: no PowerShell 7-only syntax or parameters.
  assert.doesNotMatch(script, /\?\?|\?\.|-AsArray|-EscapeHandling|ForEach-Object -Parallel|\bclean\s*\{/);
  assert.match(script, /Get-CimInstance[\s\S]*Get-WmiObject/);
  // -ComputerName: named parameters inside a script block, never a switch passed by position.
  assert.match(script, /\[string\[\]\]\$ComputerName/);
  assert.match(script, /& \(\[scriptblock\]::Create\(\$Collector\)\) -SectionOnly/);
  assert.doesNotMatch(script, /-ArgumentList [^\n]*\$true/);
});

test('one collector file with the license server and several session hosts (-ComputerName) imports them all', () => {
  const { inventory, result } = importFixtures(['collector-license-server-with-hosts.json']);
  assert.deepEqual(result.messages.filter((m) => m.severity !== 'info'), []);
  assert.deepEqual(inventory.licenseServers?.map((s) => [s.name, s.packs?.length]), [['LICSRV01.contoso.local', 3]]);
  assert.deepEqual(
    inventory.sessionHosts?.map((h) => [h.name, h.os, h.licensingMode, h.licenseServers, h.configuredBy]),
    [
      ['RDSH01.contoso.local', 2022, 'perUser', ['LICSRV01.contoso.local'], 'gpo'],
      ['RDSH02.contoso.local', 2019, 'perDevice', ['LICSRV01.contoso.local'], undefined],
    ],
  );
  // Same inventory as the three files collected one by one.
  const separate = importFixtures(['collector-license-server.json', 'collector-session-host-gpo.json', 'collector-session-host-local.json']);
  assert.deepEqual(inventory, separate.inventory);
});

test('PS 5.1 export without Select-Object: built-in and temporary packs left out, an expired pack left out with a warning, versions 2012 to 2022 mapped', () => {
  const result = buildInventory(collect('ps51-expired-and-temporary.json'), { server: 'LICSRV01.contoso.local', today: '2026-11-22' });
  const packs = result.inventory.licenseServers?.[0].packs ?? [];
  assert.deepEqual(
    packs.map((p) => [p.localId, p.type, p.version, p.quantity, p.issued]),
    [
      [4, 'perUser', 2012, 50, 38],
      [5, 'perUser', 2019, 25, 20],
      [6, 'perDevice', 2022, 10, 0],
    ],
  );
  assert.deepEqual(result.skipped.map((s) => s.pack.keyPackId), [2, 3, 7]);
  const expired = result.messages.filter((m) => m.severity === 'warning');
  assert.equal(expired.length, 1);
  assert.match(expired[0].message, /KeyPackId 7 left out: it expired on 2023-07-01/);
  // Expired against the day the collector ran, when the file says it.
  const asOf2023 = buildInventory(collect('ps51-expired-and-temporary.json'), { server: 'LICSRV01.contoso.local', today: '2023-06-30' });
  assert.deepEqual(asOf2023.inventory.licenseServers?.[0].packs?.map((p) => p.localId), [4, 5, 6, 7]);
});

test('a license server in two files (key packs, then Win32_TSLicenseServer) gets the facts of both; its OS from the service version', () => {
  const result = buildInventory(collect('ps51-expired-and-temporary.json', 'ps51-license-server-cim.json'), { server: 'LICSRV01.contoso.local', today: '2026-11-22' });
  const [server] = result.inventory.licenseServers ?? [];
  assert.equal(result.inventory.licenseServers?.length, 1);
  assert.equal(server.productId, '00486-001-0001076-84283');
  assert.equal(server.os, 2022);
  assert.equal(server.packs?.length, 3);
  // The os TODO is only for servers whose version is unknown.
  assert.ok(!result.todos.some((t) => /^os:/.test(t.text)));
  assert.doesNotMatch(renderInventory(result.inventory, result.todos), /Jeanne|Martin|eMail|it@contoso/);
});

test('ConvertTo-Json depth-2 artefacts ("System.Object[]", "@{...}") are never taken as values, and the file says to export again deeper', () => {
  const [c] = collect('ps51-depth2-truncated.json');
  const warning = c.messages.find((m) => m.severity === 'warning');
  assert.match(warning?.message ?? '', /ConvertTo-Json cut this export at its default depth.*OperatingSystem.*SpecifiedLicenseServers.*-Depth 6/);
  const { inventory, yaml } = importFixtures(['ps51-depth2-truncated.json']);
  const [host] = inventory.sessionHosts ?? [];
  assert.equal(host.name, 'RDSH02.contoso.local');
  assert.equal(host.licenseServers, undefined);
  assert.doesNotMatch(yaml, /System\.|@\{|undefined/);
  assert.match(yaml, /TODO: licensingMode: not in the export/);
  assert.match(yaml, /TODO: configuredBy: not in the export/);
  // A key pack list cut to type names is not "no key pack: run as administrator".
  const packs = readWmiJson(JSON.stringify({ ComputerName: 'LS', KeyPacks: ['System.Collections.Specialized.OrderedDictionary'] }), 'cut.json');
  assert.deepEqual(packs.messages.map((m) => m.message.includes('KeyPacks') && m.message.includes('default depth')), [true]);
});
