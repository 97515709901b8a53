import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInventory, rangeOf, nodeAt, objectRange } from '../../src/core/inventory/parse';
import { lintInventory } from '../../src/core/inventory/lint';
import { covered, HEADER, TODAY } from './support/inventory';

test('an unclosed quote is reported where the quote opens, not at the end of the file', () => {
  const text = HEADER + 'site: "Paris\nlicenseServers: []\nsessionHosts: []\n';
  const { findings } = lintInventory(text, { today: TODAY });
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.ruleId, 'YAML001');
  assert.deepEqual(f.range.start, { line: 3, character: 6 });
  assert.equal(text.split('\n')[3][6], '"');
  assert.match(f.message, /never closed/);
});

test('a single-quoted string left open is placed on its quote too', () => {
  const text = HEADER + "site: Paris\nnotes: 'started\n";
  const [f] = lintInventory(text, { today: TODAY }).findings;
  assert.equal(f.ruleId, 'YAML001');
  assert.deepEqual(f.range.start, { line: 4, character: 7 });
});

test('an unclosed flow list is placed on its opening bracket', () => {
  const text = HEADER + 'sessionHosts:\n  - name: RDSH01\n    licenseServers: [LICSRV01,\n';
  const [f] = lintInventory(text, { today: TODAY }).findings;
  assert.equal(f.ruleId, 'YAML001');
  assert.deepEqual(f.range.start, { line: 5, character: 20 });
  assert.match(f.message, /closing \]/);
});

test('tabs used for indentation are a syntax error on that line', () => {
  const [f] = lintInventory(HEADER + 'licenseServers:\n\t- name: x\n', { today: TODAY }).findings;
  assert.equal(f.ruleId, 'YAML001');
  assert.equal(f.range.start.line, 4);
  assert.match(f.message, /tabs/i);
});

test('a syntax error stops the schema and domain checks (they would report its consequences)', () => {
  const { findings, parsed } = lintInventory('kind: RdsLicensingInventory\nversion: 1\nsite: "x\n', { today: TODAY });
  assert.equal(parsed.checkable, false);
  assert.deepEqual(findings.map((f) => f.ruleId), ['YAML001']);
});

test('a duplicate key is reported on the second occurrence of the key, and checks go on', () => {
  const text = HEADER + 'site: Paris\nsite: Lyon\nlicenseServers: [1]\n';
  const { findings, parsed } = lintInventory(text, { today: TODAY });
  assert.equal(parsed.checkable, true);
  const dup = findings.find((f) => f.ruleId === 'YAML002')!;
  assert.deepEqual(dup.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } });
  assert.match(dup.message, /"site"/);
  assert.ok(findings.some((f) => f.ruleId === 'SCHEMA003'), 'schema checks still run');
});

test('an empty file, a comment-only file, a list and a scalar are findings, not crashes', () => {
  for (const [text, pattern] of [
    ['', /empty/],
    ['# nothing yet\n', /empty/],
    ['- LICSRV01\n- LICSRV02\n', /a list/],
    ['just text\n', /a single value/],
  ] as const) {
    const { findings } = lintInventory(text, { today: TODAY });
    assert.equal(findings.length, 1, JSON.stringify(text));
    assert.equal(findings[0].ruleId, 'YAML005');
    assert.match(findings[0].message, pattern);
    assert.equal(findings[0].range.start.line, 0);
  }
});

test('several documents in one file: a warning on the second, the first is checked', () => {
  const text = HEADER + '---\nkind: RdsLicensingInventory\n';
  const { findings } = lintInventory(text, { today: TODAY });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.range.start.line]), [['YAML004', 'warning', 3]]);
});

test('binary-looking and odd input never throws', () => {
  for (const text of ['\u0000\u0001\u0002', '{{{{', ']]]', '&a [*a]', '*unknown', 'a: *b\n', 'kind: [\n', '\uFEFFkind: x\n', 'k: v\r\nk2: v\r\n']) {
    assert.doesNotThrow(() => lintInventory(text, { today: TODAY }), JSON.stringify(text));
  }
});

test('rangeOf finds the key or the value by path, including inside lists', () => {
  const text = HEADER + 'licenseServers:\n  - name: A\n    packs:\n      - type: perUser\n      - keyPackId: "XYZ"\n        type: perDevice\n';
  const parsed = parseInventory(text);
  const key = rangeOf(parsed, ['licenseServers', 0, 'packs', 1, 'keyPackId'], 'key')!;
  const value = rangeOf(parsed, ['licenseServers', 0, 'packs', 1, 'keyPackId'], 'value')!;
  assert.deepEqual(key, { start: { line: 7, character: 8 }, end: { line: 7, character: 17 } });
  assert.deepEqual(value, { start: { line: 7, character: 19 }, end: { line: 7, character: 24 } });
  assert.equal(rangeOf(parsed, ['licenseServers', 3]), undefined);
  assert.equal(rangeOf(parsed, ['nope']), undefined);
  assert.equal(nodeAt(parsed, ['licenseServers', 0, 'name'])?.toString(), 'A');
});

test('a key without a value falls back to the key; a list item\'s "key" is its first line', () => {
  const text = HEADER + 'site:\nlicenseServers:\n  - name: A  # first\n    os: 2022\n';
  const parsed = parseInventory(text);
  const site = rangeOf(parsed, ['site'], 'value')!;
  assert.deepEqual(site, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
  const item = objectRange(parsed, ['licenseServers', 0]);
  assert.equal(covered(text, { ruleId: 'x', severity: 'info', message: '', range: item }), 'name: A');
});

test('positions are in UTF-16 code units, like LSP', () => {
  const text = HEADER + 'site: "Île-de-France 🗼"\nnotes: x\nkind2: 1\n';
  const { findings } = lintInventory(text, { today: TODAY });
  const f = findings.find((x) => x.ruleId === 'SCHEMA001')!;
  assert.equal(f.range.start.line, 5);
  assert.equal(f.range.end.character, 5);
});

test('CRLF line endings give the same positions as LF', () => {
  const lf = HEADER + 'site: Paris\nbogus: 1\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = lintInventory(lf, { today: TODAY }).findings;
  const b = lintInventory(crlf, { today: TODAY }).findings;
  assert.deepEqual(b.map((f) => f.range), a.map((f) => f.range));
  assert.equal(a[0].ruleId, 'SCHEMA001');
});

test('an alias with no anchor is reported on the alias itself, saying what to do', () => {
  const text = HEADER + 'site: Paris\nnotes: *nope\nsessionHosts:\n  - name: *other\n';
  const found = lintInventory(text, { today: TODAY }).findings;
  assert.deepEqual(found.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`), ['YAML001@5:8', 'YAML001@7:11']);
  assert.equal(covered(text, found[0]), '*nope');
  assert.match(found[0].message, /\*nope refers to no anchor: put &nope on a value before it/);
});

/** The shipped example's shape, small: a server with a pack, and a host. */
const INDENTED = [
  'licenseServers:',
  '  - name: LS1.contoso.local',
  '    os: 2022',
  '    status: active',
  '    packs:',
  '      - program: select',
  '        agreementNumber: "1234567"',
  '        type: perUser',
  '        version: 2022',
  '        quantity: 10',
  'sessionHosts:',
  '  - name: H1.contoso.local',
  '    os: 2022',
  '    licensingMode: perUser',
  '    licenseServers: [LS1.contoso.local]',
  '    notes: restored from backup',
  '      after the January incident',
  '',
].join('\n');

function withLine(line: number, replacement: string): string {
  const lines = INDENTED.split('\n');
  lines[line] = replacement;
  return HEADER + lines.join('\n');
}

test('a line indented wrongly is ONE finding on that line, naming the columns it may start at', () => {
  assert.deepEqual(
    lintInventory(HEADER + INDENTED, { today: TODAY }).findings.filter((f) => f.ruleId.startsWith('YAML')),
    [],
    'the base text is valid (a plain scalar continued deeper is fine)',
  );
  const cases: [number, string, number, RegExp][] = [
    [3, '   status: active', 3, /after 3 spaces.*after 4, 2 or 0 spaces/], // one space short
    [3, '     status: active', 5, /after 5 spaces.*after 4, 2 or 0 spaces/], // one too many: read as the line above's value
    [7, '         type: perUser', 9, /after 9 spaces.*after 8, 6, 4, 2 or 0 spaces/], // inside a pack
    [12, '     os: 2022', 5, /after 5 spaces/], // in the second list
  ];
  for (const [line, replacement, indent, message] of cases) {
    const findings = lintInventory(withLine(line, replacement), { today: TODAY }).findings;
    assert.equal(findings.length, 1, `${replacement}: ${JSON.stringify(findings.map((f) => f.message))}`);
    const [f] = findings;
    assert.equal(f.ruleId, 'YAML001');
    assert.deepEqual(f.range.start, { line: 3 + line, character: indent }, replacement);
    assert.match(f.message, message);
    assert.match(f.message, /Align it with the key it belongs to/);
  }
});

test('a mistake that is not an indentation keeps the parser\'s finding', () => {
  const findings = lintInventory(HEADER + 'site: a: b\n', { today: TODAY }).findings;
  assert.ok(findings.length > 0);
  assert.ok(findings.every((f) => f.ruleId === 'YAML001' && !/Wrong indentation/.test(f.message)), JSON.stringify(findings));
});
