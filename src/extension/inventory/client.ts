// The language client, started lazily: only once an inventory is open or exists in the
// workspace, or a command needs it. One client for every workspace folder (the server
// indexes all of them).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export class LazyLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly startListeners: Array<(ms: number) => void> = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly createdAt: number,
  ) {}

  get started(): boolean {
    return this.starting !== undefined;
  }

  /** Called once, with the milliseconds from activation to a running client. */
  onReady(listener: (ms: number) => void): void {
    this.startListeners.push(listener);
  }

  /** The running client; starts it on first use. */
  ensureStarted(): Promise<LanguageClient> {
    if (!this.starting) {
      this.starting = this.start().catch((e: unknown) => {
        this.starting = undefined;
        this.output.error(`the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      });
    }
    return this.starting;
  }

  /** The client if it runs, without starting it. */
  async ifStarted(): Promise<LanguageClient | undefined> {
    return this.starting ? this.starting.catch(() => undefined) : undefined;
  }

  private async start(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Every YAML document: the server tells inventories (`*.rdslic.yaml`, or a top-level
      // `kind: RdsLicensingInventory`) from other YAML and leaves the latter alone.
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'yaml' },
        { scheme: 'vscode-vfs', language: 'yaml' },
        // Runbooks: opened as text, and each cell of one opened as a notebook (a cell's URI
        // carries the runbook's path). The server checks the IDs and secrets written in them.
        { scheme: 'file', pattern: '**/*.runbook.md' },
        { scheme: 'vscode-notebook-cell', pattern: '**/*.runbook.md' },
      ],
      outputChannel: this.output,
      traceOutputChannel: this.output,
    };
    const client = new LanguageClient('rdslic', vscode.l10n.t('rdslic language server'), serverOptions, clientOptions);
    this.client = client;
    await client.start();
    const ms = performance.now() - this.createdAt;
    this.output.info(`language client ready, client_ready_ms=${ms.toFixed(1)}`);
    for (const listener of this.startListeners) listener(ms);
    return client;
  }

  async restart(): Promise<void> {
    const client = await this.ifStarted();
    if (client) await client.restart();
    else await this.ensureStarted();
  }

  /** Stops the server process (deactivation waits for it). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client?.isRunning()) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
  }
}
