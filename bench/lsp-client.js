// A minimal LSP client over stdio for the benchmark: starts a server process, initializes it
// the way an editor without pull diagnostics does, and lets the caller wait for the
// diagnostics of a document version.
'use strict';
const { spawn } = require('node:child_process');
const rpc = require('vscode-jsonrpc/node');

class LspClient {
  constructor(command, args, { settings = {}, cwd } = {}) {
    this.proc = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.proc.stdout),
      new rpc.StreamMessageWriter(this.proc.stdin),
    );
    this.settings = settings;
    this.waiters = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => !(w.uri === p.uri && w.accept(p, now)));
    });
    // Answer what servers ask of an editor.
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((i) => lookup(this.settings, i.section)));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onNotification(() => {});
    this.conn.listen();
  }

  async initialize(rootUri) {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.conn.sendNotification('initialized', {});
    this.conn.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
    return result;
  }

  /** Resolves with {time, diagnostics} for the first publication accepted by `accept(params)`. */
  waitForDiagnostics(uri, accept = () => true) {
    return new Promise((resolve) => {
      this.waiters.push({ uri, accept: (p, time) => (accept(p) ? (resolve({ time, diagnostics: p.diagnostics }), true) : false) });
    });
  }

  open(uri, text, languageId = 'yaml') {
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri, version, contentChanges) {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  async close() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch {
      /* the process may already be gone */
    }
    setTimeout(() => this.proc.kill('SIGKILL'), 500).unref();
    this.conn.dispose();
  }
}

function lookup(settings, section) {
  if (!section) return settings;
  return section.split('.').reduce((o, k) => (o == null ? undefined : o[k]), settings) ?? null;
}

module.exports = { LspClient };
