// A long random edit stream against the real server, on an inventory and on a runbook opened as
// text: insertions, deletions, whole-file replacements, bursts of versions sent in one go, and
// hover/completion requests cancelled out of order. Seeded, so a failure replays. At the end the
// server is alive, its last diagnostics of each document equal a fresh lint of the final text,
// and running the same stream again does not grow its memory.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { fileUri, ROOT, SERVER, TestClient } from './client';
import { SERVERS } from './fixtures';
import { lintInventory } from '../../src/core/inventory/lint';
import { lintRunbook } from '../../src/core/runbook/lint';
import { readInventory } from '../../src/cli/lint/read-text';
import type { Finding } from '../../src/core/findings';

const SEED = 0x8e11;
const STEPS = 300;
const KEY = '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F';

/** The benchmark's seeded PRNG (mulberry32): the same sequence on every machine. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prng } = require(path.join(ROOT, 'bench', 'generate.js')) as { prng: (seed: number) => () => number };

/** Breakers: characters that often make the YAML invalid until another edit repairs it. */
const INVENTORY_BREAKERS = ['\n', ' ', '  ', ':', '- ', 'x', '"', "'", '[', ']', '{', '}', '\t', '&a ', '*a', '\u0000'];

/** Whole lines, typed at the start of a line: the inventory often stays valid YAML. */
const INVENTORY_LINES = [
  '# note\n',
  '  - name: LICSRV03.contoso.local\n    os: 2022\n    status: active\n',
  '  - name: RDSH05.contoso.local\n    licenseServers: [LICSRV09.contoso.local]\n',
  '      - type: perDevice\n        version: 2019\n        quantity: 5\n',
  '        quantity: 1e400\n', '        quantity: 99999999999999999999\n', '    os: 2019\n', '    status: lost\n', 'kind: Other\n',
  `notes: "${KEY}"\n`, '    serverId: 12345-67890-12345-67890-12345-67890-1234O\n', 'organization: Contoso\n',
  'sessionHosts:\n  - name: RDSH07.contoso.local\n    os: 2022\n    licensingMode: perUser\n    licenseServers: [LICSRV11.contoso.local]\n',
];

const INVENTORY_PIECES = [...INVENTORY_BREAKERS, ...INVENTORY_LINES, ...INVENTORY_LINES, ...INVENTORY_LINES];

const RUNBOOK_PIECES = [
  '\n', ' ', '- [ ] ', '- [x] ', '1. [ ] ', '```powershell\n', '```\n', '~~~\n', '---\n', '> ', '<div>\n', '</div>\n', '# Step\n', '|a|b|\n',
  'title: Recover\n', 'server: LICSRV09.contoso.local\n', 'server: LICSRV01.contoso.local\n', 'inventory: servers.rdslic.yaml\n',
  'lang: [', '&x [*x]', KEY, '{{server.name}}', '12345-67890-12345-67890-12345-67890-1234O', '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E',
];

const RUNBOOK = [
  '---',
  'title: Recover lost CALs',
  'inventory: servers.rdslic.yaml',
  'server: LICSRV01.contoso.local',
  '---',
  '',
  '# Recover',
  '',
  '- [ ] Note the License Server ID 12345-67890-12345-67890-12345-67890-12345',
  '- [x] Retail code XXXXX-XXXXX-XXXXX-XXXXX-1NB5F',
  '',
  '```powershell',
  'Get-CimInstance Win32_TSLicenseKeyPack',
  '```',
  '',
].join('\n');

function position(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;
const asDiagnostics = (findings: Finding[]) => findings.map((f) => ({ code: f.ruleId, severity: SEVERITY[f.severity], range: f.range, message: f.message }));
const shown = (diagnostics: any[]) => diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));

interface Doc {
  uri: string;
  file: string;
  initial: string;
  pieces: readonly string[];
  text: string;
  version: number;
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

describe('a random edit stream (seeded) on an inventory and a runbook', () => {
  let dir: string;
  let client: TestClient;
  let inventory: Doc;
  let runbook: Doc;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-stream-'));
    fs.writeFileSync(path.join(dir, 'servers.rdslic.yaml'), SERVERS);
    const doc = (name: string, initial: string, pieces: readonly string[]): Doc => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, initial);
      return { uri: fileUri(file), file, initial, pieces, text: initial, version: 1 };
    };
    inventory = doc('stream.rdslic.yaml', SERVERS.replace('LICSRV01', 'LICSRV11').replace('LICSRV02', 'LICSRV12'), INVENTORY_PIECES);
    runbook = doc('stream.runbook.md', RUNBOOK, RUNBOOK_PIECES);
    // A small old generation: memory the server keeps (a leak) fails fast, and the garbage
    // collector runs often enough that RSS measures what is kept, not what is not yet collected.
    client = new TestClient({ workspaceFolder: dir, args: ['--max-old-space-size=64', SERVER, '--stdio'] });
    await client.initialize();
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    assert.doesNotMatch(client.errorOutput, /\n\s+at /);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function send(doc: Doc, from: number, to: number, insert: string): void {
    const range = { start: position(doc.text, from), end: position(doc.text, to) };
    doc.text = doc.text.slice(0, from) + insert + doc.text.slice(to);
    doc.version = client.change(doc.uri, [{ range, text: insert }]);
  }

  /** One random edit of `doc`: mostly small insertions and deletions, sometimes the whole file. */
  function randomEdit(doc: Doc, random: () => number): void {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    let at = Math.floor(random() * (doc.text.length + 1));
    // Half the edits start a line, where a key or a list item is typed: the text stays YAML
    // or Markdown long enough for the incremental paths to be taken, not only the error paths.
    if (random() < 0.5) at = doc.text.lastIndexOf('\n', at - 1) + 1;
    const roll = random();
    if (roll < 0.5) {
      send(doc, at, at, pick(doc.pieces));
    } else if (roll < 0.6) {
      send(doc, at, Math.min(doc.text.length, at + 1 + Math.floor(random() * 40)), '');
    } else if (roll < 0.8) {
      // A whole line deleted (the line `at` is on, with its line break).
      const start = doc.text.lastIndexOf('\n', at - 1) + 1;
      const end = doc.text.indexOf('\n', at);
      send(doc, start, end < 0 ? doc.text.length : end + 1, '');
    } else if (roll < 0.88) {
      const to = Math.min(doc.text.length, at + Math.floor(random() * 20));
      send(doc, at, to, pick(doc.pieces) + pick(doc.pieces));
    } else {
      // Whole-file replacement (paste over everything, or revert).
      const replacement = random() < 0.5 ? doc.initial : pick(doc.pieces).repeat(1 + Math.floor(random() * 5)) + doc.initial.slice(0, Math.floor(random() * doc.initial.length));
      send(doc, 0, doc.text.length, replacement);
    }
  }

  /** Hover and completion requests, cancelled in a shuffled order; each settles (result or cancel). */
  function requestsCancelledOutOfOrder(doc: Doc, random: () => number): Promise<unknown>[] {
    const pending: { source: CancellationTokenSource; promise: Promise<unknown> }[] = [];
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const source = new CancellationTokenSource();
      const method = random() < 0.5 ? 'textDocument/hover' : 'textDocument/completion';
      const p = position(doc.text, Math.floor(random() * (doc.text.length + 1)));
      const promise = client.conn.sendRequest(method, { textDocument: { uri: doc.uri }, position: p }, source.token).catch((e: { code?: number }) => {
        // Cancelled (-32800) is the only error a request may end with.
        assert.equal(e.code, -32800, String(e));
      });
      pending.push({ source, promise });
    }
    const order = pending.map((_, i) => i).sort(() => random() - 0.5);
    for (const i of order.slice(0, Math.max(1, order.length - 1))) pending[i].source.cancel();
    return pending.map((p) => p.promise);
  }

  /** Index of the first notification of the current stream (versions restart at each open). */
  let since = 0;

  /** The diagnostics the server published for exactly `doc`'s current version, in this stream. */
  function published(doc: Doc): Promise<any[]> {
    return client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === doc.uri && p.version === doc.version, since).then((p) => p.diagnostics);
  }

  async function runStream(): Promise<void> {
    const random = prng(SEED);
    since = client.notifications.length;
    for (const doc of [inventory, runbook]) {
      doc.text = doc.initial;
      doc.version = 1;
      client.open(doc.uri, doc.initial, doc === runbook ? 'markdown' : 'yaml');
    }
    const settled: Promise<unknown>[] = [];
    for (let step = 0; step < STEPS; step++) {
      const doc = random() < 0.5 ? inventory : runbook;
      // Rapid version bumps: a burst of changes written back to back, no reply awaited.
      const burst = random() < 0.3 ? 2 + Math.floor(random() * 6) : 1;
      for (let i = 0; i < burst; i++) randomEdit(doc, random);
      if (random() < 0.4) settled.push(...requestsCancelledOutOfOrder(doc, random));
      // Now and then the server catches up (lints run between edits too), and what it shows
      // must already be what a fresh lint of that text gives.
      if (step % 25 === 24) assert.deepEqual(shown(await published(doc)), expected(doc), `${path.basename(doc.file)} at step ${step}:\n${doc.text}`);
    }
    await Promise.all(settled);
  }

  function expected(doc: Doc) {
    if (doc === inventory) return asDiagnostics(lintInventory(doc.text).findings);
    const readFile = (file: string) => {
      const read = readInventory(file);
      if ('finding' in read) throw new Error(read.finding.message);
      return read.text;
    };
    return asDiagnostics(lintRunbook(doc.text, { runbookPath: doc.file, readFile }));
  }

  test('after the stream: the server is alive and its last diagnostics equal a fresh lint of each final text', async () => {
    await runStream();
    for (const doc of [inventory, runbook]) {
      assert.deepEqual(shown(await published(doc)), expected(doc), `${path.basename(doc.file)} at version ${doc.version}:\n${doc.text}`);
    }
    assert.equal(client.proc.exitCode, null);
    const symbols: any[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: inventory.uri } });
    assert.ok(Array.isArray(symbols));
  });

  test('the same stream twice more (documents closed and reopened) does not grow the server\'s memory', async () => {
    for (const doc of [inventory, runbook]) client.closeDoc(doc.uri);
    await client.request('workspace/symbol', { query: '' });
    const before = rssMiB(client.proc.pid!);
    for (let round = 0; round < 2; round++) {
      await runStream();
      for (const doc of [inventory, runbook]) assert.deepEqual(shown(await published(doc)), expected(doc));
      for (const doc of [inventory, runbook]) client.closeDoc(doc.uri);
    }
    await client.request('workspace/symbol', { query: '' });
    const grown = rssMiB(client.proc.pid!) - before;
    // The server runs with a 64 MiB old generation (see before()): a leak of versions, parses
    // or diagnostics either ends the process (out of memory) or shows here; without one, RSS
    // stays within the garbage collector's own slack.
    assert.equal(client.proc.exitCode, null);
    assert.ok(grown < 32, `RSS grew by ${grown.toFixed(1)} MiB over two more identical streams`);
  });
});
