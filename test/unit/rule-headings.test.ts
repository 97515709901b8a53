// "Show Rule Documentation" lists the rules from the headings of docs/rules.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleHeadings } from '../../src/extension/inventory/rule-headings';

test('finds each rule heading with its title and 0-based line', () => {
  const md = [
    '# Rules', // 0
    '', // 1
    '## Identifiers', // 2
    '', // 3
    '### RDS101 — License Server ID is not 35 characters', // 4
    'Text mentioning RDS102 in a paragraph.', // 5
    '### <a id="rds104"></a>`RDS104`: Identifier not written in its canonical form', // 6
    '```yaml', // 7
    '# RDS999 inside a code block is no heading', // 8
    '```', // 9
    '#### YAML001 - YAML syntax error', // 10
  ].join('\n');
  assert.deepEqual(ruleHeadings(md), [
    { id: 'RDS101', title: 'License Server ID is not 35 characters', line: 4 },
    { id: 'RDS104', title: 'Identifier not written in its canonical form', line: 6 },
    { id: 'YAML001', title: 'YAML syntax error', line: 10 },
  ]);
});

test('keeps the first heading of a rule named twice, and handles CRLF', () => {
  const md = '## RDS301 Duplicate license server name\r\n\r\n## RDS301 again\r\n';
  assert.deepEqual(ruleHeadings(md), [{ id: 'RDS301', title: 'Duplicate license server name', line: 0 }]);
});
