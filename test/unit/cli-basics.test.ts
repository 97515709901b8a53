import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');

function rdslic(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

test('--version prints the package version and exits 0', () => {
  const r = rdslic('--version');
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim(), require(path.join(ROOT, 'package.json')).version);
});

test('an unknown command is a usage error: exit 2, one line on stderr, nothing on stdout', () => {
  const r = rdslic('frobnicate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^rdslic: unknown command 'frobnicate'/);
  assert.equal(r.stdout, '');
});
