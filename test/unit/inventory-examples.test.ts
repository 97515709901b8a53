import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lintInventory } from '../../src/core/inventory/lint';
import { RULES } from '../../src/core/rules/index';
import { TODAY } from './support/inventory';

const ROOT = path.resolve(__dirname, '../../..');
const read = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');

test('examples/contoso-paris.rdslic.yaml (seed 002 recovery) has no finding at all', () => {
  assert.deepEqual(lintInventory(read('contoso-paris.rdslic.yaml'), { today: TODAY }).findings, []);
});

test('the realistic example stays clean as time passes (no date-dependent finding)', () => {
  const text = read('contoso-paris.rdslic.yaml');
  for (const today of [new Date().toISOString().slice(0, 10), '2030-01-01', '2040-06-30']) {
    assert.deepEqual(lintInventory(text, { today }).findings, [], today);
  }
});

test('examples/mistakes.rdslic.yaml: exactly the rule named in each comment, on that line', () => {
  const text = read('mistakes.rdslic.yaml');
  const expected = annotated(text);
  const found = lintInventory(text, { today: TODAY }).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
  assert.deepEqual(found, expected);
});

test('examples/mistakes.rdslic.yaml covers most rules', () => {
  const found = new Set(lintInventory(read('mistakes.rdslic.yaml'), { today: TODAY }).findings.map((f) => f.ruleId));
  // Rules a valid-enough file cannot show: broken YAML stops the other checks, and RDS000 is a bug.
  // Nor can a file over an input limit (LIMIT0xx: nothing else is checked).
  // FILE001 and CONFIG001 are about the file's bytes and about .rdslic.yaml, not an inventory's content.
  const cannot = new Set(['YAML001', 'YAML003', 'YAML004', 'YAML005', 'RDS000', 'LIMIT001', 'LIMIT002', 'LIMIT003', 'FILE001', 'CONFIG001']);
  // RDS6xx are about runbooks, not inventories (test/unit/runbook-lint.test.ts).
  const missing = RULES.filter((r) => r.family !== 'runbook').map((r) => r.id).filter((id) => !found.has(id) && !cannot.has(id));
  assert.deepEqual(missing, []);
});

/** `RULE@line` for each `# RULE` comment of the mistakes example: what the README promises. */
function annotated(text: string): string[] {
  const expected: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /#\s*((?:RDS|SCHEMA|YAML|DISABLE)\d{3})\b/.exec(line);
    if (m) expected.push(`${m[1]}@${i + 1}`);
  });
  return expected;
}

test("the README's command for the mistakes example reports each commented rule on its line, whatever today is", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /`npx rdslic lint ((?:--\S+ \S+ )*)examples\/mistakes\.rdslic\.yaml`/.exec(readme);
  assert.ok(m, 'the README shows how to lint examples/mistakes.rdslic.yaml');
  const options = m[1].trim().split(/\s+/).filter(Boolean);
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'rdslic.js'), 'lint', ...options, '--format', 'json', 'examples/mistakes.rdslic.yaml'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const found = (JSON.parse(r.stdout) as { ruleId: string; line: number }[]).map((f) => `${f.ruleId}@${f.line}`);
  assert.deepEqual(found, annotated(read('mistakes.rdslic.yaml')));
});

test('the README commands: the clean example exits 0, the mistakes example exits 1', () => {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const run = (file: string) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'rdslic.js'), 'lint', file], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run('examples/contoso-paris.rdslic.yaml').status, 0);
  const bad = run('examples/mistakes.rdslic.yaml');
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /RDS501/);
});
