// Lossless round-trip on real and hostile Markdown: the fixture corpus (one tricky case per file,
// stored byte for byte), the five seed articles, the shipped runbooks and the README. Bytes in,
// same bytes out; each cell edited alone changes only its own bytes; step counts agree with GFM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseRunbook, serializeRunbook, countSteps, documentProgress, type RunbookDocument } from '../../src/core';
import { gfmTaskCount } from '../support/gfm-oracle';
import { cellSpans, changedOnlyWithin } from '../support/runbook-layout';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'runbook');
// CI clones beside ../shared; a helper's worktree sits one level deeper (wt/<name>).
const SEEDS = ['../shared/seeds', '../../shared/seeds'].map((p) => path.resolve(ROOT, p)).find((p) => fs.existsSync(p)) ?? path.resolve(ROOT, '../shared/seeds');

function markdownFiles(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Decodes as a notebook serializer must: UTF-8 with the BOM kept as U+FEFF. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function assertByteExact(file: string): RunbookDocument {
  const bytes = fs.readFileSync(file);
  const doc = parseRunbook(decode(bytes));
  const out = Buffer.from(new TextEncoder().encode(serializeRunbook(doc)));
  assert.ok(out.equals(bytes), `${path.relative(ROOT, file)}: round-trip changed bytes`);
  // The document survives a trip through JSON, as notebook metadata does.
  assert.ok(Buffer.from(serializeRunbook(JSON.parse(JSON.stringify(doc))), 'utf8').equals(bytes));
  return doc;
}

function assertEditsStayInTheirCell(file: string): void {
  const text = decode(fs.readFileSync(file));
  const spans = cellSpans(parseRunbook(text));
  for (let i = 0; i < spans.length; i++) {
    const doc = parseRunbook(text);
    doc.cells[i].source += '\nedited line';
    const out = serializeRunbook(doc);
    const replaced = changedOnlyWithin(text, out, spans[i]);
    assert.notEqual(replaced, undefined, `${path.basename(file)}: editing cell ${i} changed bytes outside it`);
    assert.ok(replaced!.includes('edited line'));
  }
}

test('fixture corpus: every tricky case round-trips byte for byte', () => {
  const files = markdownFiles(FIXTURES, /\.md$/);
  assert.ok(files.length >= 25, `fixture corpus found (${files.length} files)`);
  for (const file of files) assertByteExact(file);
});

test('fixture corpus: editing any one cell changes only that cell', () => {
  for (const file of markdownFiles(FIXTURES, /\.md$/)) assertEditsStayInTheirCell(file);
});

test('fixture corpus: step counts match GFM, per file and as the sum of the cells', async () => {
  for (const file of markdownFiles(FIXTURES, /\.md$/)) {
    const text = decode(fs.readFileSync(file));
    const doc = parseRunbook(text);
    // GFM has no front matter: give the oracle the body only.
    const body = text.slice((doc.bom ? 1 : 0) + (doc.frontMatter?.raw.length ?? 0));
    const oracle = await gfmTaskCount(body);
    assert.deepEqual(countSteps(text), oracle, path.basename(file));
    assert.deepEqual(documentProgress(doc), oracle, `${path.basename(file)}: cells`);
  }
});

test('the fixtures become the cells a reader expects', () => {
  const cells = (name: string) => {
    const doc = parseRunbook(decode(fs.readFileSync(path.join(FIXTURES, name))));
    return doc.cells.map((c) => (c.kind === 'code' ? `code:${c.language}` : 'markdown'));
  };
  assert.deepEqual(cells('code-in-list.md'), ['markdown']);
  assert.deepEqual(cells('tilde-and-long-fences.md'), ['code:powershell', 'code:markdown', 'code:bat', 'code:powershell']);
  assert.deepEqual(cells('unclosed-fence.md'), ['markdown', 'code:shellscript']);
  assert.deepEqual(cells('setext-headings.md'), ['markdown', 'markdown', 'markdown']);
  assert.deepEqual(cells('empty.md'), []);
  assert.deepEqual(cells('whitespace-only.md'), []);
  assert.deepEqual(cells('html-blocks.md'), ['markdown']);
  assert.deepEqual(cells('link-references.md'), ['markdown', 'markdown', 'code:plaintext', 'markdown']);

  const long = parseRunbook(decode(fs.readFileSync(path.join(FIXTURES, 'tilde-and-long-fences.md'))));
  assert.equal(long.cells[1].source, '```\nnested fence\n```');
  assert.equal(long.cells[3].metadata.info, 'pwsh title="x"');
  const indented = parseRunbook(decode(fs.readFileSync(path.join(FIXTURES, 'indented-fence.md'))));
  assert.equal(indented.cells[1].source, 'Get-Date\nGet-Item x\n  more', 'the fence indentation is not part of the code');
});

test('front matter: data when valid, error with its position when not, bytes kept either way', () => {
  const invalid = parseRunbook(decode(fs.readFileSync(path.join(FIXTURES, 'invalid-front-matter.md'))));
  assert.equal(invalid.frontMatter?.raw, '---\ntitle: [unclosed\nlang: en\n---\n');
  assert.equal(invalid.frontMatter?.data, undefined);
  assert.match(invalid.frontMatter!.error!.message, /front matter is not valid YAML/);
  assert.deepEqual([invalid.frontMatter!.error!.line, invalid.frontMatter!.error!.column], [2, 0]);

  const dots = parseRunbook(decode(fs.readFileSync(path.join(FIXTURES, 'front-matter-crlf-dots.md'))));
  assert.deepEqual(dots.frontMatter?.data, { title: 'Dots close it', list: ['a', 'b'] });
  const unclosed = parseRunbook(decode(fs.readFileSync(path.join(FIXTURES, 'unclosed-front-matter.md'))));
  assert.equal(unclosed.frontMatter, undefined, 'without a closing line it is Markdown');

  const bomb = `---\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [*${i === 0 ? 'a' : `l${i}`}, *${i === 0 ? 'a' : `l${i}`}, *${i === 0 ? 'a' : `l${i}`}]`).join('\n')}\n---\n# Body\n`;
  const doc = parseRunbook(bomb);
  assert.ok(doc.frontMatter?.error, 'an alias bomb is reported, not expanded');
  assert.equal(serializeRunbook(doc), bomb);
  const duplicate = parseRunbook('---\na: 1\na: 2\n---\n');
  assert.match(duplicate.frontMatter!.error!.message, /unique|duplicate/i);
  assert.equal(duplicate.frontMatter!.error!.line, 2);
});

test('seed articles round-trip byte for byte', (t) => {
  if (!fs.existsSync(SEEDS)) {
    t.skip(`no seed articles at ${SEEDS} (CI has ../shared beside the clone)`);
    return;
  }
  const seeds = markdownFiles(SEEDS, /\.txt$/);
  assert.equal(seeds.length, 5);
  for (const file of seeds) {
    const doc = assertByteExact(file);
    assert.ok(doc.cells.length > 0);
    assertEditsStayInTheirCell(file);
  }
});

test('shipped runbooks and the README round-trip byte for byte', () => {
  const files = [...markdownFiles(path.join(ROOT, 'runbooks'), /\.md$/), path.join(ROOT, 'README.md')];
  for (const file of files) assertByteExact(file);
});
