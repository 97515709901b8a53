import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/core/config';

const ROOT = path.resolve(__dirname, '../../..');

test('a valid configuration parses to its settings with no findings', () => {
  const text = [
    'root: true',
    'rules: { RDS101: warning, RDS402: off }',
    'overrides:',
    '  - files: ["sites/lab/**"]',
    '    rules: { RDS301: off }',
    'ignore: ["archive/**"]',
    '',
  ].join('\n');
  const parsed = parseConfig(text, '.rdslic.yaml');
  assert.deepEqual(parsed.findings, []);
  assert.deepEqual(parsed.config, {
    root: true,
    rules: { RDS101: 'warning', RDS402: 'off' },
    overrides: [{ files: ['sites/lab/**'], rules: { RDS301: 'off' } }],
    ignore: ['archive/**'],
  });
});

test('an empty file or a file of comments is an empty configuration', () => {
  assert.deepEqual(parseConfig(''), { config: {}, findings: [] });
  assert.deepEqual(parseConfig('# nothing yet\n'), { config: {}, findings: [] });
});

test('a bad severity is an error on the value, with the file and CONFIG001', () => {
  const parsed = parseConfig('rules:\n  RDS101: loud\n', 'x/.rdslic.yaml');
  assert.equal(parsed.config, undefined);
  assert.equal(parsed.findings.length, 1);
  const [f] = parsed.findings;
  assert.equal(f.ruleId, 'CONFIG001');
  assert.equal(f.severity, 'error');
  assert.equal(f.file, 'x/.rdslic.yaml');
  assert.deepEqual(f.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
  assert.match(f.message, /error, warning, info or off, not .loud./);
});

test('an unknown setting is reported on its key', () => {
  const parsed = parseConfig('rules: {}\nrulez: {}\n');
  assert.equal(parsed.findings.length, 1);
  assert.deepEqual(parsed.findings[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
  assert.match(parsed.findings[0].message, /rulez/);
});

test('a rule id that is not letters then digits is reported once, on the key', () => {
  const parsed = parseConfig('rules:\n  rds-101: off\n');
  assert.equal(parsed.findings.length, 1);
  assert.deepEqual(parsed.findings[0].range.start, { line: 1, character: 2 });
  assert.match(parsed.findings[0].message, /rds-101/);
});

test('an override without files is reported on the override', () => {
  const parsed = parseConfig('overrides:\n  - rules: { RDS301: off }\n');
  assert.equal(parsed.findings.length, 1);
  assert.equal(parsed.findings[0].range.start.line, 1);
  assert.match(parsed.findings[0].message, /files/);
});

test('wrong types are reported where they are', () => {
  const parsed = parseConfig('root: yes please\nignore: archive\n');
  assert.deepEqual(
    parsed.findings.map((f) => f.range.start),
    [
      { line: 0, character: 6 },
      { line: 1, character: 8 },
    ],
  );
});

test('a scalar or a list at the top is one finding, not a crash', () => {
  for (const text of ['just text\n', '- a\n- b\n', '42\n']) {
    const parsed = parseConfig(text);
    assert.equal(parsed.config, undefined, text);
    assert.equal(parsed.findings.length, 1, text);
    assert.equal(parsed.findings[0].ruleId, 'CONFIG001');
  }
});

test('YAML syntax errors and duplicate keys are findings placed where they start', () => {
  const unclosed = parseConfig('ignore: ["archive/**"\nrules: {}\n');
  assert.ok(unclosed.findings.length >= 1);
  assert.equal(unclosed.config, undefined);
  const duplicate = parseConfig('rules: {}\nrules: {}\n');
  assert.equal(duplicate.config, undefined);
  assert.equal(duplicate.findings[0].range.start.line, 1);
});

test('the schema has a title and a description on every property', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'config.schema.json'), 'utf8'));
  const missing: string[] = [];
  const visit = (node: unknown, where: string) => {
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const [name, child] of Object.entries((obj.properties as Record<string, unknown>) ?? {})) {
      const c = child as Record<string, unknown>;
      if (typeof c.title !== 'string' || typeof c.description !== 'string') missing.push(`${where}/${name}`);
    }
    for (const value of Object.values(obj)) visit(value, where);
  };
  visit(schema, '');
  assert.deepEqual(missing, []);
});

test('an unknown rule id is a warning on its key; the rest of the file still applies', () => {
  const parsed = parseConfig('rules: { RDS101: warning, RDS999: off }\noverrides:\n  - files: ["a/**"]\n    rules: { RSD301: off }\n');
  assert.deepEqual(parsed.config?.rules, { RDS101: 'warning', RDS999: 'off' });
  assert.deepEqual(
    parsed.findings.map((f) => [f.severity, f.range.start.line, f.range.start.character]),
    [
      ['warning', 0, 26],
      ['warning', 3, 13],
    ],
  );
  assert.match(parsed.findings[0].message, /RDS999/);
  // Ids reported outside the inventory rule table are known too.
  assert.deepEqual(parseConfig('rules: { CONFIG001: warning, FILE001: off, YAML003: off }\n').findings, []);
});

test('a bad severity names the value written; a single glob where a list is needed shows the list form', () => {
  const [severity] = parseConfig('rules:\n  RDS101: fatal\n').findings;
  assert.equal(severity.message, "'RDS101' must be error, warning, info or off, not 'fatal'.");
  const [files] = parseConfig('overrides:\n  - files: "sites/lab/**"\n    rules: { RDS101: off }\n').findings;
  assert.equal(files.message, '\'files\' must be a list of glob patterns, e.g. files: ["sites/lab/**"].');
  const [ignore] = parseConfig('ignore: drafts/**\n').findings;
  assert.equal(ignore.message, '\'ignore\' must be a list of glob patterns, e.g. ignore: ["drafts/**"].');
});

test('a glob written with backslashes or as an absolute path matches nothing: a warning on it, with the form to write', () => {
  const text = 'overrides:\n  - files: ["sites\\\\lab\\\\*.rdslic.yaml"]\n    rules: { RDS101: off }\nignore:\n  - C:\\repo\\drafts\n  - /srv/repo/old/**\n  - "archive/**"\n';
  const parsed = parseConfig(text);
  assert.deepEqual(parsed.config?.ignore, ['C:\\repo\\drafts', '/srv/repo/old/**', 'archive/**'], 'the file still applies');
  assert.deepEqual(
    parsed.findings.map((f) => [f.severity, f.range.start.line, text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)]),
    [
      ['warning', 1, '"sites\\\\lab\\\\*.rdslic.yaml"'],
      ['warning', 4, 'C:\\repo\\drafts'],
      ['warning', 5, '/srv/repo/old/**'],
    ],
  );
  assert.match(parsed.findings[0].message, /write "sites\/lab\/\*\.rdslic\.yaml"/);
  assert.match(parsed.findings[1].message, /relative to the folder of this configuration file/);
  assert.match(parsed.findings[2].message, /relative to the folder of this configuration file/);
});
