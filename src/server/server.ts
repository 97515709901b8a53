// Language server wiring: LSP requests and notifications in, core language service calls
// out. Nothing here knows the rules or the schema; every handler is wrapped so that an
// exception is logged and answered with an empty result instead of ending the process.
import { todayUtc } from '../core/domain/dates';
import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configureLanguage, languageFromEnvironment } from '../cli/l10n';
import { parseConfig } from '../core/config';
import type { Finding } from '../core/findings';
import { isYamlParserFinding } from '../core/inventory/parse';
import { VERSION } from '../core/version';
import { isConfigName, isInventory } from '../core/language/applies';
import { codeActions } from '../core/language/code-actions';
import { definedElsewhereInformation, refersToUnknownServer, unknownServerName } from '../core/language/defined-elsewhere';
import { completionContext } from '../core/language/completion-context';
import { completionItems } from '../core/language/completion';
import { parseConfigYaml } from '../core/language/config-file';
import { capDiagnostics, findingToDiagnostic } from './diagnostics';
import { hover } from '../core/language/hover';
import {
  definitionLocations,
  referenceLocations,
  renameEdits,
  renameProblem,
  serverNameAt,
} from '../core/language/navigation';
import { fileEntries, ServerNameIndex } from '../core/language/server-index';
import { inventorySummary, type InventorySummary } from '../core/language/summary';
import { documentSymbols, workspaceSymbols } from '../core/language/symbols';
import { AnalysisCache, type Analysis } from './analysis';
import { RuleConfig, sanitizeSettings } from './config';
import { configKeySuggestions, configSchema, explainConfig, explainDomain, inventorySchema } from './knowledge';
import { LintScheduler } from './scheduler';
import { RunbookDiagnostics } from './runbooks';
import { findYamlFiles, indexFileFromDisk, pathToUri, uriToPath } from './workspace';

/**
 * `rdslic/summary` request, for the extension's status bar.
 * Params: `{ uri: string }` (an open document). Result: `InventorySummary | null` (null when
 * the document is not open or not an inventory):
 * `{ cals, servers, hosts, byVersionAndType: [{ version, type, quantity }], errors, warnings }`.
 */
export const SUMMARY_REQUEST = 'rdslic/summary';
export interface SummaryParams {
  uri: string;
}
export type SummaryResult = InventorySummary | null;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const index = new ServerNameIndex();
  const config = new RuleConfig();
  const runbooks = new RunbookDiagnostics(documents, config);
  const applies = new Map<string, { version: number; inventory: boolean }>();
  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let watchRegistration = false;
  let workspaceFoldersSupport = false;
  let snippetSupport = false;
  let folders: string[] = [];
  let indexing: Promise<void> = Promise.resolve();

  const log = (message: string) => connection.console.log(message);
  const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  // Last line of defence: a failure outside a handler (a timer, a promise nobody awaited) is
  // logged; the server keeps serving the documents it has.
  process.on('unhandledRejection', (e) => connection.console.error(`rdslic: unhandled rejection: ${describe(e)}`));
  process.on('uncaughtException', (e) => connection.console.error(`rdslic: uncaught exception: ${describe(e)}`));

  /** Runs a handler; an exception is logged and `fallback` returned (ResponseErrors pass on). */
  function safe<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>) {
    return async (...args: P): Promise<R> => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`rdslic: ${name} failed: ${describe(e)}`);
        return fallback;
      }
    };
  }

  function publish(params: { uri: string; version?: number; diagnostics: Diagnostic[] }): void {
    connection.sendDiagnostics(params).catch((e: unknown) => connection.console.error(`rdslic: publishing diagnostics failed: ${describe(e)}`));
  }

  function isInventoryDoc(doc: TextDocument): boolean {
    const known = applies.get(doc.uri);
    if (known && known.version === doc.version) return known.inventory;
    const inventory = isInventory(doc.uri, doc.getText(), doc.languageId);
    applies.set(doc.uri, { version: doc.version, inventory });
    return inventory;
  }

  function inventoryDoc(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    return doc && isInventoryDoc(doc) ? doc : undefined;
  }

  /** Keeps the index entry of an open document in step with the version just analysed. */
  function indexOpen(doc: TextDocument, analysis: Analysis): void {
    const stamp = `open:${analysis.version}`;
    if (index.stampOf(doc.uri) !== stamp) index.update(doc.uri, stamp, fileEntries(doc.uri, analysis.nodes));
  }

  /**
   * Parse and findings of the document's current version. Every feature goes through here, so
   * a version is parsed once: a hover or an outline request before the debounced lint does
   * the lint's work, and the lint then only publishes.
   */
  function analysed(doc: TextDocument): Analysis {
    const analysis = linted(doc);
    indexOpen(doc, analysis);
    return analysis;
  }

  /** The lint of the current version only: what publishing diagnostics needs (no index update). */
  function linted(doc: TextDocument): Analysis {
    const file = uriToPath(doc.uri);
    const settings = config.forFile(file);
    const analysis = cache.get(doc, file, settings.rules);
    return settings.ignored ? { ...analysis, findings: [] } : analysis;
  }

  /** Disk indexing runs one job at a time, in order; cross-file queries wait for the queue. */
  function indexWork(job: () => Promise<void>): Promise<void> {
    indexing = indexing.then(job).catch((e) => connection.console.error(`rdslic: indexing failed: ${e instanceof Error ? e.message : String(e)}`));
    return indexing;
  }

  /** Before a cross-file query: open inventories at their current version, disk scan done. */
  async function freshIndex(): Promise<void> {
    await indexing;
    indexOpenInventories();
  }

  /** Open inventories (but `except`) in the index at their current version (analyses are cached per version). */
  function indexOpenInventories(except?: string): void {
    for (const doc of documents.all()) if (doc.uri !== except && isInventoryDoc(doc)) analysed(doc);
  }

  // ---- diagnostics -----------------------------------------------------------------------

  /** `.rdslic.yaml` open in the editor: its own problems are shown, as the CLI reports them. */
  function isConfigDoc(doc: TextDocument): boolean {
    return isConfigName(doc.uri) && !isInventoryDoc(doc);
  }

  function configDoc(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    return doc && isConfigDoc(doc) ? doc : undefined;
  }

  function hasDiagnostics(doc: TextDocument): boolean {
    return isInventoryDoc(doc) || isConfigDoc(doc) || runbooks.applies(doc);
  }

  /**
   * The findings the editor shows: the lint's, less the YAML parser's own problems when
   * another YAML language server reports them already (settings: reportYamlSyntax).
   */
  function shownFindings(analysis: Analysis): Finding[] {
    if (config.reportsYamlSyntax) return analysis.findings;
    return analysis.findings.filter((f) => !isYamlParserFinding(f, analysis.parsed.doc));
  }

  /** Per open inventory: the related information last shown (a key), to publish only on change. */
  const relatedShown = new Map<string, string>();

  /**
   * For each finding, where the unknown server it names is defined in another inventory file
   * (the finding stays, as in CI). Only when there is such a finding are the other open
   * inventories' index entries brought up to date.
   */
  function relatedInformation(doc: TextDocument, findings: readonly Finding[]) {
    if (!findings.some(refersToUnknownServer)) return [];
    indexOpenInventories(doc.uri);
    return findings.map((f) => definedElsewhereInformation(index, doc.uri, f));
  }

  function inventoryDiagnostics(doc: TextDocument): Diagnostic[] {
    const findings = shownFindings(linted(doc));
    const diagnostics = findings.map(findingToDiagnostic);
    const related = relatedInformation(doc, findings);
    related.forEach((r, i) => {
      if (r) diagnostics[i].relatedInformation = r;
    });
    relatedShown.set(doc.uri, JSON.stringify(related));
    return diagnostics;
  }

  /** Inventories whose unknown servers are now defined elsewhere, or no longer: the index changed. */
  function revalidateServerReferences(): void {
    const affected = documents.all().filter((d) => {
      const analysis = isInventoryDoc(d) ? cache.peek(d.uri) : undefined;
      if (!analysis || !relatedShown.has(d.uri)) return false;
      return JSON.stringify(relatedInformation(d, shownFindings(analysis))) !== relatedShown.get(d.uri);
    });
    if (affected.length === 0) return;
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of affected) scheduler.schedule(doc.uri, undefined);
  }

  function diagnosticsOf(doc: TextDocument): Diagnostic[] {
    return capDiagnostics(allDiagnosticsOf(doc));
  }

  function allDiagnosticsOf(doc: TextDocument): Diagnostic[] {
    if (runbooks.applies(doc)) return runbooks.diagnostics(doc);
    if (isInventoryDoc(doc)) return inventoryDiagnostics(doc);
    return parseConfig(doc.getText(), uriToPath(doc.uri)).findings.map(findingToDiagnostic);
  }

  const pushNow = safe('diagnostics', undefined, (uri: string) => {
    const doc = documents.get(uri);
    if (!doc || !hasDiagnostics(doc)) return;
    const version = doc.version;
    const diagnostics = diagnosticsOf(doc);
    // Linting is synchronous today; if it ever awaits, an edit in between makes this stale.
    if (documents.get(uri)?.version !== version) return;
    publish({ uri, version, diagnostics });
  });
  const scheduler = new LintScheduler((uri) => void pushNow(uri));

  /** Open runbooks again (an inventory they may link to changed). */
  function revalidateRunbooks(): void {
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of documents.all()) if (runbooks.applies(doc)) scheduler.schedule(doc.uri, undefined);
  }

  function revalidateAll(): void {
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const doc of documents.all()) if (hasDiagnostics(doc)) scheduler.schedule(doc.uri, undefined);
  }

  connection.languages.diagnostics.on(
    safe('textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !hasDiagnostics(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(doc) };
    }),
  );

  documents.onDidOpen(
    safe('didOpen', undefined, (e) => {
      applies.delete(e.document.uri);
      if (!hasDiagnostics(e.document)) return;
      if (!pullDiagnostics) scheduler.schedule(e.document.uri, undefined);
    }),
  );

  documents.onDidChangeContent(
    safe('didChange', undefined, (e) => {
      const doc = e.document;
      if (isConfigDoc(doc) || runbooks.applies(doc)) {
        if (!pullDiagnostics) scheduler.schedule(doc.uri, undefined);
        return;
      }
      if (!isInventoryDoc(doc)) {
        // It was an inventory until this edit removed the kind line: clear what we showed.
        if (cache.peek(doc.uri) || index.stampOf(doc.uri)?.startsWith('open:')) {
          cache.delete(doc.uri);
          relatedShown.delete(doc.uri);
          index.remove(doc.uri);
          if (!pullDiagnostics) publish({ uri: doc.uri, diagnostics: [] });
        }
        return;
      }
      if (!pullDiagnostics) scheduler.schedule(doc.uri, cache.peek(doc.uri)?.lintMs);
    }),
  );

  // Clients that do not watch files still tell us when a config file is saved from the editor.
  documents.onDidSave(
    safe('didSave', undefined, (e) => {
      // Runbooks check the server their front matter names against a linked inventory; other
      // inventories may name a server this one defines.
      if (isInventoryDoc(e.document)) {
        revalidateRunbooks();
        revalidateServerReferences();
      }
      if (!isConfigName(e.document.uri)) return;
      config.invalidate();
      revalidateAll();
    }),
  );

  documents.onDidClose(
    safe('didClose', undefined, async (e) => {
      const uri = e.document.uri;
      scheduler.cancel(uri);
      cache.delete(uri);
      relatedShown.delete(uri);
      applies.delete(uri);
      if (!pullDiagnostics) publish({ uri, diagnostics: [] });
      // What is on disk is the truth again (unsaved edits were discarded).
      const file = uriToPath(uri);
      await indexWork(async () => {
        if (documents.get(uri)) return; // opened again meanwhile
        index.remove(uri);
        if (file) await indexFileFromDisk(index, file);
      });
    }),
  );

  // ---- configuration and files -----------------------------------------------------------

  async function pullSettings(): Promise<void> {
    if (!configurationSupport) return;
    const raw: unknown = await connection.workspace.getConfiguration('rdslic');
    config.setEditorSettings(sanitizeSettings(raw));
  }

  connection.onDidChangeConfiguration(
    safe('didChangeConfiguration', undefined, async (params) => {
      const pushed = (params.settings as { rdslic?: unknown } | undefined)?.rdslic;
      if (configurationSupport) await pullSettings();
      else if (pushed !== undefined) config.setEditorSettings(sanitizeSettings(pushed));
      revalidateAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    safe('didChangeWatchedFiles', undefined, async (params) => {
      let configChanged = false;
      const files: { file: string; deleted: boolean }[] = [];
      for (const change of params.changes) {
        const file = uriToPath(change.uri);
        if (!file) continue;
        if (isConfigName(file)) configChanged = true;
        else files.push({ file, deleted: change.type === FileChangeType.Deleted });
      }
      await indexWork(async () => {
        for (const { file, deleted } of files) {
          if (documents.get(pathToUri(file))) continue; // the editor's version wins while open
          if (deleted) index.remove(pathToUri(file));
          else await indexFileFromDisk(index, file);
        }
      });
      if (configChanged) {
        config.invalidate();
        revalidateAll();
      } else if (files.length > 0) {
        revalidateRunbooks();
        revalidateServerReferences();
      }
    }),
  );

  async function scanFolders(roots: string[]): Promise<void> {
    const started = performance.now();
    let count = 0;
    for (const root of roots) {
      for (const file of await findYamlFiles(root)) {
        if (documents.get(pathToUri(file))) continue;
        if (await indexFileFromDisk(index, file)) count++;
      }
    }
    log(l10n.t('rdslic: indexed {0} inventory files in {1} ms', count, Math.round(performance.now() - started)));
  }

  // ---- language features -----------------------------------------------------------------

  connection.onHover(
    safe('hover', null, (params) => {
      const config = configDoc(params.textDocument.uri);
      if (config) {
        const parsed = parseConfigYaml(config.getText());
        return parsed ? hover({ parsed, schema: configSchema(), explain: explainConfig }, params.position) : null;
      }
      const doc = inventoryDoc(params.textDocument.uri);
      if (!doc) return null;
      const a = analysed(doc);
      return hover({ parsed: a.parsed, nodes: a.nodes, schema: inventorySchema(), index, explain: explainDomain }, params.position);
    }),
  );

  connection.onCompletion(
    safe('completion', [], (params) => {
      const config = configDoc(params.textDocument.uri);
      if (config) {
        const ctx = completionContext(config.getText(), params.position);
        if (!ctx) return [];
        return completionItems(ctx, { schema: configSchema(), extraKeys: configKeySuggestions, servers: [], today: todayUtc(), snippets: snippetSupport });
      }
      const doc = inventoryDoc(params.textDocument.uri);
      if (!doc) return [];
      analysed(doc); // this document's servers in the index, as of this version
      const ctx = completionContext(doc.getText(), params.position);
      if (!ctx) return [];
      const servers = index.serverNames().map((name) => {
        const d = index.definitions(name)[0];
        return { name, detail: d ? l10n.t('license server · {0} CALs', d.totals.reduce((n, t) => n + t.quantity, 0)) : undefined };
      });
      return completionItems(ctx, { schema: inventorySchema(), servers, today: todayUtc(), snippets: snippetSupport });
    }),
  );

  connection.onCodeAction(
    safe('codeAction', [], async (params) => {
      const only = params.context.only;
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      const runbook = documents.get(params.textDocument.uri);
      if (runbook && runbooks.applies(runbook)) return runbooks.codeActions(runbook.uri, params.context.diagnostics);
      const doc = inventoryDoc(params.textDocument.uri);
      if (!doc) return [];
      // Whether a missing server is defined in another file needs the whole workspace indexed.
      if (params.context.diagnostics.some((d) => unknownServerName(d.data))) await freshIndex();
      return codeActions(doc.uri, analysed(doc).parsed, params.context.diagnostics, inventorySchema(), index);
    }),
  );

  connection.onDocumentSymbol(
    safe('documentSymbol', [], (params) => {
      const doc = inventoryDoc(params.textDocument.uri);
      return doc ? documentSymbols(analysed(doc).nodes) : [];
    }),
  );

  connection.onWorkspaceSymbol(
    safe('workspaceSymbol', [], async (params) => {
      await freshIndex();
      return workspaceSymbols(index.symbols(), params.query);
    }),
  );

  function nameAt(uri: string, position: { line: number; character: number }) {
    const doc = inventoryDoc(uri);
    return doc ? serverNameAt(analysed(doc).nodes, position) : undefined;
  }

  connection.onDefinition(
    safe('definition', [], async (params) => {
      const at = nameAt(params.textDocument.uri, params.position);
      if (!at) return [];
      await freshIndex();
      return definitionLocations(index, at.name);
    }),
  );

  connection.onReferences(
    safe('references', [], async (params) => {
      const at = nameAt(params.textDocument.uri, params.position);
      if (!at) return [];
      await freshIndex();
      return referenceLocations(index, at.name, params.context.includeDeclaration);
    }),
  );

  connection.onPrepareRename(
    safe('prepareRename', null, (params) => {
      const at = nameAt(params.textDocument.uri, params.position);
      return at ? { range: at.range, placeholder: at.name } : null;
    }),
  );

  connection.onRenameRequest(
    safe('rename', null, async (params) => {
      const at = nameAt(params.textDocument.uri, params.position);
      if (!at) return null;
      await freshIndex();
      const problem = renameProblem(index, at.name, params.newName);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
      return renameEdits(index, at.name, params.newName);
    }),
  );

  connection.onRequest(
    SUMMARY_REQUEST,
    safe('summary', null as SummaryResult, (params: SummaryParams): SummaryResult => {
      const doc = params && typeof params.uri === 'string' ? inventoryDoc(params.uri) : undefined;
      if (!doc) return null;
      const a = analysed(doc);
      return inventorySummary(a.nodes, a.findings);
    }),
  );

  // ---- life cycle ------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // Messages in the editor's language (VS Code sends its display language), else the locale.
    const locale = params.locale;
    configureLanguage(locale ? (/^fr([_-]|$)/i.test(locale) ? 'fr' : 'en') : languageFromEnvironment());
    const caps = params.capabilities;
    // Pull where the client can pull, push otherwise: never both for one client.
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    configurationSupport = !!caps.workspace?.configuration;
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceFoldersSupport = !!caps.workspace?.workspaceFolders;
    snippetSupport = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    const initOptions = params.initializationOptions as { settings?: unknown } | undefined;
    if (initOptions?.settings) config.setEditorSettings(sanitizeSettings(initOptions.settings));
    folders = (params.workspaceFolders ?? [])
      .map((f) => uriToPath(f.uri))
      .filter((p): p is string => !!p);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders = [root];
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '[', ','], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'rdslic' },
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        diagnosticProvider: pullDiagnostics ? { identifier: 'rdslic', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'rdslic', version: VERSION },
    };
  });

  connection.onInitialized(
    safe('initialized', undefined, async () => {
      if (configurationSupport) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rdslic' }).catch(() => undefined);
      }
      if (watchRegistration) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.rdslic.{yaml,yml}' }] })
          .catch(() => undefined);
      }
      // Assigned before any await, so that a request right after `initialized` waits for the scan.
      indexing = (async () => {
        if (configurationSupport) {
          const before = config.editorKey;
          await pullSettings().catch(() => undefined);
          // Documents opened meanwhile were shown with the initialization options' settings.
          if (config.editorKey !== before) revalidateAll();
        }
        await scanFolders(folders);
        revalidateServerReferences();
      })().catch((e) => connection.console.error(`rdslic: indexing failed: ${String(e)}`));
      if (workspaceFoldersSupport) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safe('didChangeWorkspaceFolders', undefined, async (e) => {
            for (const removed of e.removed) {
              const root = uriToPath(removed.uri);
              if (!root) continue;
              for (const uri of index.uris()) if (uriToPath(uri)?.startsWith(root) && !documents.get(uri)) index.remove(uri);
            }
            const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
            await indexWork(() => scanFolders(added));
          }),
        );
      }
    }),
  );
  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}
