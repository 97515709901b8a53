// `rdslic lint` on runbooks, as a user runs it: the built CLI spawned on a folder holding the
// shipped Paris inventory and runbooks linked to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'contoso-paris.rdslic.yaml'), 'utf8');

const BAD_RUNBOOK = [
  '---',
  'title: Recover lost CALs',
  'lang: en',
  'inventory: ../inventory/contoso-paris.rdslic.yaml',
  'server: LICSRV3.contoso.local',
  '---',
  '',
  '# Call the Clearinghouse',
  '',
  '- [ ] Give the License Server ID 03852-19476-62018-44731-90265-17384-5502 to the agent.',
  '',
].join('\n');

const GOOD_RUNBOOK = BAD_RUNBOOK.replace('LICSRV3.', 'LICSRV03.').replace('17384-5502 ', '17384-55029 ');

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-lint-runbook-'));
  if (!('.rdslic.yaml' in files)) fs.writeFileSync(path.join(dir, '.rdslic.yaml'), 'root: true\n');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function lint(cwd: string, args: string[]) {
  const env = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args], { cwd, encoding: 'utf8', env });
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  return r;
}

type Row = { file: string; ruleId: string; severity: string; line: number; column: number; message: string };

test('a folder walk lints runbooks next to inventories: bad ID and unknown server, exit 1', () => {
  const dir = folder({ 'inventory/contoso-paris.rdslic.yaml': EXAMPLE, 'runbooks/recover.runbook.md': BAD_RUNBOOK, 'runbooks/notes.md': BAD_RUNBOOK });
  const r = lint(dir, ['--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const rows = JSON.parse(r.stdout) as Row[];
  assert.deepEqual(
    rows.map((f) => [f.file, f.ruleId, f.severity, f.line, f.column]),
    [
      ['runbooks/recover.runbook.md', 'RDS604', 'error', 5, 9],
      ['runbooks/recover.runbook.md', 'RDS101', 'error', 10, 34],
    ],
  );
  assert.match(rows[0].message, /no license server named "LICSRV3\.contoso\.local".*LICSRV03\.contoso\.local/);
  assert.match(rows[1].message, /must have 35 letters or digits/);

  const stylish = lint(dir, []);
  assert.equal(stylish.status, 1);
  assert.match(stylish.stdout, /runbooks\/recover\.runbook\.md/);
  assert.match(stylish.stdout, /5:9\s+error\s+.*RDS604/);
  assert.match(stylish.stdout, /10:34\s+error\s+.*RDS101/);

  const sarif = JSON.parse(lint(dir, ['--format', 'sarif']).stdout);
  const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  assert.deepEqual(
    results.map((x) => [x.ruleId, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine]),
    [
      ['RDS604', 'runbooks/recover.runbook.md', 5],
      ['RDS101', 'runbooks/recover.runbook.md', 10],
    ],
  );
  const ruleIds = (sarif.runs[0].tool.driver.rules as { id: string }[]).map((x) => x.id);
  assert.ok(ruleIds.includes('RDS604'), 'the runbook rules are described in the SARIF rules');

  for (const format of ['github', 'junit']) {
    const out = lint(dir, ['--format', format]);
    assert.equal(out.status, 1);
    assert.match(out.stdout, /RDS604/);
  }
});

test('a runbook named on the command line: fixed, it is clean (exit 0); the configuration applies to it', () => {
  const dir = folder({ 'inventory/contoso-paris.rdslic.yaml': EXAMPLE, 'runbooks/recover.runbook.md': GOOD_RUNBOOK });
  const clean = lint(dir, ['runbooks/recover.runbook.md', '--format', 'json']);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.deepEqual(JSON.parse(clean.stdout), []);

  const configured = folder({
    '.rdslic.yaml': 'root: true\noverrides:\n  - files: ["**/*.runbook.md"]\n    rules: { RDS604: "off", RDS101: warning }\n',
    'inventory/contoso-paris.rdslic.yaml': EXAMPLE,
    'runbooks/recover.runbook.md': BAD_RUNBOOK,
  });
  const r = lint(configured, ['--format', 'json']);
  assert.equal(r.status, 0, 'a warning does not fail by default');
  assert.deepEqual(
    (JSON.parse(r.stdout) as Row[]).map((f) => [f.ruleId, f.severity]),
    [['RDS101', 'warning']],
  );
  assert.equal(lint(configured, ['--format', 'json', '--fail-on', 'warning']).status, 1);
});

test('a runbook whose inventory is missing: RDS603; an empty folder says what it looks for', () => {
  const dir = folder({ 'recover.runbook.md': GOOD_RUNBOOK });
  const r = lint(dir, ['--format', 'json']);
  assert.equal(r.status, 1);
  assert.deepEqual(
    (JSON.parse(r.stdout) as Row[]).map((f) => [f.ruleId, f.line, f.column]),
    [['RDS603', 4, 12]],
  );
  const empty = lint(folder({}), []);
  assert.equal(empty.status, 0);
  assert.match(empty.stderr, /no inventory \(\*\.rdslic\.yaml, \*\.rdslic\.yml\) or runbook \(\*\.runbook\.md\) found/);
});

test('the shipped runbooks lint clean from the command line (IDs and front matter)', () => {
  const r = lint(ROOT, ['runbooks/', '--format', 'json']);
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.stdout), []);
});
