// The parts of the runbook notebook adapter that need no VS Code: bytes ↔ text, and the
// checklist renderer's markdown-it plugin, checked against the core's own list of steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { decodeRunbookBytes, NotUtf8Error } from '../../src/extension/runbook/encoding';
import { encodeRunbook as encodeRunbookText } from '../../src/core/runbook';
import { markTaskItems, taskCheckboxPlugin } from '../../src/extension/runbook/renderer/taskCheckboxes';
import { isToggleStepMessage, isNotebookKindMessage, isNotebookKindQuery } from '../../src/extension/runbook/renderer/messages';
import { listSteps } from '../../src/core/runbook';

test('a BOM stays in the decoded text and is written back', () => {
  const bytes = Buffer.from('\uFEFF# Title\r\n- [ ] step\r\n', 'utf8');
  const text = decodeRunbookBytes(bytes);
  assert.equal(text, '\uFEFF# Title\r\n- [ ] step\r\n');
  assert.deepEqual(Buffer.from(encodeRunbookText(text)), bytes);
});

test('text without BOM round-trips byte for byte', () => {
  const bytes = Buffer.from('a\uFEFFb\r\nc\rd\n', 'utf8');
  assert.deepEqual(Buffer.from(encodeRunbookText(decodeRunbookBytes(bytes))), bytes);
});

test('bytes that are not UTF-8 are refused with the offset of the broken sequence, never replaced', () => {
  const offsetOf = (bytes: number[]) => {
    try {
      decodeRunbookBytes(Uint8Array.from(bytes));
      return -1;
    } catch (err) {
      assert.ok(err instanceof NotUtf8Error);
      return err.byteOffset;
    }
  };
  assert.equal(offsetOf([...Buffer.from('# Caf'), 0xe9, ...Buffer.from(' ok\n')]), 5); // Latin-1 é
  assert.equal(offsetOf([0x61, 0xc3, 0xa9, 0xff]), 3); // a valid é, then an invalid byte
  assert.equal(offsetOf([0x61, 0xe2, 0x82]), 1); // cut short by the end of the file
  assert.equal(offsetOf([0xc3, 0xa9, 0xe2, 0x82, 0x61]), 2);
  assert.equal(offsetOf([...Buffer.from('ok')]), -1);
});

/** What the renderer marks as steps in `markdown`: [line, checked] in document order. */
function renderedSteps(markdown: string): [number, boolean][] {
  const md = new MarkdownIt({ html: true });
  const tokens = md.parse(markdown, {});
  return markTaskItems(tokens, new md.core.State('', md, {}).Token, 'cell-1').map((s) => [s.line, s.checked]);
}

const CHECKLISTS = [
  '- [ ] one\n- [x] two\n- [X] three\n',
  '* [ ] star\n+ [x] plus\n\n1. [ ] ordered\n2) [x] paren\n',
  '- [ ] parent\n  - [x] child\n    - [ ] grandchild\n- [ ] sibling\n',
  '- [ ] loose\n\n- [x] list\n\n  with a second paragraph\n',
  '```\n- [ ] in code\n```\n\n<!--\n- [ ] in a comment\n-->\n\n| a |\n|---|\n| - [ ] in a table |\n',
  '- [ ]\n- [x]   \n- [ ]no space\n- [y] other\n- [  ] two spaces\n-  [ ] extra indent\n',
  '> - [ ] quoted\n> - [x] steps\n',
  '- text first\n  - [ ] nested step\n- [ ] step with `code` and **bold**\n',
  '    - [ ] indented code\n\n- [ ]\ttab after\n- [\t] tab box\n',
  '- [ ] multi\n  line step\n- [x] after\n',
  '- [ ] crlf\r\n- [x] line\r\n',
];

test('the renderer marks exactly the steps the core counts, on the same lines', () => {
  for (const markdown of CHECKLISTS) {
    const core = listSteps(markdown, { frontMatter: false }).map((s) => [s.line, s.checked]);
    assert.deepEqual(renderedSteps(markdown), core, JSON.stringify(markdown));
  }
});

test('rendered steps are enabled checkboxes carrying index, line and cell', () => {
  const md = new MarkdownIt({ html: true });
  const seen: [string, string][] = [];
  taskCheckboxPlugin(md, (id, text) => seen.push([id, text]));
  const text = '# Steps\n\n- [ ] first\n- [x] second <b>&amp;</b>\n';
  const html = md.render(text, { outputItem: { id: 'out"1', text: () => text } });
  assert.deepEqual(seen, [['out"1', text]]);
  assert.match(html, /<li class="rdslic-task-item"><input type="checkbox" class="rdslic-step" data-rdslic-step="0" data-rdslic-line="2" data-rdslic-output="out&quot;1"> first<\/li>/);
  assert.match(html, /data-rdslic-step="1" data-rdslic-line="3" data-rdslic-output="out&quot;1" checked> second/);
  assert.doesNotMatch(html, /\[x\]|\[ \]|disabled/);
});

test('renderer messages are checked before the extension acts on them', () => {
  assert.equal(isToggleStepMessage({ type: 'rdslic.toggleStep', cellText: 'x', stepIndex: 0, line: 2 }), true);
  assert.equal(isToggleStepMessage({ type: 'rdslic.toggleStep', cellText: null, stepIndex: 0, line: -1 }), true);
  assert.equal(isToggleStepMessage({ type: 'rdslic.toggleStep', cellText: 'x', stepIndex: 0.5, line: 2 }), false);
  assert.equal(isToggleStepMessage({ type: 'other', cellText: 'x', stepIndex: 0, line: 2 }), false);
  assert.equal(isToggleStepMessage(null), false);
  assert.equal(isToggleStepMessage('rdslic.toggleStep'), false);
});

test('outside a runbook notebook the boxes are plain disabled checkboxes, ticked as in the text', () => {
  const md = new MarkdownIt({ html: true });
  let runbook = false;
  taskCheckboxPlugin(md, undefined, () => runbook);
  const text = '- [ ] open\n- [x] done\n';
  const html = md.render(text, { outputItem: { id: 'jupyter-cell', text: () => text } });
  const boxes = html.match(/<input [^>]*>/g) ?? [];
  assert.equal(boxes.length, 2);
  assert.ok(boxes.every((b) => / disabled>$/.test(b)), html);
  assert.deepEqual(boxes.map((b) => / checked /.test(b)), [false, true]);
  assert.doesNotMatch(html, /\[x\]|\[ \]/);
  // The same renderer in a runbook notebook: enabled again at the next render.
  runbook = true;
  assert.doesNotMatch(md.render(text, { outputItem: { id: 'runbook-cell', text: () => text } }), /disabled/);
});

test('a box written across two lines renders as a checkbox followed by the step text only', () => {
  const md = new MarkdownIt({ html: true });
  taskCheckboxPlugin(md);
  const html = md.render('- [\n  ] split box\n- [\n] lazy\n');
  assert.match(html, /<li class="rdslic-task-item"><input [^>]*data-rdslic-line="0"> split box<\/li>/);
  assert.match(html, /<li class="rdslic-task-item"><input [^>]*data-rdslic-line="2"> lazy<\/li>/);
  assert.doesNotMatch(html, /\]/);
});

test('the notebook-kind handshake messages are recognised on both sides', () => {
  assert.equal(isNotebookKindQuery({ type: 'rdslic.whichNotebook' }), true);
  assert.equal(isNotebookKindQuery({ type: 'rdslic.toggleStep' }), false);
  assert.equal(isNotebookKindMessage({ type: 'rdslic.notebookKind', runbook: false }), true);
  assert.equal(isNotebookKindMessage({ type: 'rdslic.notebookKind', runbook: 'no' }), false);
  assert.equal(isNotebookKindMessage(undefined), false);
});
