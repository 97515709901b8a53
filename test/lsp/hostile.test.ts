// Hostile documents in the real server: a binary, huge, deeply nested or alias-bomb inventory
// and a 20 MB runbook each get one FILE/LIMIT diagnostic quickly, the server keeps answering,
// a document's diagnostics are capped, and no log message carries a full product key.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TestClient } from './client';
import { makeWorkspace, SERVERS, type Workspace } from './fixtures';

const KEY = '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F';
const HEADER = 'kind: RdsLicensingInventory\nversion: 1\norganization: Contoso\n';
const EIGHT_MIB = 8 * 1024 * 1024;

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const codes = (d: any[]) => d.map((x) => x.code);

describe('hostile documents (push client)', () => {
  let ws: Workspace;
  let client: TestClient;
  let serversUri: string;

  before(async () => {
    ws = makeWorkspace();
    client = new TestClient({ workspaceFolder: ws.dir });
    await client.initialize();
    serversUri = ws.uri(ws.servers);
    client.open(serversUri, SERVERS);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    assert.doesNotMatch(client.errorOutput, /\n\s+at /);
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });

  /** The server still answers a request on an ordinary inventory. */
  async function stillAnswers(): Promise<void> {
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: serversUri } });
    assert.ok(symbols.length > 0);
  }

  async function openAndDiagnose(name: string, text: string, languageId = 'yaml'): Promise<{ uri: string; diagnostics: any[]; ms: number }> {
    const uri = ws.uri(path.join(ws.dir, name));
    const started = performance.now();
    client.open(uri, text, languageId);
    const diagnostics = await client.diagnostics(uri, 1);
    return { uri, diagnostics, ms: performance.now() - started };
  }

  for (const [what, name, text, rule] of [
    ['binary', 'binary.rdslic.yaml', HEADER + 'notes: \u0000\u0001\u0002\u00ff\u0000', 'FILE001'],
    ['over 8 MiB', 'huge.rdslic.yaml', HEADER + 'notes: |\n' + '  padding padding padding padding padding padding\n'.repeat(Math.ceil(EIGHT_MIB / 50) + 10), 'LIMIT001'],
    ['20,000 levels deep', 'deep.rdslic.yaml', HEADER + 'notes: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n', 'LIMIT002'],
    ['an alias bomb', 'bomb.rdslic.yaml', HEADER + 'a: &a [x, x, x, x, x, x, x, x, x, x]\n' + 'bcdefgh'.split('').map((n, i) => `${n}: &${n} [${Array(10).fill('*' + 'abcdefgh'[i]).join(', ')}]`).join('\n') + '\n', 'LIMIT003'],
  ] as const) {
    test(`an inventory ${what}: one ${rule} diagnostic, and the server keeps answering`, async () => {
      const { uri, diagnostics, ms } = await openAndDiagnose(name, text);
      assert.deepEqual(codes(diagnostics), [rule]);
      assert.ok(ms < 10_000, `${Math.round(ms)} ms`);
      // Features on the document itself answer too (nothing to show, no error).
      assert.deepEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } }), null);
      await stillAnswers();
      client.closeDoc(uri);
    });
  }

  test('a 20 MB runbook: LIMIT001 as the CLI says, quickly, one diagnostic; closing it clears it and memory stays bounded', async () => {
    const line = `- [ ] Retail code ${KEY}\n`;
    const text = '# Hostile\n\n' + line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    const { uri, diagnostics, ms } = await openAndDiagnose('huge.runbook.md', text, 'markdown');
    assert.deepEqual(codes(diagnostics), ['LIMIT001']);
    assert.match(diagnostics[0].message, /over the limit of 8388608 bytes/);
    assert.ok(ms < 10_000, `${Math.round(ms)} ms`);
    const rss = rssMiB(client.proc.pid!);
    assert.ok(rss < 600, `${Math.round(rss)} MiB`);
    const since = client.notifications.length;
    client.closeDoc(uri);
    const cleared = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
    assert.deepEqual(cleared.diagnostics, []);
    await stillAnswers();
  });

  test('a runbook with 1,500 product keys: at most 1,000 diagnostics, the rest counted in one more', async () => {
    const text = '# Keys\n\n' + Array.from({ length: 1500 }, () => `- [ ] ${KEY}\n`).join('');
    const { uri, diagnostics } = await openAndDiagnose('keys.runbook.md', text, 'markdown');
    assert.equal(diagnostics.length, 1001);
    assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'RDS501'));
    const last = diagnostics[1000];
    assert.equal(last.severity, 3);
    assert.equal(last.range.start.line, 2 + 1000);
    assert.match(last.message, /^500 more problems from here on are not shown \(at most 1000 per file\): run rdslic lint/);
    client.closeDoc(uri);
  });

  test('no log message carries a full product key from the documents it read', async () => {
    const inventory = SERVERS.replace('organization: Contoso', `organization: Contoso\nnotes: "retail ${KEY}"`);
    const { uri } = await openAndDiagnose('secret.rdslic.yaml', inventory);
    const runbook = await openAndDiagnose('secret.runbook.md', `---\ntitle: Key ${KEY}\ninventory: secret.rdslic.yaml\n---\n- [ ] ${KEY}\n`, 'markdown');
    assert.ok(runbook.diagnostics.some((d) => d.code === 'RDS501'));
    for (const [u, line] of [[uri, 4], [runbook.uri, 4]] as const) {
      await client.request('textDocument/hover', { textDocument: { uri: u }, position: { line, character: 10 } });
      await client.request('textDocument/completion', { textDocument: { uri: u }, position: { line, character: 10 } });
      await client.request('textDocument/codeAction', { textDocument: { uri: u }, range: { start: { line, character: 0 }, end: { line, character: 40 } }, context: { diagnostics: [] } });
    }
    await client.request('workspace/symbol', { query: '' });
    const logged = client.logs.join('\n') + client.errorOutput;
    assert.ok(client.logs.length > 0, 'the server logged its indexing');
    assert.ok(!logged.includes(KEY) && !logged.includes(KEY.replace(/-/g, '')), logged);
  });
});
