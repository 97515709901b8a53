// Property-based fuzzing of the runbook serializer and checklist (issue 8): on generated hostile
// Markdown, the round-trip is byte-exact, editing one cell changes only that cell's bytes,
// toggling a step changes exactly one character, and the step count is GFM's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRunbook, serializeRunbook, listSteps, toggleStep, countSteps, documentProgress, cellSteps } from '../../src/core';
import { markdownDocument } from '../support/markdown-arbitrary';
import { gfmTaskCount } from '../support/gfm-oracle';
import { cellSpans, changedOnlyWithin } from '../support/runbook-layout';

const RUNS = Number(process.env.RDSLIC_FUZZ_RUNS ?? 300);

test('round-trip is byte-exact for any generated Markdown', () => {
  fc.assert(
    fc.property(markdownDocument, ({ text }) => {
      assert.equal(serializeRunbook(parseRunbook(text)), text);
    }),
    { numRuns: RUNS },
  );
});

test('editing one random cell changes only that cell\'s bytes', () => {
  fc.assert(
    fc.property(markdownDocument, fc.nat(), fc.constantFrom('append', 'replace', 'empty', 'fence'), ({ text }, pick, how) => {
      const doc = parseRunbook(text);
      fc.pre(doc.cells.length > 0);
      const i = pick % doc.cells.length;
      const span = cellSpans(doc)[i];
      const cell = doc.cells[i];
      cell.source =
        how === 'append' ? cell.source + '\n- [ ] added step' : how === 'replace' ? 'replaced\r\ntext' : how === 'empty' ? '' : '```\nfence inside\n```';
      const out = serializeRunbook(doc);
      assert.notEqual(changedOnlyWithin(text, out, span), undefined, `cell ${i} of ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }),
    { numRuns: RUNS },
  );
});

test('toggling a random step changes exactly one character', () => {
  fc.assert(
    fc.property(markdownDocument, fc.nat(), ({ text }, pick) => {
      const steps = listSteps(text);
      fc.pre(steps.length > 0);
      const step = steps[pick % steps.length];
      const out = toggleStep(text, step);
      assert.equal(out.length, text.length);
      let diffs = 0;
      for (let k = 0; k < text.length; k++) if (out[k] !== text[k]) diffs++;
      assert.equal(diffs, 1);
      const before = countSteps(text);
      const after = countSteps(out);
      assert.equal(after.total, before.total);
      assert.equal(after.done, before.done + (step.checked ? -1 : 1));
    }),
    { numRuns: RUNS },
  );
});

test('step counts equal GFM\'s (micromark-extension-gfm), per file and summed over cells', async () => {
  await fc.assert(
    fc.asyncProperty(markdownDocument, async ({ text, hasFrontMatter }) => {
      const doc = parseRunbook(text);
      if (hasFrontMatter) assert.ok(doc.frontMatter, 'generated front matter is recognised');
      // GFM has no front matter: the oracle gets the body only.
      const oracle = await gfmTaskCount(text.slice((doc.bom ? 1 : 0) + (doc.frontMatter?.raw.length ?? 0)));
      assert.deepEqual(countSteps(text), oracle, JSON.stringify(text));
      assert.deepEqual(documentProgress(doc), oracle, `cells of ${JSON.stringify(text)}`);
    }),
    { numRuns: RUNS },
  );
});

test('deleting, moving and adding cells keeps every remaining cell\'s bytes, in the new order', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), code: fc.boolean() }),
  );
  fc.assert(
    fc.property(markdownDocument, fc.array(op, { minLength: 1, maxLength: 4 }), ({ text }, ops) => {
      const doc = parseRunbook(text);
      for (const o of ops) {
        const n = doc.cells.length;
        if (o.kind === 'delete' && n > 0) doc.cells.splice(o.at % n, 1);
        if (o.kind === 'move' && n > 0) doc.cells.splice(o.to % n, 0, ...doc.cells.splice(o.at % n, 1));
        if (o.kind === 'add') {
          doc.cells.splice(o.at % (n + 1), 0, o.code
            ? { kind: 'code', language: 'powershell', source: 'Get-Date', metadata: {} }
            : { kind: 'markdown', source: '## Added\n\n- [ ] new step', metadata: {} });
        }
      }
      const out = serializeRunbook(doc);
      let from = 0;
      for (const cell of doc.cells) {
        const expected = cell.metadata.raw ?? (cell.kind === 'code' ? '```powershell' : '## Added');
        const at = out.indexOf(expected, from);
        assert.ok(at >= 0, `${JSON.stringify(expected)} missing or out of order in ${JSON.stringify(out)}`);
        from = at + expected.length;
      }
      assert.equal(serializeRunbook(parseRunbook(out)), out);
    }),
    { numRuns: RUNS },
  );
});

test('ticking a step inside a cell\'s source changes exactly one character of the file', () => {
  fc.assert(
    fc.property(markdownDocument, fc.nat(), ({ text }, pick) => {
      const doc = parseRunbook(text);
      const candidates = doc.cells.flatMap((cell) => cellSteps(cell).map((step) => ({ cell, step })));
      fc.pre(candidates.length > 0);
      const { cell, step } = candidates[pick % candidates.length];
      cell.source = toggleStep(cell.source, step, undefined, { frontMatter: false });
      const out = serializeRunbook(doc);
      assert.equal(out.length, text.length);
      let diffs = 0;
      for (let k = 0; k < text.length; k++) if (out[k] !== text[k]) diffs++;
      assert.equal(diffs, 1, `${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }),
    { numRuns: RUNS },
  );
});
