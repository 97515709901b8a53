// `rdslic lint` run as a user runs it: the built CLI spawned on real files in temporary folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { ruleArguments } from '../../src/cli/lint/rule-arguments';
import { ConfigLoader } from '../../src/core/config';
import { lintInventory } from '../../src/core/inventory/lint';
import { sanitizeSettings } from '../../src/server/config';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'contoso-paris.rdslic.yaml'), 'utf8');

/** The shipped example with one host's licensing mode left unset: RDS403 (warning), RDS401 (error, expired grace period). */
const UNSET_MODE = EXAMPLE.replace('licensingMode: perUser', 'licensingMode: notConfigured');
/** A host pointing at a server the inventory does not have: RDS302, and RDS401 since it has no usable server (errors). */
const UNKNOWN_SERVER = EXAMPLE.replace('licenseServers: [LICSRV03.contoso.local]', 'licenseServers: [LICSRV09.contoso.local]');

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-lint-'));
  // Keep configuration files above the temporary folder out of the tests.
  if (!('.rdslic.yaml' in files)) fs.writeFileSync(path.join(dir, '.rdslic.yaml'), 'root: true\n');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function lint(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  // A neutral environment: English, colour decided by the test alone.
  const base = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'NO_COLOR', 'FORCE_COLOR']) delete base[name];
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args], { cwd, encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(cwd: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const r = lint(cwd, ['--format', 'json', ...args], env);
  return { ...r, findings: JSON.parse(r.stdout) as { file: string; ruleId: string; severity: string; line: number; column: number }[] };
}

const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at /);

test('the inventories derived from the shipped example really differ from it', () => {
  assert.notEqual(UNSET_MODE, EXAMPLE);
  assert.notEqual(UNKNOWN_SERVER, EXAMPLE);
});

test('npx rdslic lint examples/ (as the README says): the Paris inventory is clean, exit code follows the findings', () => {
  const r = spawnSync('npx', ['--no-install', 'rdslic', 'lint', 'examples/', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  noStackTrace(r.stderr);
  const findings = JSON.parse(r.stdout) as { file: string; severity: string }[];
  assert.deepEqual(
    findings.filter((f) => f.file === 'examples/contoso-paris.rdslic.yaml'),
    [],
  );
  // Other examples may carry deliberate mistakes: then, and only then, the run fails.
  assert.equal(r.status, findings.some((f) => f.severity === 'error') ? 1 : 0, r.stderr);
});

test('findings: exit 1; json is one array of findings with 1-based positions and nothing else on stdout', () => {
  const dir = folder({ 'sites/paris.rdslic.yaml': UNKNOWN_SERVER });
  const r = json(dir);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  const rds302 = r.findings.find((f) => f.ruleId === 'RDS302');
  assert.ok(rds302, r.stdout);
  assert.equal(rds302.file, 'sites/paris.rdslic.yaml');
  assert.equal(rds302.severity, 'error');
  const line = UNKNOWN_SERVER.split('\n').findIndex((l) => l.includes('LICSRV09'));
  assert.equal(rds302.line, line + 1);
  assert.equal(rds302.column, UNKNOWN_SERVER.split('\n')[line].indexOf('LICSRV09') + 1);
});

test('--fail-on and --max-warnings decide the exit code for warnings', () => {
  const dir = folder({ '.rdslic.yaml': 'root: true\nrules: { RDS401: off }\n', 'a.rdslic.yaml': UNSET_MODE });
  const r = json(dir);
  assert.deepEqual(
    r.findings.map((f) => [f.ruleId, f.severity]),
    [['RDS403', 'warning']],
  );
  assert.equal(r.status, 0, 'warnings do not fail by default');
  assert.equal(lint(dir, ['--fail-on', 'warning']).status, 1);
  assert.equal(lint(dir, ['--max-warnings', '0']).status, 1);
  assert.equal(lint(dir, ['--max-warnings', '1']).status, 0);
  assert.equal(lint(dir, ['--fail-on', 'error']).status, 0);
  // -1 is "no limit", as in ESLint (whose default it is), written as a separate argument or with =.
  for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
    const r1 = lint(dir, args);
    assert.equal(r1.status, 0, `${args.join(' ')}: ${r1.stderr}`);
    assert.equal(r1.stderr, '');
  }
});

test('a missing path is exit 2 with one line on stderr and nothing on stdout', () => {
  const dir = folder({ 'a.rdslic.yaml': EXAMPLE });
  const r = lint(dir, ['a.rdslic.yaml', 'nowhere/']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1);
  assert.match(r.stderr, /nowhere/);
});

test('a FIFO named on the command line is refused at once (exit 2, one line), not read forever', { skip: process.platform === 'win32' }, () => {
  const dir = folder({ 'a.rdslic.yaml': EXAMPLE });
  assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.rdslic.yaml')]).status, 0);
  const r = spawnSync(process.execPath, [BIN, 'lint', 'pipe.rdslic.yaml', 'a.rdslic.yaml'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  assert.equal(r.signal, null, 'rdslic lint hung on the FIFO');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /'pipe\.rdslic\.yaml' is not a regular file \(FIFO\)/);
  // Found in a folder, a FIFO is refused the same way.
  const found = spawnSync(process.execPath, [BIN, 'lint', '.'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  assert.equal(found.status, 2);
  assert.match(found.stderr, /'pipe\.rdslic\.yaml' is not a regular file/);
});

test('a link to nothing is exit 2 with one line naming the link and its target, in a folder or named', { skip: process.platform === 'win32' }, () => {
  const dir = folder({ 'sites/a.rdslic.yaml': EXAMPLE });
  fs.symlinkSync('gone.rdslic.yaml', path.join(dir, 'sites', 'b.rdslic.yaml'));
  fs.symlinkSync('a.rdslic.yaml', path.join(dir, 'sites', 'c.rdslic.yaml'));
  const inFolder = lint(dir, ['sites']);
  assert.equal(inFolder.status, 2);
  assert.equal(inFolder.stdout, '');
  assert.equal(inFolder.stderr.trimEnd().split('\n').length, 1, inFolder.stderr);
  assert.match(inFolder.stderr, /^rdslic: lint: 'sites\/b\.rdslic\.yaml' is a link to 'gone\.rdslic\.yaml', which does not exist/);
  const named = lint(dir, ['sites/b.rdslic.yaml']);
  assert.equal(named.status, 2);
  assert.match(named.stderr, /'sites\/b\.rdslic\.yaml' is a link to 'gone\.rdslic\.yaml'/);
  // A link to a real inventory is linted like the file itself.
  fs.unlinkSync(path.join(dir, 'sites', 'b.rdslic.yaml'));
  const ok = json(dir, ['sites']);
  assert.equal(ok.status, 0, ok.stderr);
});

test('usage errors are exit 2 and one line: unknown option, bad format, bad values', () => {
  const dir = folder({});
  for (const args of [['--frobnicate'], ['--format', 'xml'], ['--fail-on', 'info'], ['--max-warnings', '-2'], ['--max-warnings', 'many'], ['--lang', 'de'], ['--format'], ['--config', 'missing.yaml']]) {
    const r = lint(dir, args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^rdslic: /);
  }
});

test('--today: the time rules count from that date; an invalid date is a usage error (exit 2)', () => {
  const dir = folder({ 'a.rdslic.yaml': UNSET_MODE.replace(/deployed: \d{4}-\d{2}-\d{2}/, 'deployed: 2026-08-01') });
  const at = (today: string) => json(dir, ['--today', today, 'a.rdslic.yaml']).findings.map((f) => f.ruleId).filter((id) => id.startsWith('RDS4')).sort();
  assert.deepEqual(at('2026-11-22'), ['RDS402', 'RDS403']);
  assert.deepEqual(at('2026-12-05'), ['RDS401', 'RDS403']);
  for (const bad of ['2026-02-30', '22/11/2026', 'today']) {
    const r = lint(dir, ['--today', bad, 'a.rdslic.yaml']);
    assert.equal(r.status, 2, bad);
    assert.equal(r.stdout, '', bad);
    assert.match(r.stderr, new RegExp(`^rdslic: lint: --today needs a date YYYY-MM-DD, not '${bad.replace(/\//g, '\\/')}'`), bad);
  }
});

test('--help prints the options and exits 0', () => {
  const r = lint(folder({}), ['--help']);
  assert.equal(r.status, 0);
  for (const option of ['--format', '--fail-on', '--max-warnings', '--output', '--config', '--lang']) assert.ok(r.stdout.includes(option), option);
});

test('bad input is a finding, never a stack trace: binary, empty, not YAML, wrong types, Latin-1', () => {
  const dir = folder({
    'binary.rdslic.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
    'empty.rdslic.yaml': '',
    'prose.rdslic.yaml': 'kind: RdsLicensingInventory\nversion: 1\nlicenseServers: [\n',
    'types.rdslic.yaml': 'kind: RdsLicensingInventory\nversion: 1\nlicenseServers: 42\nsessionHosts: "none"\n',
    'latin1.rdslic.yaml': Buffer.from('kind: RdsLicensingInventory\nversion: 1\norganization: Soci\xe9t\xe9\n', 'latin1'),
  });
  const r = json(dir);
  assert.equal(r.status, 1);
  noStackTrace(r.stderr);
  const files = new Set(r.findings.map((f) => f.file));
  for (const name of ['binary', 'empty', 'prose', 'types', 'latin1']) assert.ok(files.has(`${name}.rdslic.yaml`), `${name}: ${r.stdout}`);
  const latin1 = r.findings.find((f) => f.file === 'latin1.rdslic.yaml')!;
  assert.deepEqual([latin1.ruleId, latin1.line, latin1.column], ['FILE001', 3, 19]);
});

test('UTF-16 with a byte order mark (PowerShell Out-File) is read as text', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE, 'utf16le')]);
  const r = json(folder({ 'ps.rdslic.yaml': utf16 }));
  assert.equal(r.status, 0, r.stdout);
});

test('folders: every *.rdslic.yaml/yml below, not node_modules nor .git, and .rdslic.yaml is not an inventory', () => {
  const dir = folder({
    'a.rdslic.yaml': UNKNOWN_SERVER,
    'deep/er/b.rdslic.yml': UNKNOWN_SERVER,
    'node_modules/pkg/c.rdslic.yaml': UNKNOWN_SERVER,
    '.git/d.rdslic.yaml': UNKNOWN_SERVER,
    'notes.yaml': UNKNOWN_SERVER,
  });
  const r = json(dir);
  assert.deepEqual([...new Set(r.findings.map((f) => f.file))].sort(), ['a.rdslic.yaml', 'deep/er/b.rdslic.yml']);
  // A file named on the command line is linted whatever its name.
  assert.ok(json(dir, ['notes.yaml']).findings.some((f) => f.file === 'notes.yaml' && f.ruleId === 'RDS302'));
});

test('configuration: nearest .rdslic.yaml wins, overrides by path, ignore, --config', () => {
  const dir = folder({
    '.rdslic.yaml': 'root: true\nrules: { RDS302: warning }\noverrides:\n  - files: ["lab/**"]\n    rules: { RDS302: off }\nignore: ["archive/**"]\n',
    'prod/a.rdslic.yaml': UNKNOWN_SERVER,
    'prod/strict/.rdslic.yaml': 'rules: { RDS302: error }\n',
    'prod/strict/b.rdslic.yaml': UNKNOWN_SERVER,
    'lab/c.rdslic.yaml': UNKNOWN_SERVER,
    'archive/d.rdslic.yaml': UNKNOWN_SERVER,
    'ci/relaxed.yaml': 'rules: { RDS302: info, RDS401: info }\n',
  });
  const r = json(dir);
  const rds302 = r.findings.filter((f) => f.ruleId === 'RDS302').map((f) => [f.file, f.severity]);
  assert.deepEqual(rds302, [
    ['prod/a.rdslic.yaml', 'warning'],
    ['prod/strict/b.rdslic.yaml', 'error'],
  ]);
  assert.equal(r.status, 1);
  const explicit = json(dir, ['--config', 'ci/relaxed.yaml']);
  assert.deepEqual(
    [...new Set(explicit.findings.filter((f) => f.ruleId === 'RDS302').map((f) => f.severity))],
    ['info'],
  );
  assert.equal(explicit.status, 0);
  // Naming an ignored file says so on stderr and checks nothing.
  const ignored = json(dir, ['archive/d.rdslic.yaml']);
  assert.deepEqual(ignored.findings, []);
  assert.match(ignored.stderr, /archive\/d\.rdslic\.yaml/);
});

test('an invalid configuration file is a finding on that file, with its position', () => {
  const dir = folder({ '.rdslic.yaml': 'root: true\nrules:\n  RDS302: sometimes\n', 'a.rdslic.yaml': EXAMPLE });
  const r = json(dir);
  assert.equal(r.status, 1);
  noStackTrace(r.stderr);
  assert.deepEqual(
    r.findings.map((f) => [f.file, f.ruleId, f.line, f.column]),
    [['.rdslic.yaml', 'CONFIG001', 3, 11]],
  );
});

test('--output writes the report to a file (no temporary file left) and nothing to stdout', () => {
  const dir = folder({ 'a.rdslic.yaml': UNKNOWN_SERVER });
  const r = lint(dir, ['--format', 'sarif', '--output', 'rdslic.sarif']);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'rdslic.sarif'), 'utf8')).version, '2.1.0');
  assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  // A folder that does not exist yet (a fresh CI checkout's reports/) is created, as ESLint does.
  const nested = lint(dir, ['--format', 'sarif', '--output', 'reports/lint/rdslic.sarif']);
  assert.equal(nested.status, 1, nested.stderr);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'lint', 'rdslic.sarif'), 'utf8')).version, '2.1.0');
  // Really unwritable: under a file, or a folder named as the file. One line that says why.
  const unwritable = lint(dir, ['--output', 'a.rdslic.yaml/report.txt']);
  assert.equal(unwritable.status, 2);
  assert.equal(unwritable.stderr.trimEnd().split('\n').length, 1);
  assert.match(unwritable.stderr, /cannot write 'a\.rdslic\.yaml\/report\.txt'/);
  const folderNamed = lint(dir, ['--output', 'reports']);
  assert.equal(folderNamed.status, 2);
  assert.match(folderNamed.stderr, /^rdslic: lint: cannot write 'reports': it is a folder; give a file name/);
});

test('every format runs end to end: SARIF valid against its schema, JUnit well-formed, GitHub annotations', () => {
  const dir = folder({ 'sites/a.rdslic.yaml': UNKNOWN_SERVER, 'sites/clean.rdslic.yaml': EXAMPLE });
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const sarif = lint(dir, ['--format', 'sarif']);
  const log = JSON.parse(sarif.stdout);
  assert.equal(validate(log), true, JSON.stringify(validate.errors));
  const described = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
  for (const id of ['YAML001', 'SCHEMA001', 'RDS101', 'RDS501', 'CONFIG001', 'FILE001']) assert.ok(described.includes(id), id);
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'sites/a.rdslic.yaml');

  const junit = lint(dir, ['--format', 'junit']);
  assert.equal(XMLValidator.validate(junit.stdout), true);
  assert.equal((junit.stdout.match(/<testsuite /g) ?? []).length, 2);

  const github = lint(dir, ['--format', 'github']);
  assert.match(github.stdout, /^::error file=sites\/a\.rdslic\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=RDS302::/m);

  const stylish = lint(dir, []);
  assert.match(stylish.stdout, /^sites\/a\.rdslic\.yaml$/m);
  assert.match(stylish.stdout, /RDS302$/m);
  assert.doesNotMatch(stylish.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
  assert.match(lint(dir, [], { FORCE_COLOR: '1' }).stdout, /\u001b\[31m/);
  for (const r of [sarif, junit, github, stylish]) assert.equal(r.status, 1);
});

test('French from --lang fr or from LANG', () => {
  const dir = folder({ 'a.rdslic.yaml': UNKNOWN_SERVER });
  assert.match(lint(dir, ['--lang', 'fr']).stdout, /problèmes? \(\d+ erreurs?/);
  assert.match(lint(dir, [], { LANG: 'fr_FR.UTF-8' }).stdout, /problèmes? \(\d+ erreurs?/);
  assert.match(lint(dir, ['--lang', 'en'], { LANG: 'fr_FR.UTF-8' }).stdout, /problems? \(\d+ errors?/);
});

test('rdslic lint --format sarif --lang fr: rule descriptors have French titles and full descriptions', () => {
  const dir = folder({ 'a.rdslic.yaml': UNKNOWN_SERVER });
  const descriptors = (args: string[]) => {
    const r = lint(dir, ['--format', 'sarif', ...args]);
    noStackTrace(r.stderr);
    const rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string } }[] = JSON.parse(r.stdout).runs[0].tool.driver.rules;
    return new Map(rules.map((d) => [d.id, d]));
  };
  const fr = descriptors(['--lang', 'fr']);
  assert.equal(fr.get('RDS302')!.shortDescription.text, "L'hôte de session désigne un serveur de licences inconnu");
  assert.equal(fr.get('RDS302')!.fullDescription.text, "Un nom des licenseServers d'un hôte de session ne figure pas sous licenseServers.");
  assert.match(fr.get('RDS401')!.fullDescription.text, /^La période de grâce de 120 jours d'un hôte de session/);
  assert.match(fr.get('RDS606')!.fullDescription.text, /^Un espace réservé \{\{\.\.\.\}\} écrit dans un runbook/);
  assert.equal(descriptors([]).get('RDS302')!.fullDescription.text, "A name in a session host's licenseServers is not listed under licenseServers.");
});

test('a reader that stops early (rdslic lint | head) gets no stack trace', async () => {
  const dir = folder({ 'a.rdslic.yaml': UNKNOWN_SERVER });
  const child = spawn(process.execPath, [BIN, 'lint', '--format', 'sarif'], { cwd: dir });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Close our end before the report is written: its first write meets a closed pipe (EPIPE).
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 1);
});

test('--rule ID=LEVEL sets severities over .rdslic.yaml (last one wins), and the exit code follows', () => {
  const dir = folder({ '.rdslic.yaml': 'root: true\nrules:\n  RDS302: warning\n', 'site.rdslic.yaml': UNKNOWN_SERVER });
  const before = json(dir);
  assert.deepEqual(before.findings.map((f) => `${f.ruleId} ${f.severity}`).sort(), ['RDS302 warning', 'RDS401 error']);
  assert.equal(before.status, 1);
  const after = json(dir, ['--rule', 'RDS302=error', '--rule', 'RDS401=info', '--rule', 'RDS302=info']);
  assert.deepEqual(after.findings.map((f) => `${f.ruleId} ${f.severity}`).sort(), ['RDS302 info', 'RDS401 info']);
  assert.equal(after.status, 0);
  assert.deepEqual(json(dir, ['--rule', 'RDS401=off', '--rule', 'RDS302=off']).findings, []);
});

test('Lint Workspace passes the editor setting rdslic.rules as --rule: closed files get the severities the language server gives open ones', () => {
  const setting = { RDS302: 'info', RDS401: 'off', RDS104: 'loud', 'A B': 'off', RDS303: 7 };
  const args = ruleArguments(setting);
  assert.deepEqual(args, ['--rule', 'RDS302=info', '--rule', 'RDS401=off']);
  const dir = folder({ 'site.rdslic.yaml': UNKNOWN_SERVER });
  const cli = json(dir, args).findings.map((f) => `${f.ruleId} ${f.severity} ${f.line}`);
  // The language server: the configuration files' rules, then the sanitised setting on top.
  const editor = lintInventory(UNKNOWN_SERVER, { rules: { ...new ConfigLoader().forFile(path.join(dir, 'site.rdslic.yaml')).rules, ...sanitizeSettings({ rules: setting }).rules } });
  assert.deepEqual(cli, editor.findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line + 1}`));
  assert.deepEqual(cli, ['RDS302 info ' + (UNKNOWN_SERVER.split('\n').findIndex((l) => l.includes('LICSRV09')) + 1)]);
});

test('--rule: a malformed value is a usage error; an unknown rule is a note and changes nothing', () => {
  const dir = folder({ 'site.rdslic.yaml': EXAMPLE });
  for (const [value, message] of [
    ['RDS104', /--rule needs RULE=LEVEL \(e\.g\. RDS104=off\), not 'RDS104'/],
    ['RDS104=loud', /--rule RDS104: the level must be error, warning, info or off, not 'loud'/],
  ] as const) {
    const r = lint(dir, ['--rule', value]);
    assert.equal(r.status, 2, value);
    assert.match(r.stderr, message);
    noStackTrace(r.stderr);
  }
  const unknown = json(dir, ['--rule', 'RDS999=off']);
  assert.equal(unknown.status, 0);
  assert.deepEqual(unknown.findings, []);
  assert.match(unknown.stderr, /--rule: unknown rule 'RDS999': it has no effect/);
  const fr = lint(dir, ['--lang', 'fr', '--rule', 'RDS104=fort']);
  assert.match(fr.stderr, /le niveau doit être error, warning, info ou off, pas 'fort'/);
});
