// Every feature at every line of the shipped examples (one clean, one with a mistake per
// rule): answers come back and the server logs no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, fileUri, ROOT, TestClient } from './client';

test('hover, completion, symbols and quick fixes on the examples: no handler fails', async () => {
  const dir = path.join(ROOT, 'examples');
  const client = new TestClient({ workspaceFolder: dir });
  try {
    await client.initialize();
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.rdslic.yaml'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const uri = fileUri(path.join(dir, name));
      client.open(uri, text);
      const diagnostics = await client.diagnostics(uri, 1);
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        const middle = { line, character: Math.floor(lines[line].length / 2) };
        const end = { line, character: lines[line].length };
        await client.request('textDocument/hover', { textDocument: { uri }, position: middle });
        await client.request('textDocument/completion', { textDocument: { uri }, position: end });
        await client.request('textDocument/definition', { textDocument: { uri }, position: middle });
      }
      const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0, name);
      for (const d of diagnostics) {
        const actions: any[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        assert.ok(actions.length > 0, `at least the suppression comment for ${d.code}`);
        // Every edit applies to the text it was computed for.
        for (const a of actions) for (const edits of Object.values<any[]>(a.edit.changes)) assert.equal(typeof applyEdits(text, edits), 'string');
      }
      if (name.startsWith('mistakes')) assert.ok(diagnostics.length > 10, `${name}: ${diagnostics.length} findings`);
    }
    const errors = client.notifications.filter((n) => n.method === 'window/logMessage' && n.params.type === 1);
    assert.deepEqual(errors.map((e) => e.params.message), []);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});
