// The server's per-document analysis cache: an edit is linted from the previous version's
// parse, and only a lint that had to parse the whole text reports a cost to the debounce
// (an incremental lint runs at once: its cost follows the edit, not the file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../src/server/analysis';
import { lintInventory } from '../../src/core/inventory/lint';

const ROOT = path.resolve(__dirname, '../../..');
const TEXT = fs.readFileSync(path.join(ROOT, 'examples', 'contoso-paris.rdslic.yaml'), 'utf8');

test('edits are linted from the previous parse; only full parses drive the debounce', () => {
  const cache = new AnalysisCache();
  const doc = TextDocument.create('file:///inv.rdslic.yaml', 'yaml', 1, TEXT);
  const first = cache.get(doc, undefined, {});
  assert.equal(first.lintMs, undefined, 'the first lint says nothing about the cost of an edit');

  const at = doc.positionAt(TEXT.indexOf('RDSH'));
  TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'X' }], 2);
  const edited = cache.get(doc, undefined, {});
  assert.equal(edited.outcome.mode, 'items');
  assert.equal(edited.lintMs, undefined);
  assert.deepEqual(edited.findings, lintInventory(doc.getText()).findings);

  TextDocument.update(doc, [{ range: { start: at, end: at }, text: '"' }], 3); // an unclosed quote
  const broken = cache.get(doc, undefined, {});
  assert.equal(broken.outcome.mode, 'full');
  assert.equal(typeof broken.lintMs, 'number');
  assert.deepEqual(broken.findings, lintInventory(doc.getText()).findings);
  assert.ok(broken.nodes.servers.length > 0, 'the features still get the nodes they point at');
});
