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

function rdslicIn(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env } });
}

test('--lang fr wherever it stands makes the help French: rdslic, import, lsp, runbook', () => {
  assert.match(rdslicIn({}, '--help', '--lang', 'fr').stdout, /^Utilisation : rdslic <commande> \[options\]\n\nCommandes :/);
  assert.match(rdslicIn({}, 'import', '--help', '--lang=fr').stdout, /^Utilisation : rdslic import wmi FICHIER\.\.\. \[options\]\n\nConstruit un inventaire/);
  assert.match(rdslicIn({}, 'lsp', '--help', '--lang', 'fr').stdout, /^Utilisation : rdslic lsp --stdio/);
  assert.match(rdslicIn({}, 'runbook', '--help', '--lang', 'fr').stdout, /^Utilisation : rdslic runbook/);
  // After `--` it is a path, not the option.
  assert.match(rdslicIn({}, '--help', '--', '--lang', 'fr').stdout, /^Usage: rdslic <command>/);
});

test('import takes --lang and the French locale like every command: help, TODO comments, messages', () => {
  assert.match(rdslicIn({ LANG: 'fr_FR.UTF-8' }, 'import', '--help').stdout, /--lang <en\|fr>       langue des messages et des commentaires TODO/);
  const r = rdslicIn({}, 'import', 'wmi', 'test/fixtures/wmi/wmiobject-dmtf.json', '--lang', 'fr');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Importé par `rdslic import wmi`/);
  // The WMI key pack type is named in French too, not only the sentence around it.
  assert.match(r.stderr, /KeyPackType 4 \(temporaire\) est un pack intégré ou temporaire/);
  const en = rdslicIn({ LANG: 'fr_FR.UTF-8' }, 'import', 'wmi', 'test/fixtures/wmi/wmiobject-dmtf.json', '--lang', 'en');
  assert.match(en.stderr, /KeyPackType 4 \(Temporary\) is a built-in or temporary pack/);
});

test('a bad option is one line in the user\'s language, exit 2', () => {
  const unknown = rdslicIn({ LANG: 'fr_FR.UTF-8' }, 'import', 'wmi', 'x.json', '--bogus');
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr, "rdslic: import: option inconnue « --bogus ». Lancez avec --help pour voir les options.\n");
  const missing = rdslicIn({}, 'lint', '--format');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, "rdslic: lint: option '-f, --format' needs a value. (see rdslic lint --help)\n");
  const extra = rdslicIn({}, 'report', '--help=yes', '--lang', 'fr');
  assert.equal(extra.stderr, "rdslic: report: l'option « -h, --help » ne prend pas de valeur.\n");
});
