// Editing a runbook as a notebook: each operation on cells must change only the bytes of the
// cells concerned, and cells the user adds are written in the conventional form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRunbook, serializeRunbook, cellSteps, toggleStep, documentProgress, type RunbookCell } from '../../src/core';

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

test('changing a code cell\'s language rewrites only its opening fence line', () => {
  const doc = parseRunbook(TEXT);
  doc.cells[2].language = 'shellscript';
  assert.equal(serializeRunbook(doc), TEXT.replace('```pwsh\r\n', '```sh\r\n'));
  const attributes = parseRunbook('~~~pwsh title="x"\nGet-Date\n~~~\n');
  attributes.cells[0].language = 'bat';
  assert.equal(serializeRunbook(attributes), '~~~cmd title="x"\nGet-Date\n~~~\n');
});

test('code holding a fence line gets a longer fence, so the cell stays one cell', () => {
  const doc = parseRunbook('# T\n\n```md\nx\n```\n');
  doc.cells[1].source = 'before\n```\ninside\n````\nafter';
  const out = serializeRunbook(doc);
  assert.equal(out, '# T\n\n`````md\nbefore\n```\ninside\n````\nafter\n`````\n');
  const again = parseRunbook(out);
  assert.equal(again.cells.length, 2);
  assert.equal(again.cells[1].source, 'before\n```\ninside\n````\nafter');
  const added = parseRunbook('');
  added.cells.push({ kind: 'code', language: 'markdown', source: '~~~\n```', metadata: {} });
  assert.equal(parseRunbook(serializeRunbook(added)).cells[0].source, '~~~\n```');
});

test('an edited indented fence keeps its indentation; the user sees the code without it', () => {
  const text = '# T\n\n  ```ps1\n  Get-Date\n   more\n  ```\n';
  const doc = parseRunbook(text);
  assert.equal(doc.cells[1].source, 'Get-Date\n more');
  doc.cells[1].source = 'Get-Date\n more\n\nGet-Item';
  assert.equal(serializeRunbook(doc), '# T\n\n  ```ps1\n  Get-Date\n   more\n\n  Get-Item\n  ```\n');
});

test('cells added to an empty file, or after front matter without a final newline, are conventional', () => {
  const empty = parseRunbook('');
  empty.cells.push(
    { kind: 'markdown', source: '# New runbook\n\n- [ ] first step', metadata: {} },
    { kind: 'code', language: 'powershell', source: 'Get-Date', metadata: {} },
  );
  assert.equal(serializeRunbook(empty), '# New runbook\n\n- [ ] first step\n\n```powershell\nGet-Date\n```\n');

  const onlyFrontMatter = parseRunbook('---\r\ntitle: x\r\n---');
  onlyFrontMatter.cells.push({ kind: 'markdown', source: '# Title', metadata: {} });
  assert.equal(serializeRunbook(onlyFrontMatter), '---\r\ntitle: x\r\n---\r\n# Title\r\n');
});

test('a file without a final newline keeps none; a cell added at its end brings one', () => {
  const text = '# A\n\n- [ ] last';
  const doc = parseRunbook(text);
  assert.equal(serializeRunbook(doc), text);
  doc.cells.push({ kind: 'code', language: 'shellscript', source: 'echo hi', metadata: {} });
  assert.equal(serializeRunbook(doc), '# A\n\n- [ ] last\n\n```sh\necho hi\n```\n');
});

test('an unclosed fence that no longer ends the file is closed, so it does not swallow the cells after it', () => {
  const doc = parseRunbook('# A\n\n```sh\necho open');
  const [heading, code] = doc.cells;
  doc.cells = [code, heading];
  const out = serializeRunbook(doc);
  assert.equal(out, '```sh\necho open\n```\n\n# A');
  assert.deepEqual(parseRunbook(out).cells.map((c) => c.kind), ['code', 'markdown']);
});

test('a cell whose kind the user changed is rewritten from its source', () => {
  const doc = parseRunbook('# A\n\n```sh\necho 1\n```\n');
  doc.cells[1] = { ...doc.cells[1], kind: 'markdown' };
  assert.equal(serializeRunbook(doc), '# A\n\necho 1\n');
  const back = parseRunbook('# A\n\nGet-Date\n');
  back.cells[0] = { ...back.cells[0], kind: 'code', language: 'powershell' };
  assert.equal(serializeRunbook(back), '```powershell\n# A\n\nGet-Date\n```\n');
});

test('source given back with CRLF (as an editor may) is the same source: nothing is rewritten', () => {
  const doc = parseRunbook(TEXT);
  for (const cell of doc.cells) cell.source = cell.source.replace(/\n/g, '\r\n');
  assert.equal(serializeRunbook(doc), TEXT);
});

test('ticking a step in a cell changes one character of the file', () => {
  const doc = parseRunbook(TEXT);
  const cell = doc.cells[3];
  const [step] = cellSteps(cell);
  cell.source = toggleStep(cell.source, step, true, { frontMatter: false });
  assert.equal(serializeRunbook(doc), TEXT.replace('- [ ] Ask for a reissue', '- [x] Ask for a reissue'));
  assert.deepEqual(documentProgress(doc), { done: 2, total: 3 });
});

test('editing a cell with mixed line breaks keeps the line breaks of the lines around the edit', () => {
  const text = '# Mixed\r\n\r\n- [ ] one\n- [ ] two\r\n- [ ] three\r\n';
  const doc = parseRunbook(text);
  doc.cells[0].source = doc.cells[0].source.replace('- [ ] two', '- [x] two\n  - [ ] two, sub-step');
  assert.equal(serializeRunbook(doc), '# Mixed\r\n\r\n- [ ] one\n- [x] two\r\n  - [ ] two, sub-step\r\n- [ ] three\r\n');
  const code = parseRunbook('```sh\r\na\nb\r\nc\r\n```\n');
  code.cells[0].source = 'a\nB\nc';
  assert.equal(serializeRunbook(code), '```sh\r\na\nB\r\nc\r\n```\n');
});

test('metadata of the wrong type (a damaged notebook) is ignored, never a crash', () => {
  const doc = parseRunbook(TEXT);
  const damaged = JSON.parse(JSON.stringify(doc));
  damaged.cells[0].metadata.raw = 42;
  damaged.cells[1].metadata = null;
  damaged.cells[2].source = undefined;
  damaged.leading = { not: 'text' };
  damaged.eol = 'weird';
  const out = serializeRunbook(damaged);
  assert.equal(typeof out, 'string');
  assert.ok(out.startsWith('---\r\ntitle: Recover lost CALs\r\n---\r\n# Recover lost CALs'));
  assert.equal(serializeRunbook({} as never), '');
});
