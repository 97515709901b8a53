// The language client, started lazily: only once an inventory is open or exists in the
// workspace, or a command needs it. One client for every workspace folder (the server
// indexes all of them).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { onDidChangeYamlSyntaxReported, yamlSyntaxReportedElsewhere } from './yaml-extension';

type ClientModule = typeof import('./language-client-module');
let clientModule: ClientModule | undefined;

/** vscode-languageclient, loaded on first use from its own bundle (see language-client-module.ts). */
function loadClientModule(): ClientModule {
  // A computed path, so that esbuild leaves the require to run time instead of inlining it.
  return (clientModule ??= require(path.join(__dirname, 'language-client.js')) as ClientModule);
}

/** The server's `rdslic` settings: the user's, plus what the extension knows of other extensions. */
function serverSettings(section: unknown): Record<string, unknown> {
  const user = section && typeof section === 'object' ? (section as Record<string, unknown>) : {};
  return { ...user, reportYamlSyntax: !yamlSyntaxReportedElsewhere() };
}

export class LazyLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly startListeners: Array<(ms: number) => void> = [];
  private yamlWatch: vscode.Disposable | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly createdAt: number,
  ) {}

  /**
   * The Red Hat YAML extension installed, enabled or turned off while the server runs: the
   * server pulls its settings again (see serverSettings) and shows or hides the YAML syntax
   * problems. Watched from the start of the server on (the start sends the current answer), not
   * from activation.
   */
  private watchYamlExtension(): void {
    this.yamlWatch ??= onDidChangeYamlSyntaxReported((reported) => {
      this.output.info(`Red Hat YAML reports YAML syntax: ${reported}`);
      const client = this.client;
      if (client?.isRunning()) {
        void client.sendNotification(loadClientModule().DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
      }
    });
  }

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
    const { LanguageClient, TransportKind } = loadClientModule();
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
      // The settings the first diagnostics need, before the server can ask for them.
      initializationOptions: () => ({ settings: serverSettings(vscode.workspace.getConfiguration().get('rdslic')) }),
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value, i) => (params.items[i]?.section === 'rdslic' ? serverSettings(value) : value));
          },
        },
      },
    };
    const client = new LanguageClient('rdslic', vscode.l10n.t('rdslic language server'), serverOptions, clientOptions);
    this.client = client;
    this.watchYamlExtension();
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
    this.yamlWatch?.dispose();
    this.yamlWatch = undefined;
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client?.isRunning()) await client.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
  }
}
