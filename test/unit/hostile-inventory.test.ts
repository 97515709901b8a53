// Hostile values in an inventory and a runbook, checked by the core: numbers YAML reads but JSON
// cannot hold (1e400, .nan, 99999999999999999999), malformed JSON, a duplicated key, and a
// runbook front matter or text over the input limits. Each is one clear finding where it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintRunbook } from '../../src/core/runbook/lint';
import { parseRunbook } from '../../src/core/runbook/parse';
import { serializeRunbook } from '../../src/core/runbook/serialize';
import { INPUT_LIMITS } from '../../src/core/inventory/limits';
import { decodeInventory } from '../../src/cli/lint/read-text';
import { covered, HEADER, lint, TODAY } from './support/inventory';
import { lintInventory } from '../../src/core/inventory/lint';

const pack = (quantity: string) => `licenseServers:\n  - name: LICSRV01.contoso.local\n    os: 2022\n    status: active\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: ${quantity}\n`;

test('quantity: 1e400 and .nan say what was written and why it is not a number', () => {
  for (const [written, why] of [
    ['1e400', /"quantity" must be a whole number, not 1e400: too large to be a number\./],
    ['.nan', /"quantity" must be a whole number, not \.nan \("not a number"\)\./],
    ['-.inf', /not -\.inf: too large/],
  ] as const) {
    const text = HEADER + pack(written);
    const findings = lint(pack(written)).findings;
    const f = findings.find((x) => x.ruleId === 'SCHEMA003');
    assert.ok(f, `${written}: ${findings.map((x) => x.message).join(' | ')}`);
    assert.match(f.message, why);
    assert.equal(covered(text, f), written);
    assert.doesNotMatch(f.message, /not a number\.$|null/);
  }
});

test('quantity: 99999999999999999999 (not a safe integer) is a finding on the value, not accepted silently', () => {
  const text = HEADER + pack('99999999999999999999');
  const findings = lint(pack('99999999999999999999')).findings;
  assert.deepEqual(findings.map((f) => f.ruleId), ['SCHEMA005']);
  assert.match(findings[0].message, /"quantity" is 99999999999999999999: too large to be read exactly \(at most 9007199254740991\)/);
  assert.equal(covered(text, findings[0]), '99999999999999999999');
  // The largest safe integer is an ordinary quantity.
  assert.deepEqual(lint(pack(String(Number.MAX_SAFE_INTEGER))).findings, []);
});

test('os: 1e400 is shown as written, not as "null"', () => {
  const body = 'licenseServers:\n  - name: LICSRV01.contoso.local\n    os: 1e400\n    status: active\n';
  const [f, ...rest] = lint(body).findings;
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'SCHEMA004');
  assert.match(f.message, /^"1e400" is not a valid Windows Server version for "os"/);
});

test('malformed JSON: one YAML001 for one problem', () => {
  const findings = lintInventory('{"kind": "RdsLicensingInventory", "version": 1, "licenseServers": [}', { today: TODAY }).findings;
  assert.deepEqual(findings.map((f) => f.ruleId), ['YAML001']);
});

test('a duplicated kind: the wrong value is reported on the occurrence that counts, beside its YAML002', () => {
  const text = 'kind: RdsLicensingInventory\nversion: 1\norganization: Contoso\nkind: Other\n';
  const findings = lintInventory(text, { today: TODAY }).findings;
  assert.deepEqual(
    findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`),
    ['YAML002@4', 'SCHEMA004@4'],
  );
  assert.equal(covered(text, findings[1]), 'Other');
});

test('a binary runbook is "not a Markdown runbook"; a binary inventory "not a YAML inventory"', () => {
  const bytes = Buffer.from('# Runbook\n\0\0\0');
  const runbook = decodeInventory(bytes, 'runbook');
  assert.ok('finding' in runbook);
  assert.match(runbook.finding.message, /binary file .*not a Markdown runbook/);
  const inventory = decodeInventory(bytes);
  assert.ok('finding' in inventory);
  assert.match(inventory.finding.message, /not a YAML inventory/);
});

test('runbook front matter 20,000 levels deep: LIMIT002 in the front matter, no stack overflow, bytes kept', () => {
  const text = '---\ntitle: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n---\n# Steps\n\n- [ ] one\n';
  const findings = lintRunbook(text);
  assert.deepEqual(findings.map((f) => f.ruleId), ['LIMIT002']);
  assert.equal(findings[0].range.start.line, 1);
  // The root mapping is level 1: the 64th bracket opens level 65.
  assert.equal(findings[0].range.start.character, 'title: '.length + INPUT_LIMITS.maxDepth - 1);
  assert.doesNotMatch(findings[0].message, /call stack|RDS601/i);
  assert.match(findings[0].message, /front matter .* 64 levels/);
  assert.equal(serializeRunbook(parseRunbook(text)), text);
});

test('runbook front matter alias bomb: LIMIT003 on its first alias, in bounded time, not yaml\'s own message', () => {
  const bomb = [
    '---',
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    '---',
    '- [ ] step',
    '',
  ].join('\n');
  const started = performance.now();
  const findings = lintRunbook(bomb);
  assert.ok(performance.now() - started < 2000);
  assert.deepEqual(findings.map((f) => f.ruleId), ['LIMIT003']);
  assert.deepEqual(findings[0].range.start, { line: 2, character: 7 });
  assert.doesNotMatch(findings[0].message, /resource exhaustion|Excessive/i);
  assert.match(findings[0].message, /more than 1000 values/);
  // A limit cannot be turned off: the front matter was not read.
  assert.deepEqual(lintRunbook(bomb, { rules: { LIMIT003: 'off' } }).map((f) => [f.ruleId, f.severity]), [['LIMIT003', 'error']]);
  assert.deepEqual(lintRunbook(bomb, { rules: { LIMIT003: 'warning' } }).map((f) => f.severity), ['warning']);
});

test('a runbook over the size limit is LIMIT001 on line 1, as the CLI says for the file', () => {
  const line = '- [ ] Retail code 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F\n';
  const text = line.repeat(Math.ceil(INPUT_LIMITS.maxFileBytes / line.length) + 1);
  const started = performance.now();
  const findings = lintRunbook(text);
  assert.ok(performance.now() - started < 2000);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line]), [['LIMIT001', 0]]);
  assert.match(findings[0].message, new RegExp(`over the limit of ${INPUT_LIMITS.maxFileBytes} bytes`));
});

test('a binary text (as an editor may open it) is FILE001 at its first NUL, as the CLI says, and nothing else', () => {
  const text = HEADER + 'notes: a\0\u0001b\n';
  const findings = lintInventory(text, { today: TODAY }).findings;
  assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]), [['FILE001', 3, 8]]);
  assert.match(findings[0].message, /binary file \(a NUL byte at line 4\), not a YAML inventory/);
  const runbook = lintRunbook('# Steps\n- [ ] a\0b\n');
  assert.deepEqual(runbook.map((f) => [f.ruleId, f.range.start.line]), [['FILE001', 1]]);
  assert.match(runbook[0].message, /not a Markdown runbook/);
});
