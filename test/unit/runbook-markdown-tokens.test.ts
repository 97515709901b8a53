// The runbook's block parser builds markdown-it tokens its own, faster way (plain assignments
// instead of markdown-it 15's transpiled field helpers) and runs its table guard in another
// order. Neither may change a single token: runbook cells and checklist steps are cut from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createBlockParser } from '../../src/core/runbook/markdown';
import { markdownDocument } from '../support/markdown-arbitrary';

const ROOT = path.resolve(__dirname, '../../..');
const lean = createBlockParser();
const stock = createBlockParser({ lean: false });

/** Every own field of every token, and the methods markdown-it's rules call on tokens. */
function snapshot(text: string): unknown[] {
  return lean.parse(text, {}).map((t) => ({ ...t, attrGet: typeof t.attrGet }));
}
function stockSnapshot(text: string): unknown[] {
  return stock.parse(text, {}).map((t) => ({ ...t, attrGet: typeof t.attrGet }));
}

test('the lean tokens equal markdown-it\'s on every shipped runbook', () => {
  const dirs = ['runbooks/en', 'runbooks/fr'].map((d) => path.join(ROOT, d)).filter((d) => fs.existsSync(d));
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => path.join(d, f)));
  assert.ok(files.length > 0, 'no shipped runbook found');
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(snapshot(text), stockSnapshot(text), path.relative(ROOT, file));
  }
});

test('the lean tokens equal markdown-it\'s on generated hostile Markdown (tables, lists, fences, HTML)', () => {
  fc.assert(
    fc.property(markdownDocument, ({ text }) => {
      assert.deepEqual(snapshot(text), stockSnapshot(text));
    }),
    { numRuns: Number(process.env.RDSLIC_FUZZ_RUNS ?? 300) },
  );
});

test('a table still needs a header row of paragraph text', () => {
  const table = '| a | b |\n|---|---|\n| 1 | 2 |\n';
  assert.ok(lean.parse(table, {}).some((t) => t.type === 'table_open'));
  // A fence line over a delimiter row is a fence on GitHub, not a table header.
  assert.ok(!lean.parse('~~~ |\n---|---\n~~~\n', {}).some((t) => t.type === 'table_open'));
});
