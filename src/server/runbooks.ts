// Runbooks in the language server: a `*.runbook.md` opened as text gets the findings of
// `rdslic lint` (IDs, secrets, front matter and its linked inventory); a cell of a runbook open
// as a notebook (a `vscode-notebook-cell:` document whose path is the runbook's) gets those of
// its own text (IDs and secrets: the front matter is not a cell). Quick fixes are the findings'
// replacement hints (maskSecret, normalizeId). Nothing here runs anything from the files.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { readInventory } from '../cli/lint/read-text';
import type { FixHint } from '../core/findings';
import { hasRunbookName } from '../core/language/applies';
import { DIAGNOSTIC_SOURCE, fixTitle } from '../core/language/code-actions';
import { lintRunbook, lintRunbookCell } from '../core/runbook/lint';
import type { RuleConfig } from './config';
import { findingToDiagnostic } from './diagnostics';
import { pathToUri, uriToPath } from './workspace';

const CELL_SCHEME = 'vscode-notebook-cell';

/** `text`: a runbook file opened as text; `cell`: one cell of a runbook notebook. */
export type RunbookDocumentKind = 'text' | 'cell';

export function runbookKind(uri: string): RunbookDocumentKind | undefined {
  if (!hasRunbookName(uri)) return undefined;
  return uri.startsWith(`${CELL_SCHEME}:`) ? 'cell' : 'text';
}

/** The runbook file a document belongs to (a cell's URI carries its notebook's path). */
function runbookPath(uri: string, kind: RunbookDocumentKind): string | undefined {
  if (kind === 'text') return uriToPath(uri);
  try {
    return URI.file(URI.parse(uri).path).fsPath;
  } catch {
    return undefined;
  }
}

function isFixHint(data: unknown): data is FixHint {
  return !!data && typeof data === 'object' && typeof (data as FixHint).kind === 'string';
}

export class RunbookDiagnostics {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly config: RuleConfig,
  ) {}

  applies(doc: TextDocument): boolean {
    return runbookKind(doc.uri) !== undefined;
  }

  /** The linked inventory as the editor has it (unsaved edits included), else from disk. */
  private readonly readInventory = (file: string): string => {
    const open = this.documents.get(pathToUri(file));
    if (open) return open.getText();
    const read = readInventory(file);
    if ('finding' in read) throw new Error(read.finding.message);
    return read.text;
  };

  diagnostics(doc: TextDocument): Diagnostic[] {
    const kind = runbookKind(doc.uri);
    if (!kind) return [];
    const file = runbookPath(doc.uri, kind);
    const settings = this.config.forFile(file);
    if (settings.ignored) return [];
    const findings =
      kind === 'cell'
        ? lintRunbookCell(doc.getText(), { rules: settings.rules })
        : lintRunbook(doc.getText(), { runbookPath: file, readFile: file ? this.readInventory : undefined, rules: settings.rules });
    return findings.map(findingToDiagnostic);
  }

  /** Quick fixes: the replacement each rdslic diagnostic's fix hint carries. */
  codeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      const hint = diagnostic.data;
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isFixHint(hint) || typeof hint.replacement !== 'string') continue;
      actions.push({
        title: fixTitle(hint),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: hint.range ?? diagnostic.range, newText: hint.replacement }] } },
      });
    }
    return actions;
  }
}
