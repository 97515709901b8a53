/**
 * Runbooks: Markdown files (`*.runbook.md`) read as notebooks, losslessly, with GFM task list
 * items as checklist steps. No `vscode` import: the notebook adapter, the CLI and the API all
 * use this module.
 *
 * Round-trip contract: for any string `text`, `serializeRunbook(parseRunbook(text)) === text`.
 * Editing one cell's `source` (or a code cell's `language`) changes only that cell's bytes;
 * deleting a cell removes its bytes and the separator after it; moving cells keeps each cell's
 * bytes; a cell added without metadata is written as "```lang" fence / Markdown text with the
 * document's dominant line break and a blank line before it.
 *
 * Using it as a VS Code `NotebookSerializer`:
 * - deserialize: `const doc = parseRunbook(decodeRunbook(bytes).text)` (keeps the BOM; refuse to
 *   save when `lossless` is false: the file is not valid UTF-8); each `doc.cells[i]` becomes a
 *   `NotebookCellData(kind, source, language ?? 'markdown')` with `metadata = cell.metadata`; the
 *   rest of `doc` (`bom`, `eol`, `frontMatter`, `leading`, `ending`) goes in
 *   `NotebookData.metadata`. Do not declare these metadata keys transient.
 * - serialize: rebuild a `RunbookDocument` from the notebook metadata and the cells
 *   (`{ kind, source: cell.value, language: cell.languageId, metadata: cell.metadata ?? {} }`)
 *   and `encodeRunbook(serializeRunbook(doc))` (U+FEFF becomes the UTF-8 BOM bytes).
 *
 * @packageDocumentation
 */

export type {
  RunbookDocument,
  RunbookCell,
  RunbookCellKind,
  RunbookCellMetadata,
  FrontMatter,
  FrontMatterError,
  LineEnding,
} from './document';
export type { Step, Progress, StepOptions } from './checklist';

/**
 * Reads a Markdown text as runbook cells. Never throws: any string is accepted (invalid front
 * matter is kept in `frontMatter.raw` with `frontMatter.error`; an unclosed fence is a code cell
 * running to the end).
 * - Top-level fenced code blocks (``` or ~~~, any length) are code cells whose `source` is the
 *   code without fence lines and whose `language` is a VS Code language id (see `languageOfInfo`).
 * - The Markdown between them is cut before each top-level heading into Markdown cells.
 * - YAML front matter (`---` … `---`/`...` at the very start) is `frontMatter`, not a cell.
 */
export { parseRunbook } from './parse';

/** Writes cells back to Markdown; see the round-trip contract above. */
export { serializeRunbook } from './serialize';

/**
 * Checklist steps (GFM task list items, counted as GitHub counts them), progress, and toggling:
 * `listSteps(text)`, `countSteps(text)`, `toggleStep(text, stepOrOffset, checked?)`. On a whole
 * file front matter is skipped; pass `{ frontMatter: false }` for a Markdown cell's source.
 */
export { listSteps, countSteps, toggleStep } from './checklist';

/** Steps and done/total of one cell (Markdown cells only) and of a whole parsed runbook. */
export { cellSteps, cellProgress, documentProgress } from './progress';

/**
 * Bytes ↔ text: `decodeRunbook(bytes)` keeps the BOM and says whether the bytes were valid UTF-8
 * (`lossless`: when false, saving would replace the invalid bytes, so do not save);
 * `encodeRunbook(text)` is UTF-8.
 */
export { decodeRunbook, encodeRunbook } from './bytes';
export type { DecodedRunbook } from './bytes';

/** Fence info string ↔ language id (`pwsh` → `powershell`, `cmd` → `bat`, `bash` → `shellscript`). */
export { languageOfInfo, infoWordOfLanguage, PLAIN_TEXT } from './languages';

/**
 * `{{...}}` placeholders (the fixed set of runbooks/README.md): `findPlaceholders(text)` with
 * offsets, `resolvePlaceholder(name, { inventory, serverName, pack?, migration? })` to a value and
 * its inventory path or a reason, `PLACEHOLDERS` (the table).
 */
export {
  PLACEHOLDERS,
  placeholderDefinition,
  findPlaceholders,
  placeholderAt,
  resolvePlaceholder,
  findServer,
  formatInventoryPath,
} from './placeholders';
export type { PlaceholderDefinition, PlaceholderOccurrence, PlaceholderContext, PlaceholderResolution, PlaceholderScope } from './placeholders';

/**
 * A shipped runbook made the admin's own: `instantiateTemplate(text, { inventory, serverName,
 * inventoryPath })` fills the placeholders, sets `inventory:`/`server:` and unticks every step.
 */
export { instantiateTemplate } from './instantiate';
export type { TemplateOptions, InstantiatedRunbook, PlaceholderUse } from './instantiate';

/**
 * The inventory and license server a runbook's front matter links to (`inventory:` relative to
 * the runbook, `server:` a `licenseServers[].name`): `loadLinkedInventory(runbookPath,
 * parseRunbook(text).frontMatter?.data, readFile)` returns `{ parsed, server }` or a `problem`
 * (kind + localised message). Never throws; the caller reads the file (sync or async variant).
 */
export { loadLinkedInventory, loadLinkedInventoryAsync, findLicenseServer, sameServerName, hasPlaceholder } from './linked-inventory';
export type { LinkedInventory, LinkedInventoryProblemKind, ReadInventoryFile, ReadInventoryFileAsync } from './linked-inventory';

/**
 * Checks a runbook like an inventory: `lintRunbook(text, { file, runbookPath, readFile, rules })`
 * gives the findings of the IDs written in it (RDS101-RDS104, RDS501 with the maskSecret fix), of
 * its front matter (RDS601-RDS605) and of its unknown `{{...}}` placeholders (RDS606, with a
 * renamePlaceholder fix when one is close); `lintRunbookCell(source, { rules })` those of one
 * notebook cell's text (IDs, secrets and placeholders).
 */
export { lintRunbook, lintRunbookCell, runbookFrontMatterValidator } from './lint';
export type { RunbookLintOptions } from './lint';
