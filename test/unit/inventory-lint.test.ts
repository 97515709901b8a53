import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintInventory } from '../../src/core/inventory/lint';
import { RULES } from '../../src/core/rules/index';
import { covered, HEADER, ids, lint, TODAY } from './support/inventory';

const TWO_PROBLEMS = 'licenseServers:\n  - name: "LIC"\n    status: active\n    serverId: "123"\n    bogus: 1\n';

test('findings are sorted by position and carry the file given', () => {
  const { findings } = lintInventory(HEADER + TWO_PROBLEMS, { today: TODAY, file: 'site/paris.rdslic.yaml' });
  assert.deepEqual(ids(findings), ['RDS101@7', 'SCHEMA001@8']);
  assert.ok(findings.every((f) => f.file === 'site/paris.rdslic.yaml'));
});

test('options.rules turns a rule off or changes its severity', () => {
  const { findings } = lint(TWO_PROBLEMS, { rules: { RDS101: 'off', SCHEMA001: 'warning' } });
  assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['SCHEMA001', 'warning']]);
  assert.deepEqual(lint(TWO_PROBLEMS, { rules: { RDS101: 'info' } }).findings.map((f) => f.severity), ['info', 'error']);
});

test('# rdslic-disable-next-line with ids silences those rules on the next non-comment line', () => {
  const body = TWO_PROBLEMS.replace('    serverId', '    # rdslic-disable-next-line RDS101, RDS102\n    # a note\n\n    serverId');
  assert.deepEqual(ids(lint(body).findings), ['SCHEMA001@11']);
  const other = TWO_PROBLEMS.replace('    serverId', '    # rdslic-disable-next-line RDS104\n    serverId');
  assert.deepEqual(ids(lint(other).findings), ['RDS101@8', 'SCHEMA001@9']);
});

test('# rdslic-disable-next-line without ids silences every rule on that line only', () => {
  const body = TWO_PROBLEMS.replace('    serverId', '    # rdslic-disable-next-line\n    serverId');
  assert.deepEqual(ids(lint(body).findings), ['SCHEMA001@9']);
});

test('# rdslic-disable-line and # rdslic-disable-file', () => {
  const line = TWO_PROBLEMS.replace('"123"', '"123"  # rdslic-disable-line RDS101');
  assert.deepEqual(ids(lint(line).findings), ['SCHEMA001@8']);
  assert.deepEqual(ids(lint('# rdslic-disable-file SCHEMA001\n' + TWO_PROBLEMS).findings), ['RDS101@8']);
  assert.deepEqual(lint('# rdslic-disable-file\n' + TWO_PROBLEMS).findings, []);
});

test('an unknown rule id in a suppression comment is a DISABLE001 warning on that id', () => {
  const body = TWO_PROBLEMS.replace('    serverId', '    # rdslic-disable-next-line RDS999, RDS101\n    serverId');
  const text = HEADER + body;
  const found = lint(body).findings;
  assert.deepEqual(ids(found), ['DISABLE001@7', 'SCHEMA001@9']);
  assert.equal(found[0].severity, 'warning');
  assert.equal(covered(text, found[0]), 'RDS999');
  assert.match(found[0].message, /Unknown rule "RDS999"/);
  assert.deepEqual(ids(lint('# rdslic-disable-file rds998\n' + TWO_PROBLEMS).findings), ['DISABLE001@4', 'RDS101@8', 'SCHEMA001@9']);
  assert.deepEqual(ids(lint(TWO_PROBLEMS.replace('"123"', '"123"  # rdslic-disable-line XYZ1')).findings), ['RDS101@7', 'DISABLE001@7', 'SCHEMA001@8']);
  // Known ids, or none at all, are fine; and DISABLE001 can be turned off like any rule.
  assert.deepEqual(ids(lint('# rdslic-disable-file SCHEMA001, DISABLE001\n' + TWO_PROBLEMS).findings), ['RDS101@8']);
  assert.deepEqual(ids(lint(body, { rules: { DISABLE001: 'off' } }).findings), ['SCHEMA001@9']);
});

test('a directive inside a value is not a directive', () => {
  const body = TWO_PROBLEMS + 'notes: "write # rdslic-disable-next-line RDS101 above the line"\n';
  assert.deepEqual(ids(lint(body).findings), ['RDS101@7', 'SCHEMA001@8']);
});

test('the rule table has unique ids, each documented, with ids in their family range', () => {
  const seen = new Set<string>();
  const range: Record<string, RegExp> = {
    shape: /^(YAML0\d\d|SCHEMA0\d\d|RDS000)$/,
    limits: /^LIMIT0\d\d$/,
    identifiers: /^RDS1\d\d$/,
    compatibility: /^RDS2\d\d$/,
    consistency: /^RDS3\d\d$/,
    time: /^RDS4\d\d$/,
    security: /^RDS5\d\d$/,
    runbook: /^RDS6\d\d$/,
    files: /^(FILE|CONFIG|DISABLE)0\d\d$/,
  };
  for (const r of RULES) {
    assert.ok(!seen.has(r.id), r.id);
    seen.add(r.id);
    assert.match(r.id, range[r.family], r.id);
    for (const field of ['title', 'description', 'rationale', 'fix', 'example'] as const) assert.ok(r[field].length > 0, `${r.id}.${field}`);
  }
});

test('rule findings never cover the whole document', () => {
  const text = HEADER + TWO_PROBLEMS;
  for (const f of lintInventory(text, { today: TODAY }).findings) assert.equal(f.range.start.line, f.range.end.line, f.ruleId);
});

test('an invalid options.today falls back to today instead of failing', () => {
  assert.doesNotThrow(() => lint(TWO_PROBLEMS, { today: 'tomorrow' }));
});

test('rules survive values of the wrong type everywhere (no internal error)', () => {
  const body = [
    'licenseServers: [1, "x", [2], {name: 3, status: active, packs: "none", os: [1]}, {name: LIC, status: lost, packs: [null, 4, {type: 5, quantity: "x", issued: "y", keyPackId: 7}]}]',
    'sessionHosts: [null, {name: [1], licenseServers: "LIC", licensingMode: 4, deployed: 5, os: {a: 1}}, {name: H, licenseServers: [1, null, LIC], licensingMode: perUser, deployed: "2020-01-01"}]',
    'migrations: [{from: 1, to: [2], state: pending, started: 3, licenses: "x"}, {to: LIC, state: done, licenses: 5, calType: 7}]',
  ].join('\n');
  const { findings } = lint(body + '\n');
  assert.ok(!findings.some((f) => f.ruleId === 'RDS000'), JSON.stringify(findings.filter((f) => f.ruleId === 'RDS000')));
  assert.ok(findings.length > 5);
});
