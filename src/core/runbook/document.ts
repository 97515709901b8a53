// The runbook document model: what `parseRunbook` returns and `serializeRunbook` writes back.
// It is shaped like a VS Code `NotebookData` (cells with kind, source, language, metadata, plus
// document metadata) without depending on VS Code: the notebook adapter copies `cells` into
// `NotebookCellData` and everything else into `NotebookData.metadata`, and hands both back
// unchanged on save.
import type { FrontMatter } from './front-matter';
import type { LineEnding } from './lines';

export type { FrontMatter, FrontMatterError } from './front-matter';
export type { LineEnding } from './lines';

export type RunbookCellKind = 'markdown' | 'code';

/**
 * What a cell needs to write itself back exactly. Plain JSON: keep it in the notebook cell's
 * metadata (not transient) so that it comes back on save. Cells the user adds have none of it
 * and are written in the conventional form.
 */
export interface RunbookCellMetadata {
  /** The cell's exact text as read (fence lines included, no separator after it). */
  raw?: string;
  /**
   * The exact text between this cell and the one that followed it as read: the line break that
   * ends the cell and the blank lines after it. Absent on the last cell (see `ending`).
   */
  separator?: string;
  /** Position of the cell as read: tells whether the next cell is still the one that followed it. */
  index?: number;
  /** Code cells: the fence's info string as written (e.g. `powershell title="x"`). */
  info?: string;
  /** Other keys (an adapter's own) are allowed and ignored by the serializer. */
  [key: string]: unknown;
}

export interface RunbookCell {
  kind: RunbookCellKind;
  /**
   * What the user sees and edits, with `\n` line breaks: the Markdown text of a Markdown cell;
   * the code without its fence lines (and without the fence's indentation) of a code cell.
   */
  source: string;
  /**
   * Code cells: the VS Code language id (`powershell`, `bat`, `shellscript`, `plaintext`, or the
   * info string's first word for the others). Markdown cells: undefined.
   */
  language?: string;
  metadata: RunbookCellMetadata;
}

/** A runbook as cells. Everything except `cells` is plain JSON, for notebook metadata. */
export interface RunbookDocument {
  /** The text started with a UTF-8 byte order mark (U+FEFF), written back when true. */
  bom: boolean;
  /** The most frequent line break: used for the cells the user adds or rewrites without one of their own. */
  eol: LineEnding;
  /** YAML front matter, kept byte for byte even when it is not valid YAML. */
  frontMatter?: FrontMatter;
  /** Blank lines between the front matter (or the start) and the first cell; all of a text without cells. */
  leading: string;
  cells: RunbookCell[];
  /** What follows the last cell: its line break and trailing blank lines ('' without a final newline). */
  ending: string;
}
