import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { keepOriginalSpacing } from '../../src/core/import/keep-spacing';

const OPTIONS = { lineWidth: 0, flowCollectionPadding: false };

function roundTrip(original: string, edit?: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(original);
  edit?.(doc);
  return keepOriginalSpacing(original, doc.toString(OPTIONS));
}

test('spacing before trailing comments and inside flow collections comes back as written', () => {
  const original = 'a: 1     # one\nb: [ x, y ]  # two\nc: {k: v,  l: w}\nd: [x]\n';
  assert.equal(roundTrip(original), original);
});

test('a line whose value changed gets the printer spacing; the others keep theirs', () => {
  const original = 'a: 1     # one\nb: 2     # two\n';
  assert.equal(
    roundTrip(original, (doc) => doc.set('a', 5)),
    'a: 5 # one\nb: 2     # two\n',
  );
});

test('flow collections the printer writes have no padding: [a], not [ a ]', () => {
  const doc = parseDocument('hosts:\n  - name: A\n');
  doc.setIn(['hosts', 0, 'servers'], doc.createNode(['L1', 'L2'], { flow: true }));
  const printed = keepOriginalSpacing('hosts:\n  - name: A\n', doc.toString(OPTIONS));
  assert.match(printed, /servers: \[L1, L2\]/);
});

test('a quoted value that only looks like a comment is never swapped for another value', () => {
  // The original line and the printed line have the same key once spacing is taken out, but
  // their values differ: the parser check keeps the printed text.
  const original = 'a: "x   # y"\n';
  const printed = 'a: "x # y"\n';
  assert.equal(keepOriginalSpacing(original, printed), printed);
});
