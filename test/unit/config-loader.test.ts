import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigLoader } from '../../src/core/config';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-config-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('walks up from the file: nearer .rdslic.yaml wins, farther ones still apply', () => {
  const dir = tree({
    '.rdslic.yaml': 'rules: { RDS101: warning, RDS402: off }\n',
    'sites/.rdslic.yml': 'rules: { RDS101: error }\noverrides:\n  - files: ["lab/**"]\n    rules: { RDS301: off }\n',
  });
  const loader = new ConfigLoader();
  const r = loader.forFile(path.join(dir, 'sites', 'lab', 'a.rdslic.yaml'));
  assert.deepEqual(r.rules, { RDS101: 'error', RDS402: 'off', RDS301: 'off' });
  assert.deepEqual(r.layers.map((l) => path.relative(dir, l.file)), ['.rdslic.yaml', path.join('sites', '.rdslic.yml')]);
  assert.deepEqual(r.problems, []);
});

test('root: true stops the walk', () => {
  const dir = tree({
    '.rdslic.yaml': 'rules: { RDS402: off }\n',
    'sites/.rdslic.yaml': 'root: true\nrules: { RDS101: warning }\n',
  });
  const r = new ConfigLoader().forFile(path.join(dir, 'sites', 'a.rdslic.yaml'));
  assert.deepEqual(r.rules, { RDS101: 'warning' });
});

test('ignore patterns from the configuration mark files as ignored', () => {
  const dir = tree({ '.rdslic.yaml': 'root: true\nignore: ["archive/**"]\n' });
  const loader = new ConfigLoader();
  assert.equal(loader.forFile(path.join(dir, 'archive', 'old.rdslic.yaml')).ignored, true);
  assert.equal(loader.forFile(path.join(dir, 'live.rdslic.yaml')).ignored, false);
});

test('an invalid configuration is a problem on that file, and is not used', () => {
  const dir = tree({ '.rdslic.yaml': 'root: true\nrules: { RDS101: loud }\n' });
  const r = new ConfigLoader().forFile(path.join(dir, 'a.rdslic.yaml'));
  assert.deepEqual(r.rules, {});
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].file, path.join(dir, '.rdslic.yaml'));
  assert.equal(r.problems[0].range.start.line, 1);
});

test('an explicit configuration file replaces discovery; its globs are relative to its folder', () => {
  const dir = tree({
    '.rdslic.yaml': 'rules: { RDS402: off }\n',
    'ci/strict.yaml': 'rules: { RDS101: error }\noverrides:\n  - files: ["../sites/**"]\n    rules: { RDS301: off }\n',
  });
  const r = new ConfigLoader({ configFile: path.join(dir, 'ci', 'strict.yaml') }).forFile(path.join(dir, 'sites', 'a.rdslic.yaml'));
  // Globs never reach outside the configuration's folder: only `rules` applies here.
  assert.deepEqual(r.rules, { RDS101: 'error' });
});
