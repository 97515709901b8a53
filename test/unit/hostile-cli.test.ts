// Hostile files through `rdslic lint` as CI runs it (the real bin/rdslic.js in a child process):
// each one exits 1 with a finding on the file, in bounded time, and never prints a stack trace.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');
/** Generous for a loaded CI machine with 2 cores; each file takes well under a second here. */
const TIME_LIMIT_MS = 10_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-hostile-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = 'kind: RdsLicensingInventory\nversion: 1\norganization: Contoso\n';

const ALIAS_BOMB = [
  HEADER + 'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  '',
].join('\n');

const CASES: { name: string; file: string; content: () => string | Buffer; rule: RegExp; message?: RegExp }[] = [
  { name: 'JSON instead of YAML (malformed)', file: 'json.rdslic.yaml', content: () => '{"kind": "RdsLicensingInventory", "version": 1, "licenseServers": [}', rule: /YAML001/ },
  {
    name: 'huge numbers',
    file: 'numbers.rdslic.yaml',
    content: () => HEADER + 'licenseServers:\n  - name: LICSRV01.contoso.local\n    os: 1e400\n    status: active\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: 99999999999999999999\n',
    rule: /SCHEMA004[\s\S]*SCHEMA005|SCHEMA005[\s\S]*SCHEMA004/,
    message: /"1e400" is not a valid Windows Server version[\s\S]*99999999999999999999: too large to be read exactly/,
  },
  { name: 'a 5 MB single line', file: 'line.rdslic.yaml', content: () => HEADER + 'note: "' + 'x'.repeat(5 * 1024 * 1024) + '"\n', rule: /SCHEMA001/, message: /did you mean "notes"/ },
  { name: '20,000-deep nesting', file: 'deep.rdslic.yaml', content: () => HEADER + 'notes: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n', rule: /LIMIT002/ },
  { name: 'an alias bomb', file: 'bomb.rdslic.yaml', content: () => ALIAS_BOMB, rule: /LIMIT003/ },
  { name: 'a binary file', file: 'binary.rdslic.yaml', content: () => Buffer.concat([Buffer.from(HEADER), Buffer.from([0, 1, 2, 0xff, 0, 0x89])]), rule: /FILE001/, message: /binary file/ },
  { name: 'invalid UTF-8', file: 'latin1.rdslic.yaml', content: () => Buffer.concat([Buffer.from(HEADER + 'notes: caf'), Buffer.from([0xe9]), Buffer.from('\n')]), rule: /FILE001/, message: /not UTF-8 text \(byte 0xE9 at line 4\)/ },
  {
    name: 'a runbook front matter 20,000 levels deep',
    file: 'deep.runbook.md',
    content: () => '---\ntitle: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n---\n- [ ] step\n',
    rule: /LIMIT002/,
  },
  { name: 'a binary runbook', file: 'binary.runbook.md', content: () => Buffer.from('# Steps\n\0\0'), rule: /FILE001/, message: /not a Markdown runbook/ },
];

for (const c of CASES) {
  test(`rdslic lint on ${c.name}: exit 1, a finding, no stack trace, in bounded time`, () => {
    const file = path.join(dir, c.file);
    fs.writeFileSync(file, c.content());
    const started = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'stylish', c.file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: TIME_LIMIT_MS * 2,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' },
    });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < TIME_LIMIT_MS, `${Math.round(elapsed)} ms`);
    const output = r.stdout + r.stderr;
    assert.equal(r.status, 1, output.slice(0, 2000));
    assert.match(output, c.rule);
    if (c.message) assert.match(output, c.message);
    assert.doesNotMatch(output, /^ {4}at /m, 'a stack trace');
    assert.doesNotMatch(output, /RangeError|Maximum call stack|RDS000|Internal error/);
  });
}
