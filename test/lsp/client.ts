// A small LSP client for the tests: starts the real server process, speaks JSON-RPC over its
// stdio, answers what a server asks an editor, and lets a test wait for a notification that
// matches a predicate (no sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLI = path.join(ROOT, 'bin', 'rdslic.js');
/** How long a test waits for a notification before failing (generous: CI has 2 cores). */
const WAIT_TIMEOUT_MS = 30_000;

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

interface Waiter {
  method: string;
  accept: (params: any) => boolean;
  resolve: (params: any) => void;
}

export interface StartOptions {
  /** Command line of the server (default: node dist/server.js --stdio). */
  args?: string[];
  /** Announce pull-diagnostics support (textDocument.diagnostic). */
  pull?: boolean;
  workspaceFolder?: string;
  settings?: Record<string, unknown>;
  /** The editor's display language (initialize `locale`). */
  locale?: string;
  /** Announce snippet support in completion items (default true). */
  snippets?: boolean;
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: rpc.MessageConnection;
  /** Every notification received, in order. */
  readonly notifications: { method: string; params: any }[] = [];
  readonly logs: string[] = [];
  private waiters: Waiter[] = [];
  private stderr = '';
  private versions = new Map<string, number>();

  constructor(private readonly options: StartOptions = {}) {
    const args = options.args ?? [SERVER, '--stdio'];
    this.proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = rpc.createMessageConnection(new rpc.StreamMessageReader(this.proc.stdout!), new rpc.StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification((method, params) => this.record(method, params));
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section ? (this.options.settings ?? {})[i.section] ?? null : this.options.settings ?? null)),
    );
    this.conn.onRequest('client/registerCapability', () => null);
    // Recorded like a notification, so that tests can wait for it.
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.record('workspace/diagnostic/refresh', null);
      return null;
    });
    this.conn.listen();
  }

  private record(method: string, params: any): void {
    this.notifications.push({ method, params });
    if (method === 'window/logMessage') this.logs.push((params as { message: string }).message);
    this.waiters = this.waiters.filter((w) => {
      if (w.method !== method || !w.accept(params)) return true;
      w.resolve(params);
      return false;
    });
  }

  async initialize(): Promise<any> {
    const folder = this.options.workspaceFolder;
    const textDocument: Record<string, unknown> = {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { versionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: this.options.snippets ?? true } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      rename: { prepareSupport: true },
    };
    if (this.options.pull) textDocument.diagnostic = { dynamicRegistration: false };
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      locale: this.options.locale,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: 'test' }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: this.options.pull ? { refreshSupport: true } : undefined,
        },
        textDocument,
      },
    });
    this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the params of the first `method` notification (past or future) accepted. */
  waitFor(method: string, accept: (params: any) => boolean = () => true, sinceIndex = 0): Promise<any> {
    const past = this.notifications.slice(sinceIndex).find((n) => n.method === method && accept(n.params));
    if (past) return Promise.resolve(past.params);
    // A notification that never comes fails the test (with what was awaited) instead of hanging
    // the run: node --test has no timeout of its own.
    return new Promise((resolve, reject) => {
      const waiter = { method, accept, resolve: (params: any) => (clearTimeout(timer), resolve(params)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no ${method} notification matching the test within ${WAIT_TIMEOUT_MS / 1000}s`));
      }, WAIT_TIMEOUT_MS);
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics published for `uri` at `version` (or later). */
  diagnostics(uri: string, version: number): Promise<any[]> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version ?? version) >= version).then((p) => p.diagnostics);
  }

  open(uri: string, text: string, languageId = 'yaml'): void {
    this.versions.set(uri, 1);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Applies incremental changes; returns the new version. */
  change(uri: string, changes: { range: any; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /**
   * Sends every change set as its own didChange notification (versions going up), all in ONE
   * write to the server's stdin, as a client flushing a burst of keystrokes does. Call it
   * after a round trip (a response or a notification received), so that nothing sent earlier
   * is still being written. Returns the last version.
   */
  changeBurst(uri: string, changeSets: { range: any; text: string }[][]): number {
    let version = this.versions.get(uri) ?? 1;
    let bytes = '';
    for (const contentChanges of changeSets) {
      version++;
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } });
      bytes += `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    }
    this.versions.set(uri, version);
    this.proc.stdin!.write(bytes);
    return version;
  }

  closeDoc(uri: string): void {
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest('shutdown');
      this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    this.conn.dispose();
    return code;
  }

  get errorOutput(): string {
    return this.stderr;
  }
}

/** Applies LSP TextEdits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: any; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
