// `rdslic runbook status|fmt` as CI runs them: output shapes, exit codes, folder search, and
// files that are never damaged (atomic writes, invalid UTF-8 never rewritten).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');

function rdslic(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-runbook-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const OPEN = '---\ntitle: Recover lost CALs\n---\n# Recover\n\n- [x] Note the ID\n- [ ] Call the Clearinghouse\n\n```powershell\n# - [ ] not a step\n```\n';
const COMPLETE = '# Done\r\n\r\n- [x] one\r\n  - [X] two\r\n';

const RUNBOOKS = {
  'a.runbook.md': OPEN,
  'sub/b.runbook.md': COMPLETE,
  'node_modules/pkg/x.runbook.md': '- [ ] skipped\n',
  '.git/y.runbook.md': '- [ ] skipped\n',
  'notes.md': '- [ ] not a runbook by name\n',
};

test('status --format json: one array, every runbook below the folder, node_modules and .git skipped', () => {
  const dir = workspace(RUNBOOKS);
  const r = rdslic(dir, 'runbook', 'status', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [
    { file: 'a.runbook.md', done: 1, total: 2, title: 'Recover lost CALs', nextStep: { line: 7, text: 'Call the Clearinghouse' } },
    { file: 'sub/b.runbook.md', done: 2, total: 2 },
  ]);
});

test('status text: done/total and a bar per runbook, then a summary', () => {
  const dir = workspace(RUNBOOKS);
  const r = rdslic(dir, 'runbook', 'status', '.', 'notes.md');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^a\.runbook\.md\s+1\/2 \[#{10}-{10}\]  next: line 7: Call the Clearinghouse$/);
  assert.match(lines[1], /^sub\/b\.runbook\.md\s+2\/2 \[#{20}\]$/);
  assert.match(lines[2], /^notes\.md\s+0\/1 /, 'a file named explicitly is read whatever its name');
  assert.equal(lines.at(-1), '3 runbooks, 1 complete; 3/5 steps done.');
});

test('status --require-complete: exit 1 while a step is open, 0 when all are done', () => {
  const dir = workspace(RUNBOOKS);
  assert.equal(rdslic(dir, 'runbook', 'status', '--require-complete').status, 1);
  assert.equal(rdslic(dir, 'runbook', 'status', '--require-complete', 'sub').status, 0);
  assert.equal(rdslic(dir, 'runbook', 'status', 'a.runbook.md').status, 0, 'without the flag open steps are fine');
});

test('status: a missing path or a bad option is a usage error (exit 2, one line on stderr)', () => {
  const dir = workspace(RUNBOOKS);
  const missing = rdslic(dir, 'runbook', 'status', 'nope', 'a.runbook.md');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'rdslic: cannot read nope: ENOENT\n');
  assert.equal(missing.stdout, '');
  assert.equal(rdslic(dir, 'runbook', 'status', '--format', 'xml').status, 2);
  assert.equal(rdslic(dir, 'runbook', 'frobnicate').status, 2);
  assert.equal(rdslic(dir, 'runbook', 'status', '--nope').status, 2);
});

test('status: invalid front matter is reported with its position, the steps still counted', () => {
  const dir = workspace({ 'bad.runbook.md': '---\ntitle: [oops\n---\n- [ ] step\n' });
  const r = rdslic(dir, 'runbook', 'status', '--format', 'json');
  assert.equal(r.status, 0);
  const [row] = JSON.parse(r.stdout);
  assert.equal(row.total, 1);
  assert.equal(row.frontMatterError.line, 3);
  assert.match(r.stderr, /^bad\.runbook\.md:3:1: The front matter is not valid YAML/);
});

test('fmt --check: exit 0 and nothing written for any Markdown file, whatever its extension', () => {
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'runbook');
  const files = Object.fromEntries(fs.readdirSync(fixtures).filter((f) => f.endsWith('.md')).map((f) => [f.replace(/\.md$/, '.txt'), fs.readFileSync(path.join(fixtures, f))]));
  const dir = workspace(files);
  const names = Object.keys(files);
  const r = rdslic(dir, 'runbook', 'fmt', '--check', ...names);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  const w = rdslic(dir, 'runbook', 'fmt', ...names);
  assert.equal(w.status, 0, w.stderr);
  assert.equal(w.stdout, '', 'nothing to rewrite');
  for (const name of names) assert.ok(fs.readFileSync(path.join(dir, name)).equals(files[name]), name);
});

test('fmt: a file that is not valid UTF-8 would change (--check exit 1) and is never rewritten', () => {
  const bytes = Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a, 0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0x61, 0x0a]);
  const dir = workspace({ 'latin1.runbook.md': bytes, 'ok.runbook.md': COMPLETE });
  const check = rdslic(dir, 'runbook', 'fmt', '--check', '.');
  assert.equal(check.status, 1);
  assert.equal(check.stdout, 'latin1.runbook.md\n');
  assert.match(check.stderr, /latin1\.runbook\.md: not valid UTF-8 \(byte 2\)/, "says which byte is not UTF-8");
  const write = rdslic(dir, 'runbook', 'fmt', '.');
  assert.equal(write.status, 2);
  assert.ok(fs.readFileSync(path.join(dir, 'latin1.runbook.md')).equals(bytes));
  assert.deepEqual(fs.readdirSync(dir).sort(), ['latin1.runbook.md', 'ok.runbook.md']);
});

test('fmt needs paths; a missing one is exit 2', () => {
  const dir = workspace({});
  assert.equal(rdslic(dir, 'runbook', 'fmt').status, 2);
  assert.equal(rdslic(dir, 'runbook', 'fmt', '--check', 'missing.md').status, 2);
});

test('status speaks French with --lang fr', () => {
  const dir = workspace(RUNBOOKS);
  const r = rdslic(dir, 'runbook', 'status', '--lang', 'fr');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /suivante : ligne 7 : Call the Clearinghouse/);
  assert.match(r.stdout, /2 runbooks, terminés : 1 ; 3\/4 étapes faites\.\n$/);
});

test('status of one runbook says "1 runbook", in English and in French (LANG)', () => {
  const dir = workspace(RUNBOOKS);
  const en = rdslic(dir, 'runbook', 'status', 'a.runbook.md');
  assert.match(en.stdout, /\n1 runbook, 0 complete; 1\/2 steps done\.\n$/);
  const fr = spawnSync(process.execPath, [BIN, 'runbook', 'status', 'a.runbook.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8' } });
  assert.match(fr.stdout, /\n1 runbook, terminé : 0 ; 1\/2 étapes faites\.\n$/);
});

test('runbook --help is French when --lang fr follows it', () => {
  const r = rdslic(workspace({}), 'runbook', '--help', '--lang', 'fr');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^Utilisation : rdslic runbook <status\|fmt>/);
});
