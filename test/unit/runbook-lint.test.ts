// Runbooks are checked like inventories: the IDs written in them get the inventory's rules, ids
// and messages (with the same quick fixes), and the front matter's link to an inventory is
// followed. Every shipped runbook lints clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { configureLanguage } from '../../src/cli/l10n';
import type { Finding, Range } from '../../src/core/findings';
import { lintInventory } from '../../src/core/inventory/lint';
import { lintRunbook, lintRunbookCell } from '../../src/core/runbook';

const ROOT = path.resolve(__dirname, '../../..');
const RUNBOOK = path.join(ROOT, 'ops', 'recover.runbook.md');
const INVENTORY_PATH = path.join(ROOT, 'ops', 'paris.rdslic.yaml');
const INVENTORY = 'kind: RdsLicensingInventory\nversion: 1\nlicenseServers:\n  - name: LICSRV03.contoso.local\n  - name: LICSRV04.contoso.local\n';

function reader(map: Record<string, string>) {
  return (p: string) => {
    if (map[p] === undefined) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
    return map[p];
  };
}
const readFile = reader({ [INVENTORY_PATH]: INVENTORY });

function front(lines: string[]): string {
  return ['---', ...lines, '---', ''].join('\n');
}
const GOOD_FRONT = front(['title: Recover lost CALs', 'lang: en', 'inventory: paris.rdslic.yaml', 'server: LICSRV03.contoso.local']);

function lint(text: string, options: Parameters<typeof lintRunbook>[1] = {}): Finding[] {
  return lintRunbook(text, { file: RUNBOOK, readFile, ...options });
}

/** The text a finding's range covers. */
function covered(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

function ids(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

test('well-formed IDs, masked codes and placeholders give no finding', () => {
  const text =
    GOOD_FRONT +
    [
      '# Recover',
      '',
      '- [ ] Note the License Server ID 12345-67890-12345-67890-12345-67890-12345 (or {{server.serverId}}).',
      '- [ ] Key pack ID 7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E, or {{pack.keyPackId}}.',
      '- [ ] The retail code ends in XXXXX-XXXXX-XXXXX-XXXXX-1NB5F; a masked ID looks like XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-12345.',
      '',
      '```powershell',
      '(Get-WmiObject Win32_TSLicenseServer).GetLicenseServerID().sLicenseServerId  # 12345678901234567890123456789012345',
      '```',
      '',
    ].join('\n');
  assert.deepEqual(lint(text), []);
});

test('IDs in a runbook get the same rule ids, messages and fixes as in an inventory', () => {
  const ids = {
    letters: '12345-67890-12345-67890-12345-67890-1234O',
    short: '12345-67890-12345-67890-12345-67890-1234',
    lower: '7k2qh4m9pxr3t8wc6vjd1nb5fz0gyls2a9e',
  };
  const text = GOOD_FRONT + `# IDs\n\nServer ID ${ids.letters}, old one ${ids.short}.\n\n\`\`\`text\nKey pack: ${ids.lower}\n\`\`\`\n`;
  const found = lint(text);
  assert.deepEqual(
    found.map((f) => [f.ruleId, covered(text, f.range)]),
    [
      ['RDS102', ids.letters],
      ['RDS101', ids.short],
      ['RDS104', ids.lower],
    ],
  );
  const inventory = [
    'kind: RdsLicensingInventory',
    'version: 1',
    'licenseServers:',
    `  - name: A\n    serverId: "${ids.letters}"`,
    `  - name: B\n    serverId: "${ids.short}"`,
    `    packs:\n      - keyPackId: ${ids.lower}`,
    '',
  ].join('\n');
  const fromInventory = lintInventory(inventory).findings.filter((f) => /^RDS10[124]$/.test(f.ruleId));
  const byRule = (list: Finding[]) => Object.fromEntries(list.map((f) => [f.ruleId, f.message]));
  assert.deepEqual(byRule(found), byRule(fromInventory));
  const normalize = found.find((f) => f.ruleId === 'RDS104')!;
  assert.deepEqual(normalize.fix, { kind: 'normalizeId', replacement: ids.lower.toUpperCase() });
  assert.equal(normalize.file, RUNBOOK);
});

test('a full retail code is RDS501 with the maskSecret fix keeping the last five characters', () => {
  const text = GOOD_FRONT + '# Install\n\n- [ ] Type the code 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F in the wizard.\n';
  const [secret, ...rest] = lint(text);
  assert.deepEqual(rest, []);
  assert.equal(secret.ruleId, 'RDS501');
  assert.equal(secret.severity, 'error');
  assert.equal(covered(text, secret.range), '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F');
  assert.deepEqual(secret.fix, { kind: 'maskSecret', replacement: 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F', last5: '1NB5F' });
  const inventoryMessage = lintInventory('kind: RdsLicensingInventory\nversion: 1\nnotes: 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F\n').findings.find((f) => f.ruleId === 'RDS501')!.message;
  assert.equal(secret.message, inventoryMessage);
  // Applying the fix leaves nothing to report.
  const lines = text.split('\n');
  const line = lines[secret.range.start.line];
  lines[secret.range.start.line] = line.slice(0, secret.range.start.character) + secret.fix!.replacement + line.slice(secret.range.end.character);
  assert.deepEqual(lint(lines.join('\n')), []);
});

test('a server the inventory does not have is RDS604 on the server value, listing the known ones', () => {
  const text = front(['title: t', 'lang: en', 'inventory: paris.rdslic.yaml', 'server: LICSRV3.contoso.local']) + '# x\n';
  const [f, ...rest] = lint(text);
  assert.deepEqual(rest, []);
  assert.equal(f.ruleId, 'RDS604');
  assert.equal(f.severity, 'error');
  assert.equal(covered(text, f.range), 'LICSRV3.contoso.local');
  assert.match(f.message, /LICSRV03\.contoso\.local, LICSRV04\.contoso\.local/);
  // Names are DNS names: case does not matter.
  assert.deepEqual(lint(text.replace('LICSRV3.contoso.local', 'licsrv04.CONTOSO.local')), []);
  const badName = lint(text.replace('LICSRV3.contoso.local', 'LICSRV3/contoso'));
  assert.deepEqual(ids(badName), ['RDS602@5', 'RDS604@5']);
  assert.match(badName[0].message, /server: must be a host name/);
});

test('a missing or broken inventory is RDS603 on the inventory value; a template is not checked for it', () => {
  const missing = front(['title: t', 'lang: en', 'inventory: ../lost/paris.rdslic.yaml', 'server: LICSRV03.contoso.local']) + '# x\n';
  const [f, ...rest] = lint(missing);
  assert.deepEqual(rest, []);
  assert.equal(f.ruleId, 'RDS603');
  assert.equal(covered(missing, f.range), '../lost/paris.rdslic.yaml');
  assert.match(f.message, /does not exist/);

  const broken = lintRunbook(GOOD_FRONT, { file: RUNBOOK, readFile: reader({ [INVENTORY_PATH]: 'kind: [oops\n' }) });
  assert.deepEqual(ids(broken), ['RDS603@4']);

  // The shipped templates: server is a placeholder, inventory a default name replaced on instantiation.
  const template = front(['title: t', 'lang: en', 'inventory: inventory.rdslic.yaml', 'server: "{{server.name}}"']) + '# x\n';
  assert.deepEqual(lint(template), []);
  // Without a reader the link is not followed at all; without inventory: there is nothing to follow (RDS605).
  assert.deepEqual(lintRunbook(missing, { file: RUNBOOK }), []);
  assert.deepEqual(ids(lint(front(['title: t', 'lang: en', 'server: NOWHERE']) + '# x\n')), ['RDS605@4']);
});

test('front matter: YAML errors are RDS601, schema problems RDS602 on the key or value', () => {
  const yamlError = front(['title: Step 1: activate', 'lang: en']) + '# x\n';
  const [y] = lint(yamlError);
  assert.equal(y.ruleId, 'RDS601');
  assert.equal(y.range.start.line, 1);
  assert.match(y.message, /not valid YAML/);

  const wrongLang = front(['title: t', 'lang: english']) + '# x\n';
  const [lang] = lint(wrongLang);
  assert.equal(lang.ruleId, 'RDS602');
  assert.equal(lang.severity, 'warning');
  assert.equal(covered(wrongLang, lang.range), 'english');
  assert.match(lang.message, /en, fr/);

  const noTitle = front(['lang: en']) + '# x\n';
  const [title] = lint(noTitle);
  assert.equal(title.ruleId, 'RDS602');
  assert.match(title.message, /The front matter is missing the required key "title"/);
  assert.equal(title.range.start.line, 1);

  // Unquoted braces are a YAML mapping, not a placeholder.
  const unquoted = front(['title: t', 'lang: en', 'server: {{server.name}}']) + '# x\n';
  const found = lint(unquoted);
  assert.deepEqual(ids(found), ['RDS602@4']);
  assert.match(found[0].message, /"server" must be text/);

  const absolute = front(['title: t', 'lang: en', 'inventory: /srv/paris.rdslic.yaml']) + '# x\n';
  assert.deepEqual(ids(lint(absolute, { readFile: reader({ '/srv/paris.rdslic.yaml': INVENTORY }) })), ['RDS602@4']);

  const list = '---\n- a\n- b\n---\n# x\n';
  assert.deepEqual(ids(lint(list)), ['RDS602@1']);
  // No front matter at all: a plain Markdown checklist, nothing to check there.
  assert.deepEqual(lint('# Just steps\n\n- [ ] one\n'), []);
});

test('severities and "off" from the configuration apply to runbook rules', () => {
  const text = front(['title: t', 'lang: en', 'inventory: paris.rdslic.yaml', 'server: NOPE']) + '# x\n\nID 12345-67890-12345-67890-12345-67890-1234O\n';
  assert.deepEqual(
    lint(text).map((f) => `${f.ruleId}:${f.severity}`),
    ['RDS604:error', 'RDS102:warning'],
  );
  assert.deepEqual(
    lint(text, { rules: { RDS604: 'off', RDS102: 'error' } }).map((f) => `${f.ruleId}:${f.severity}`),
    ['RDS102:error'],
  );
});

test('positions are right with CRLF, lone CR line breaks and a byte order mark', () => {
  const crlf = '\uFEFF' + GOOD_FRONT.replace(/\n/g, '\r\n') + '# x\r\n\r\ncode 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F\r\n';
  const [f] = lint(crlf);
  assert.equal(f.ruleId, 'RDS501');
  assert.deepEqual(f.range, { start: { line: 8, character: 5 }, end: { line: 8, character: 34 } });
  const unknown = lint(crlf.replace('LICSRV03', 'LICSRV99')).find((x) => x.ruleId === 'RDS604')!;
  assert.deepEqual(unknown.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 30 } });
  // Lone CRs end lines for LSP too.
  const [cr] = lint('# x\r\rcode 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F\r');
  assert.deepEqual(cr.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 34 } });
});

test('a notebook cell is checked on its own text, ranges in the cell', () => {
  const cell = 'Key pack\n7k2qh4m9pxr3t8wc6vjd1nb5fz0gyls2a9e and 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F {{pack.keyPackId}}';
  const found = lintRunbookCell(cell, { rules: { RDS104: 'info' } });
  assert.deepEqual(
    found.map((f) => [f.ruleId, f.severity, f.range.start.line, f.range.start.character]),
    [
      ['RDS104', 'info', 1, 0],
      ['RDS501', 'error', 1, 40],
    ],
  );
});

test('messages are in French under a French locale, every runbook rule', () => {
  const texts = [
    front(['title: t', 'lang: fr', 'inventory: paris.rdslic.yaml', 'server: NOPE']),
    front(['title: t', 'lang: fr', 'inventory: perdu.rdslic.yaml', 'server: NOPE']),
    front(['title: t: u', 'lang: fr']),
    front(['lang: french', 'inventory: C:/x.rdslic.yaml', 'server: a/b']),
    '---\n- a\n---\n',
  ];
  const all = () => texts.flatMap((t) => lint(t));
  const english = all();
  configureLanguage('fr');
  let french: Finding[];
  try {
    french = all();
  } finally {
    configureLanguage('en');
  }
  assert.deepEqual(french.map((f) => f.ruleId), english.map((f) => f.ruleId));
  assert.deepEqual([...new Set(english.map((f) => f.ruleId))].sort(), ['RDS601', 'RDS602', 'RDS603', 'RDS604']);
  const untranslated = french.filter((f, i) => f.message === english[i].message).map((f) => `${f.ruleId}: ${f.message}`);
  assert.deepEqual(untranslated, []);
  assert.match(french[0].message, /n'a pas de serveur de licences nommé « NOPE »/);
});

test('every shipped runbook (runbooks/en, runbooks/fr) lints with no finding', () => {
  const files: string[] = [];
  for (const lang of ['en', 'fr']) {
    const folder = path.join(ROOT, 'runbooks', lang);
    for (const name of fs.readdirSync(folder)) if (name.endsWith('.runbook.md')) files.push(path.join(folder, name));
  }
  assert.ok(files.length >= 20, `only ${files.length} runbooks`);
  const problems = files.flatMap((file) =>
    lintRunbook(fs.readFileSync(file, 'utf8'), { file: path.relative(ROOT, file), runbookPath: file, readFile: (p) => fs.readFileSync(p) }).map(
      (f) => `${f.file}:${f.range.start.line + 1} ${f.ruleId} ${f.message}`,
    ),
  );
  assert.deepEqual(problems, []);
});

test('an ID takes the kind of what names it on its line: YAML keys and the words of the runbooks, in English and French', () => {
  const lines = [
    '```yaml',
    'keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9"',
    '```',
    '- [ ] License key pack ID: 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F-Z0GYL-S2A9E',
    '- [ ] ID de pack de clés de licence : 7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9EX',
    '- [ ] ID du serveur de licences : `1234567890123456789012345678901234`',
    '- [ ] **License Server ID**: ABCDE12345ABCDE12345ABCDE12345ABCDE',
  ];
  const text = GOOD_FRONT + lines.join('\n') + '\n';
  const found = lint(text);
  const at = (line: number) => found.filter((f) => f.range.start.line === 6 + line).map((f) => [f.ruleId, covered(text, f.range)]);
  // 34 characters after keyPackId: is RDS103, as in an inventory.
  assert.deepEqual(at(1), [['RDS103', '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9']]);
  const inventory = lintInventory(INVENTORY.replace('  - name: LICSRV04.contoso.local\n', '    packs:\n      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9"\n'));
  assert.ok(inventory.findings.some((f) => f.ruleId === 'RDS103'));
  // Grouped 7×5 after "key pack ID": a key pack ID written with hyphens (RDS104), not a License Server ID with letters (RDS102).
  assert.deepEqual(at(3).map(([id]) => id), ['RDS104']);
  assert.deepEqual(at(4), [['RDS103', '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9EX']]);
  // 34 digits in one run: nothing without a label, RDS101 after "ID du serveur de licences".
  assert.deepEqual(at(5), [['RDS101', '1234567890123456789012345678901234']]);
  assert.deepEqual(lint(GOOD_FRONT + 'Call 1234567890123456789012345678901234.\n'), []);
  // 35 characters with letters after "License Server ID": the letters warning, not a key pack ID.
  assert.deepEqual(at(6).map(([id]) => id), ['RDS102']);
});

test('in a PowerShell cell, the WMI parameter that takes an ID names it: a 34-character key pack ID for InstallLicenseKeyPack is RDS103', () => {
  const lines = [
    '```powershell',
    "Invoke-CimMethod -ClassName Win32_TSLicenseKeyPack -MethodName InstallLicenseKeyPack -Arguments @{ sLicenseKeyPackId = '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9' }",
    "$sLicenseServerId = '1234567890123456789012345678901234'",
    "ImportLicenseKeyPackOffline -Arguments @{ sSourceLSProductId = 'ABCDE12345ABCDE12345ABCDE12345ABCDE' }",
    'KeyPackId = [uint32]3',
    '```',
    '- [ ] ID de serveur de licences : 1234567890123456789012345678901234',
  ];
  const text = GOOD_FRONT + lines.join('\n') + '\n';
  const found = lint(text);
  const at = (line: number) => found.filter((f) => f.range.start.line === 6 + line).map((f) => [f.ruleId, covered(text, f.range)]);
  assert.deepEqual(at(1), [['RDS103', '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9']]);
  assert.deepEqual(at(2), [['RDS101', '1234567890123456789012345678901234']]);
  // The source's License Server ID: letters are the RDS102 warning, not a key pack ID.
  assert.deepEqual(at(3).map(([id]) => id), ['RDS102']);
  // The local uint32 KeyPackId is no Clearinghouse ID.
  assert.deepEqual(at(4), []);
  // "ID de serveur de licences", as the French runbooks write it, names a License Server ID like "ID du serveur de licences".
  assert.deepEqual(at(6), [['RDS101', '1234567890123456789012345678901234']]);
});

test('a label does not reach past its line, nor a value too short or too long to be that ID', () => {
  const text = GOOD_FRONT + ['The key pack ID:', '1234567890123456789012345678901234', 'key pack ID: ABC123 (the local one), License Server ID: 12345678901234567890123456789012345678'].join('\n') + '\n';
  assert.deepEqual(lint(text), []);
});

test('a front matter with server: but no inventory: is RDS605, without reading any file', () => {
  const text = front(['title: t', 'lang: en', 'server: LICSRV03.contoso.local']) + '# x\n';
  const found = lintRunbook(text);
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity, covered(text, f.range)]), [['RDS605', 'warning', 'LICSRV03.contoso.local']]);
  assert.match(found[0].message, /no inventory: the server cannot be checked/);
  assert.deepEqual(lint(GOOD_FRONT + '# x\n'), []);
  assert.deepEqual(lint(front(['title: t', 'lang: en']) + '# x\n'), []);
});

test('RDS602 in French quotes the French schema title', () => {
  const text = front(['title: t', 'lang: fr', 'applies-to: ["2099"]']);
  configureLanguage('fr');
  const [f] = lint(text);
  configureLanguage('en');
  assert.equal(f.ruleId, 'RDS602');
  assert.match(f.message, /Version de Windows Server/);
  assert.doesNotMatch(f.message, /Windows Server version/);
});
