// The real server after a sequence of edits (the server re-parses only what each edit
// touched): its diagnostics and outline equal those of a fresh lint of the edited text. Edits
// typed one at a time and in bursts, inside items, across items, on top-level keys, through a
// syntax error and back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileUri, ROOT, TestClient } from './client';
import { lintInventory } from '../../src/core/inventory/lint';
import { parseInventory } from '../../src/core/inventory/parse';
import { inventoryNodes } from '../../src/core/language/inventory-nodes';
import { documentSymbols } from '../../src/core/language/symbols';
import { parsedYamlOf } from '../../src/core/language/yaml-text';

const { generateInventory } = require(path.join(ROOT, 'bench', 'generate.js')) as { generateInventory: (lines: number) => string };

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

/** What the editor shows for `text` when it is linted afresh. */
function expectedDiagnostics(text: string) {
  return lintInventory(text).findings.map((f) => ({ code: f.ruleId, severity: SEVERITY[f.severity], range: f.range, message: f.message }));
}

function shown(diagnostics: any[]) {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
}

function position(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** An LSP change replacing `[from, to)` of `text` with `insert`. */
function change(text: string, from: number, to: number, insert: string) {
  return { range: { start: position(text, from), end: position(text, to) }, text: insert };
}

describe('diagnostics after edits equal a fresh lint', () => {
  let dir: string;
  let client: TestClient;
  let uri: string;
  let text: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-lsp-incr-'));
    text = generateInventory(1500);
    const file = path.join(dir, 'estate.rdslic.yaml');
    fs.writeFileSync(file, text);
    uri = fileUri(file);
    client = new TestClient({ workspaceFolder: dir });
    await client.initialize();
    client.open(uri, text);
    assert.deepEqual(shown(await client.diagnostics(uri, 1)), expectedDiagnostics(text));
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Sends one change, waits for that version's diagnostics and compares them. */
  async function edit(from: number, to: number, insert: string): Promise<void> {
    const version = client.change(uri, [change(text, from, to, insert)]);
    text = text.slice(0, from) + insert + text.slice(to);
    assert.deepEqual(shown(await client.diagnostics(uri, version)), expectedDiagnostics(text), `after version ${version}`);
  }

  test('characters typed and deleted inside items, one at a time', async () => {
    let at = text.indexOf('evidence: "Invoice');
    for (const ch of ['x', 'y', '"', 'z']) await edit(at + 11, at + 11, ch); // the quote breaks the YAML, the next edits mend it
    await edit(at + 11, at + 15, '');
    at = text.indexOf('licensingMode: perUser');
    await edit(at + 15, at + 22, 'perDevice');
    at = text.indexOf('LICSRV0002.fabrikam.local]');
    await edit(at, at + 10, 'LICSRV0099');
  });

  test('whole items pasted and deleted, lines inserted, a top-level key changed', async () => {
    const host = /\n( {2}- name: RDSH[^\n]*\n(?: {4}[^\n]*\n)+)/.exec(text)!;
    const at = host.index + 1;
    await edit(at, at, host[1]); // the same host twice
    await edit(at, at + host[1].length, ''); // and back
    await edit(at, at + host[1].length, ''); // the host removed
    const org = text.indexOf('organization: ');
    await edit(org + 14, org + 14, 'New ');
    await edit(0, 0, '# estate of Fabrikam\n');
  });

  test('a burst of edits: the last version is published and equals a fresh lint', async () => {
    let last = 0;
    let at = text.indexOf('quantity: ');
    for (let i = 0; i < 6; i++) {
      last = client.change(uri, [change(text, at + 10, at + 10, '1')]);
      text = text.slice(0, at + 10) + '1' + text.slice(at + 10);
      at = text.indexOf('quantity: ', at + 40);
    }
    assert.deepEqual(shown(await client.diagnostics(uri, last)), expectedDiagnostics(text));
  });

  test('a YAML file that stops being an inventory (kind line removed) has its diagnostics cleared', async () => {
    const file = path.join(dir, 'plain.yaml');
    const body = 'kind: RdsLicensingInventory\nversion: 1\nbogus: 1\n';
    fs.writeFileSync(file, body);
    const plain = fileUri(file);
    client.open(plain, body);
    assert.deepEqual(shown(await client.diagnostics(plain, 1)), expectedDiagnostics(body));
    const version = client.change(plain, [change(body, 0, body.indexOf('\n') + 1, '')]);
    assert.deepEqual(await client.diagnostics(plain, version), []);
  });

  test('the outline follows the edits', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const fresh = documentSymbols(inventoryNodes(parsedYamlOf(parseInventory(text))));
    assert.deepEqual(JSON.parse(JSON.stringify(symbols)), JSON.parse(JSON.stringify(fresh)));
  });
});
