// RDS606: a {{...}} placeholder that the placeholder table (runbooks/README.md) does not define
// is never filled in, so `rdslic lint` and the editor report it on its exact range, with the
// closest known placeholder as a quick fix when one is close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configureLanguage } from '../../src/cli/l10n';
import type { Finding, Range } from '../../src/core/findings';
import { lintRunbook, lintRunbookCell } from '../../src/core/runbook';
import { RULES_BY_ID } from '../../src/core/rules';

const FRONT = ['---', 'title: Activate the license server', 'lang: en', '---', ''].join('\n');

/** The text a finding's range covers (single-line ranges). */
function covered(text: string, range: Range): string {
  assert.equal(range.start.line, range.end.line);
  return text.split(/\r\n|\r|\n/)[range.start.line].slice(range.start.character, range.end.character);
}

const unknown = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'RDS606');

test('every known placeholder, with or without spaces inside the braces, gives no RDS606', () => {
  const text =
    FRONT +
    [
      '# {{inventory.organization}} / {{inventory.site}}',
      '',
      '- [ ] Note {{server.name}}, {{ server.serverId }}, {{server.os}}, {{server.connectionMethod}}, {{server.backup.location}}.',
      '- [ ] Pack {{pack.keyPackId}} ({{pack.program}} {{pack.agreementNumber}}, {{pack.type}} {{pack.version}} x {{pack.quantity}}) from {{migration.from}}.',
      '',
    ].join('\n');
  assert.deepEqual(lintRunbook(text), []);
});

test('a misspelt placeholder in the prose is RDS606 (warning) on the whole {{...}}, with the closest placeholder as a fix', () => {
  const text = FRONT + '- [ ] Write down the License Server ID: {{ server.servrId }} and the OS {{server.OS}}.\n';
  const found = unknown(lintRunbook(text));
  assert.deepEqual(
    found.map((f) => [f.severity, covered(text, f.range), f.fix]),
    [
      ['warning', '{{ server.servrId }}', { kind: 'renamePlaceholder', replacement: '{{server.serverId}}' }],
      ['warning', '{{server.OS}}', { kind: 'renamePlaceholder', replacement: '{{server.os}}' }],
    ],
  );
  assert.equal(found[0].message, '{{server.servrId}} is not a placeholder rdslic knows: did you mean {{server.serverId}}? (see runbooks/README.md)');
});

test('a name close to no placeholder gets the list of its scope, or the scopes, and no fix', () => {
  const text = FRONT + 'Value: {{server.bogus}}\n\n```powershell\nWrite-Host "{{site.name}}"\n```\n';
  const found = unknown(lintRunbook(text));
  assert.deepEqual(found.map((f) => covered(text, f.range)), ['{{server.bogus}}', '{{site.name}}']);
  assert.ok(found.every((f) => f.fix === undefined));
  assert.match(found[0].message, /^\{\{server\.bogus\}\} is not a placeholder rdslic knows, so it is never filled in\. The server\.\* placeholders are: \{\{server\.name\}\}, \{\{server\.serverId\}\}, .*\{\{server\.backup\.location\}\}/);
  assert.match(found[1].message, /Placeholders start with inventory\., server\., pack\., migration\./);
});

test('in the front matter: a placeholder in the title is checked, a template\'s whole inventory: and server: values are not', () => {
  const text = ['---', 'title: "Activate {{server.nmae}}"', 'lang: en', 'inventory: "{{inventory.path}}"', 'server: "{{server.name}}"', '---', '', '# Steps', ''].join('\n');
  const found = unknown(lintRunbook(text));
  assert.deepEqual(found.map((f) => [f.range.start.line, covered(text, f.range), f.fix?.replacement]), [[1, '{{server.nmae}}', '{{server.name}}']]);
});

test('the documented example of RDS606 triggers it', () => {
  const example = RULES_BY_ID.get('RDS606')!.example;
  assert.deepEqual(unknown(lintRunbook(example + '\n')).map((f) => covered(example, f.range)), ['{{server.nmae}}']);
});

test('a notebook cell is checked on its own text', () => {
  const cell = 'Then run:\n\n    Get-Item {{pack.keypackid}}\n';
  const found = lintRunbookCell(cell);
  assert.deepEqual(found.map((f) => [f.ruleId, f.range.start.line, covered(cell, f.range), f.fix?.replacement]), [['RDS606', 2, '{{pack.keypackid}}', '{{pack.keyPackId}}']]);
  assert.deepEqual(lintRunbookCell('Then run: Get-Item {{pack.keyPackId}}\n'), []);
});

test('RDS606 can be turned off or raised like any rule', () => {
  const text = FRONT + '{{server.bogus}}\n';
  assert.deepEqual(lintRunbook(text, { rules: { RDS606: 'off' } }), []);
  assert.deepEqual(lintRunbook(text, { rules: { RDS606: 'error' } }).map((f) => f.severity), ['error']);
});

test('in French, the message and its suggestion are French', () => {
  configureLanguage('fr');
  try {
    const [f] = lintRunbookCell('{{server.servrId}}');
    assert.equal(f.message, "{{server.servrId}} n'est pas un espace réservé connu de rdslic : vouliez-vous dire {{server.serverId}} ? (voir runbooks/README.md)");
  } finally {
    configureLanguage('en');
  }
});
