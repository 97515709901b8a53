// NotebookSerializer over the core runbook model. The core does the Markdown work (block
// boundaries, lossless round trip, BOM and line breaks); this file maps its cells to VS Code
// cells and back. What the core needs to write an untouched cell back byte for byte travels in
// the cell's metadata, the document-level rest in the notebook's metadata.
import * as vscode from 'vscode';
import { encodeRunbook, parseRunbook, serializeRunbook, RunbookCell, RunbookCellMetadata, RunbookDocument } from '../../core/runbook';
import { decodeRunbookBytes, NotUtf8Error } from './encoding';
import { NOTEBOOK_TYPE } from './constants';

type DocumentMetadata = Omit<RunbookDocument, 'cells'>;

/** The fence info string of a code cell as read from the file (undefined for added cells). */
export function cellInfoString(cell: vscode.NotebookCell): string | undefined {
  const info = (cell.metadata as RunbookCellMetadata | undefined)?.info;
  return typeof info === 'string' ? info : undefined;
}

export function runbookToNotebookData(text: string): vscode.NotebookData {
  const { cells, ...documentMetadata } = parseRunbook(text);
  const notebook = new vscode.NotebookData(
    cells.map((cell) => {
      const isCode = cell.kind === 'code';
      const data = new vscode.NotebookCellData(
        isCode ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup,
        cell.source,
        isCode ? cell.language ?? 'plaintext' : 'markdown',
      );
      data.metadata = cell.metadata;
      return data;
    }),
  );
  notebook.metadata = documentMetadata;
  return notebook;
}

function isDocumentMetadata(value: unknown): value is DocumentMetadata {
  const m = value as Partial<DocumentMetadata> | undefined;
  return typeof m === 'object' && m !== null && typeof m.bom === 'boolean' && typeof m.eol === 'string'
    && typeof m.leading === 'string' && typeof m.ending === 'string';
}

export function notebookDataToRunbookText(data: vscode.NotebookData): string {
  // A notebook made from scratch (no metadata read from a file) gets an empty runbook's.
  const { cells: _none, ...fresh } = parseRunbook('');
  const documentMetadata = isDocumentMetadata(data.metadata) ? data.metadata : fresh;
  const cells = data.cells.map((cell): RunbookCell => {
    const isCode = cell.kind === vscode.NotebookCellKind.Code;
    return {
      kind: isCode ? 'code' : 'markdown',
      source: cell.value,
      language: isCode ? cell.languageId : undefined,
      metadata: (cell.metadata ?? {}) as RunbookCellMetadata,
    };
  });
  return serializeRunbook({ ...documentMetadata, cells });
}

export class RunbookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    let text: string;
    try {
      text = decodeRunbookBytes(content);
    } catch (err) {
      if (err instanceof NotUtf8Error) {
        // Refuse rather than replace bytes: the text editor can still open the file.
        throw new Error(
          vscode.l10n.t(
            'This runbook is not valid UTF-8 (byte {0}): opening it as a notebook would lose bytes. Use "Reopen as Text".',
            err.byteOffset,
          ),
        );
      }
      throw err;
    }
    return runbookToNotebookData(text);
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    return encodeRunbook(notebookDataToRunbookText(data));
  }
}

export function registerRunbookSerializer(): vscode.Disposable {
  return vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new RunbookSerializer(), {
    transientOutputs: true,
  });
}
