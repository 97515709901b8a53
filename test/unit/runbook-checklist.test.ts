// Checklist steps are GFM task list items, counted exactly as GitHub counts them: every case
// below is checked against GFM's reference implementation (micromark + micromark-extension-gfm),
// and toggling a step must rewrite its box character and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countSteps, listSteps, toggleStep, parseRunbook, documentProgress, cellSteps } from '../../src/core';
import { gfmTaskCount } from '../support/gfm-oracle';

/** [markdown, expected done, expected total]: markers, nesting and places where a box is not a step. */
const CASES: Array<[string, number, number]> = [
  ['- [ ] a\n- [x] b\n- [X] c\n', 2, 3],
  ['* [ ] star\n\n+ [x] plus\n', 1, 2],
  ['1. [ ] one\n2) [x] two\n', 1, 2],
  ['1) [x] paren\n', 1, 1],
  ['- [ ] parent\n  - [x] child\n    - [ ] grandchild\n', 1, 3],
  ['- - [ ] same line nested\n', 0, 1],
  ['> - [x] in a quote\n', 1, 1],
  ['- [ ]\ttab after\n- [\t] tab inside\n', 0, 2],
  ['-\n  [ ] content on the next line\n', 0, 1],
  ['- [ ]\n  text on the next line\n', 0, 1],
  ['- [ ]  \n  hard break\n', 0, 1],
  ['- [ ]\n- [ ] \n- [x]a\n- [ ]\u00a0nbsp\n', 0, 0],
  ['- [ ] foo\n  ---\n', 0, 0],
  ['- > [ ] quote first\n', 0, 0],
  ['-     [ ] indented code\n', 0, 0],
  ['- [ ] first\n\n  [ ] second paragraph\n', 0, 1],
  ['- [ ] lazy\n[x] continuation\n', 0, 1],
  ['[ ] not a list\n', 0, 0],
  ['```\n- [ ] in a fence\n```\n', 0, 0],
  ['~~~~\n- [x] in a tilde fence\n~~~~\n', 0, 0],
  ['    - [ ] indented code\n', 0, 0],
  ['<!--\n- [ ] in a comment\n-->\n', 0, 0],
  ['<div>\n- [ ] in an HTML block\n</div>\n', 0, 0],
  ['| a | b |\n|---|---|\n| - [ ] x | [x] y |\n', 0, 0],
  ['- [ ] <!-- a comment after the box -->\n', 0, 1],
  ['- item\n\n  ```\n  - [ ] fence in a list\n  ```\n', 0, 0],
  ['- [ ] a\r\n- [x] b\r\n', 1, 2],
  ['- [ ] a\r- [x] b\r', 1, 2],
  ['\uFEFF- [x] after a BOM\n', 1, 1],
  ['- [ ] a\0b\n', 0, 1],
  ['  - [ ] indented list\n', 0, 1],
  ['- [\n  ] box on two lines\n', 0, 1],
  // Where plain markdown-it differs from GFM (the parser is configured to follow GFM):
  ['~~~ |\n---\n- [ ] a fence opener is not a table header\n~~~\n', 0, 0],
  ['a |\n---\n- [ ] after a setext heading, not a table\n', 0, 1],
  ['[ref]: /u\n<br/>\n- [ ] after a definition, <br/> is paragraph text\n', 0, 1],
];

/**
 * Where micromark (the oracle) departs from the CommonMark/GFM spec, the spec decides. Each case:
 * [markdown, done, total per the spec, micromark's total]. markdown-it (the core's parser) and
 * commonmark.js follow the spec on both.
 */
const SPEC_OVER_MICROMARK: Array<[string, number, number, number]> = [
  // A lazy line that is a complete tag of HTML block type 7 (`<br/>`; `</pre>` too: type 1 starts
  // only with an opening `<pre`, and `pre` is not a type 6 name). Spec §4.6: "Blocks of type 7
  // may not interrupt a paragraph", so the line is paragraph continuation text, and §5.2 rule 5
  // (laziness) keeps it in the item's paragraph: `[ ]` is followed by a line break and text, a
  // task item (GFM §5.3). micromark (and cmark-gfm, which tests the start condition against the
  // list instead of the open paragraph) starts an HTML block there, leaving a bare `[ ]`.
  ['- [ ]\n<br/>\n', 0, 1, 0],
  ['- [ ]\n</pre>\n', 0, 1, 0],
  ['> - [x]\n<span>\n', 1, 1, 0],
  // Spec §5.2: only an ordered list starting with 1 may interrupt a paragraph; here no paragraph
  // is open: a line indented less than 4 columns ends the indented code block (§4.4), so
  // `2) [x] f` starts an ordered list at 2 with a task item (cmark-gfm agrees, micromark does not).
  ['\t- [ ] x\n2) [x] f\n', 1, 1, 0],
  ['    code\n3. [ ] three\n', 0, 1, 0],
];

test('where micromark departs from the spec, steps are counted as the spec says', async () => {
  for (const [markdown, done, total, micromarkTotal] of SPEC_OVER_MICROMARK) {
    assert.deepEqual(countSteps(markdown), { done, total }, JSON.stringify(markdown));
    // Pinned so that a micromark that comes to follow the spec moves the case to CASES.
    assert.equal((await gfmTaskCount(markdown)).total, micromarkTotal, `oracle on ${JSON.stringify(markdown)}`);
  }
});

test('step counts agree with GFM (micromark-extension-gfm) on every marker and context', async () => {
  for (const [markdown, done, total] of CASES) {
    const oracle = await gfmTaskCount(markdown);
    assert.deepEqual(oracle, { done, total }, `oracle on ${JSON.stringify(markdown)}`);
    assert.deepEqual(countSteps(markdown), { done, total }, JSON.stringify(markdown));
  }
});

test('each step points at its box character, with line, column, text and depth', () => {
  const text = '# Title\n\n- [ ] parent step\n  - [x] child step\n> 1. [ ] quoted\n';
  const steps = listSteps(text);
  assert.deepEqual(
    steps.map((s) => ({ ...s, char: text[s.offset] })),
    [
      { line: 2, column: 3, offset: 12, checked: false, text: 'parent step', depth: 0, char: ' ' },
      { line: 3, column: 5, offset: 32, checked: true, text: 'child step', depth: 1, char: 'x' },
      { line: 4, column: 6, offset: 52, checked: false, text: 'quoted', depth: 0, char: ' ' },
    ],
  );
});

test('front matter is not counted in a file, and a file counts what its cells count', () => {
  const text = '---\ntags:\n- [ ] not a step\n---\n# A\n- [x] one\n\n```sh\n- [ ] code\n```\n# B\n- [ ] two\n';
  assert.deepEqual(countSteps(text), { done: 1, total: 2 });
  const doc = parseRunbook(text);
  assert.deepEqual(documentProgress(doc), { done: 1, total: 2 });
  assert.deepEqual(doc.cells.map((c) => cellSteps(c).length), [1, 0, 1]);
  // Whole text as Markdown (front matter option off): the YAML list item is then a step.
  assert.deepEqual(countSteps(text, { frontMatter: false }).total, 3);
});

test('toggling rewrites only the box character', () => {
  const text = '- [ ] a\r\n- [X] b\r\n  - [\t] c\r\n';
  const [a, b, c] = listSteps(text);
  const ticked = toggleStep(text, a);
  assert.equal(ticked, '- [x] a\r\n- [X] b\r\n  - [\t] c\r\n');
  assert.equal(toggleStep(text, b.offset), '- [x] a\r\n- [ ] b\r\n  - [\t] c\r\n'.replace('[x] a', '[ ] a'));
  assert.equal(toggleStep(text, b, true), text, 'ticking a ticked step changes nothing');
  assert.equal(toggleStep(text, c, true), '- [ ] a\r\n- [X] b\r\n  - [x] c\r\n');
  assert.equal(toggleStep(text, c, false), text);
  assert.deepEqual(countSteps(toggleStep(ticked, b)), { done: 1, total: 3 });
});

test('toggling a box written across a line break rewrites only what is between its brackets', async () => {
  // The box is the line break (GFM: "[", a whitespace character, "]"); the next line's
  // indentation or quote marker belongs to the containers. A ticked box cannot keep the line
  // break: "[x" then "]" on the next line is no task item (checked against the oracle), so
  // ticking replaces the line break and that prefix by "x"; everything outside the brackets stays.
  assert.deepEqual(await gfmTaskCount('- [x\n  ] no\n'), { done: 0, total: 0 });
  assert.deepEqual(countSteps('- [x\n  ] no\n'), { done: 0, total: 0 });
  for (const [text, ticked] of [
    ['intro\n\n- [\n  ] split box\n- [ ] next\n', 'intro\n\n- [x] split box\n- [ ] next\n'],
    ['- [\r\n  ] crlf\r\n', '- [x] crlf\r\n'],
    ['- [\n] lazy line\n', '- [x] lazy line\n'],
    ['> - [\n>   ] quoted\n', '> - [x] quoted\n'],
    ['1. [\n   ] ordered\n', '1. [x] ordered\n'],
  ]) {
    const [step] = listSteps(text);
    assert.ok(step && !step.checked, JSON.stringify(text));
    const out = toggleStep(text, step);
    assert.equal(out, ticked);
    const open = text.lastIndexOf('[', step.offset);
    const close = text.indexOf(']', step.offset);
    assert.equal(out.slice(0, open + 1), text.slice(0, open + 1), 'bytes before the box');
    assert.equal(out.slice(open + 2), text.slice(close), 'bytes after the box');
    assert.deepEqual(countSteps(out), { done: 1, total: countSteps(text).total });
    assert.deepEqual(await gfmTaskCount(out), { done: 1, total: (await gfmTaskCount(text)).total });
    // Unticking changes that one character back to a space.
    assert.equal(toggleStep(out, listSteps(out)[0]), ticked.replace('[x]', '[ ]'));
  }
});

test('toggling at an offset that is not a step is a RangeError, not a corrupted text', () => {
  assert.throws(() => toggleStep('- [ ] a\n', 0), RangeError);
  assert.throws(() => toggleStep('```\n- [ ] a\n```\n', 7), /no checklist step at offset 7/);
});
