// Editing a runbook as a notebook: each operation on cells must change only the bytes of the
// cells concerned, and cells the user adds are written in the conventional form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook, serializeRunbook, type RunbookCell } from '../../src/core';

const TEXT = [
  '---',
  'title: Recover lost CALs',
  '---',
  '',
  '# Recover lost CALs',
  '',
  'Intro paragraph.',
  '',
  '## Before you start',
  '',
  '- [ ] Note the License Server ID',
  '- [x] Find the purchase evidence',
  '',
  '```pwsh',
  'Get-CimInstance Win32_TSLicenseKeyPack',
  '```',
  '',
  '## Call the Clearinghouse',
  '',
  '- [ ] Ask for a reissue',
  '',
].join('\r\n');

test('cells: front matter is metadata, headings start Markdown cells, top-level fences are code cells', () => {
  const doc = parseRunbook(TEXT);
  assert.deepEqual(doc.frontMatter?.data, { title: 'Recover lost CALs' });
  assert.equal(doc.eol, '\r\n');
  assert.deepEqual(
    doc.cells.map((c) => [c.kind, c.language, c.source]),
    [
      ['markdown', undefined, '# Recover lost CALs\n\nIntro paragraph.'],
      ['markdown', undefined, '## Before you start\n\n- [ ] Note the License Server ID\n- [x] Find the purchase evidence'],
      ['code', 'powershell', 'Get-CimInstance Win32_TSLicenseKeyPack'],
      ['markdown', undefined, '## Call the Clearinghouse\n\n- [ ] Ask for a reissue'],
    ],
  );
  assert.equal(serializeRunbook(doc), TEXT);
});

test('editing one cell rewrites only that cell, in its own line endings', () => {
  const doc = parseRunbook(TEXT);
  doc.cells[2].source = 'Get-CimInstance Win32_TSLicenseKeyPack |\n  Select-Object KeyPackId';
  const out = serializeRunbook(doc);
  assert.equal(
    out,
    TEXT.replace('Win32_TSLicenseKeyPack\r\n', 'Win32_TSLicenseKeyPack |\r\n  Select-Object KeyPackId\r\n'),
  );
});

test('a cell the user adds is written as a ``` fence with the language and one blank line before it', () => {
  const doc = parseRunbook(TEXT);
  const added: RunbookCell = { kind: 'code', source: 'cmd /c ver', language: 'bat', metadata: {} };
  doc.cells.splice(3, 0, added);
  const out = serializeRunbook(doc);
  assert.equal(out, TEXT.replace('```\r\n\r\n## Call', '```\r\n\r\n```cmd\r\ncmd /c ver\r\n```\r\n\r\n## Call'));
});

test('deleting a cell removes its bytes and its separator; reordering keeps every cell byte for byte', () => {
  const doc = parseRunbook(TEXT);
  const [intro, before, code, call] = doc.cells;
  doc.cells = [intro, before, call];
  assert.equal(serializeRunbook(doc), TEXT.replace('```pwsh\r\nGet-CimInstance Win32_TSLicenseKeyPack\r\n```\r\n\r\n', ''));
  doc.cells = [intro, call, before, code];
  const moved = serializeRunbook(doc);
  for (const cell of [intro, call, before, code]) assert.ok(moved.includes(cell.metadata.raw!));
  assert.equal(parseRunbook(moved).cells.length, 4);
});
