// When the real server lints after edits (src/server/scheduler.ts): a burst of edits costs
// fewer lints than edits and ends with the last version; whatever the pace of the edits and
// the requests in between, every publication carries the findings of the version it names
// and no version is published after a newer one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEdits, fileUri, ROOT, TestClient } from './client';
import { makeWorkspace, WITH_PROBLEMS } from './fixtures';
import { lintInventory } from '../../src/core/inventory/lint';

const { generateInventory } = require(path.join(ROOT, 'bench', 'generate.js')) as { generateInventory: (lines: number) => string };

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

function publishedVersions(client: TestClient, uri: string, since: number): number[] {
  return client.notifications
    .slice(since)
    .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)
    .map((n) => n.params.version);
}

function position(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('a burst of edits in one write: diagnostics of the last version, fewer publications than edits', async () => {
  const ws = makeWorkspace(true);
  const client = new TestClient({ workspaceFolder: ws.dir });
  try {
    await client.initialize();
    const uri = ws.uri(ws.problems);
    client.open(uri, WITH_PROBLEMS);
    await client.diagnostics(uri, 1);
    const since = client.notifications.length;
    // Retype the unknown server's name 20 times: LICSRV10 ... LICSRV29.
    const name = { start: { line: 23, character: 45 }, end: { line: 23, character: 53 } };
    const edits = Array.from({ length: 20 }, (_, i) => [{ range: name, text: `LICSRV${10 + i}` }]);
    const last = client.changeBurst(uri, edits);
    const diagnostics = await client.diagnostics(uri, last);
    const unknown = diagnostics.find((d) => d.code === 'RDS302');
    assert.match(unknown.message, /"LICSRV29\.contoso\.local"/);
    // Nothing is left to publish once a request sent after the burst is answered.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const versions = publishedVersions(client, uri, since);
    assert.equal(versions[versions.length - 1], last);
    assert.ok(versions.length < edits.length, `one lint per edit: ${versions.join(', ')}`);
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('edits at any pace, with requests in between: each publication is the lint of its version, never an older one after a newer', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-lsp-sched-'));
  // Large, and with an anchor so that every edit is a full parse: the lint is slow enough on
  // most machines to take the debounced path, where a timer outlives the next edit.
  let text = generateInventory(3000).replace('organization: Fabrikam', 'organization: &org Fabrikam');
  const file = path.join(dir, 'estate.rdslic.yaml');
  fs.writeFileSync(file, text);
  const uri = fileUri(file);
  const client = new TestClient({ workspaceFolder: dir });
  try {
    await client.initialize();
    client.open(uri, text);
    await client.diagnostics(uri, 1);
    const texts = new Map<number, string>([[1, text]]);
    const since = client.notifications.length;
    const targets = [...text.matchAll(/evidence: "Invoice/g)].map((m) => m.index! + 'evidence: "'.length);
    let version = 1;
    for (let k = 0; k < 12; k++) {
      // One character inserted in an evidence string; every third edit breaks the quote (a
      // syntax error: other findings go, then come back).
      const at = targets[(k * 37) % targets.length];
      const insert = k % 3 === 2 ? '"' : 'x';
      const range = { start: position(text, at), end: position(text, at) };
      text = applyEdits(text, [{ range, newText: insert }]);
      version = client.change(uri, [{ range, text: insert }]);
      texts.set(version, text);
      // A hover lints the version it sees at once; the pending lint then has nothing new.
      if (k % 4 === 1) await client.request('textDocument/hover', { textDocument: { uri }, position: position(text, at) });
      // A pause: this version's own lint runs and is published before the next edit.
      if (k % 4 === 3) await client.diagnostics(uri, version);
    }
    await client.diagnostics(uri, version);
    // A last edit after everything settled: any late publication of an older version would
    // now be among the recorded ones, before this version's.
    const range = { start: position(text, targets[0]), end: position(text, targets[0]) };
    text = applyEdits(text, [{ range, newText: 'y' }]);
    const final = client.change(uri, [{ range, text: 'y' }]);
    texts.set(final, text);
    await client.diagnostics(uri, final);

    const published = client.notifications
      .slice(since)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri)
      .map((n) => n.params);
    const versions = published.map((p) => p.version);
    assert.deepEqual(versions, [...new Set(versions)].sort((a, b) => a - b), `published in order, each once: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], final);
    for (const p of published) {
      const expected = lintInventory(texts.get(p.version)!).findings.map((f) => `${f.ruleId} ${SEVERITY[f.severity]} ${f.range.start.line}:${f.range.start.character} ${f.message}`);
      const shown = p.diagnostics.map((d: any) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
      assert.deepEqual(shown, expected, `version ${p.version} shows its own findings`);
    }
  } finally {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
