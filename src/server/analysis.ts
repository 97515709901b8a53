// Per-document cache of what the features need, keyed by document version: the lint's parse
// (shared by hover, symbols, navigation, quick fixes and the index) and its findings. A
// version is parsed and linted once, whichever feature asks first; an edit makes a new
// version and replaces the entry, re-using the previous one's parse for what the edit did not
// touch (see linting.ts).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/findings';
import { inventoryNodes, type InventoryNodes } from '../core/language/inventory-nodes';
import type { ParsedYaml } from '../core/language/yaml-text';
import type { RuleSettings } from './config';
import { lintForEditor, type LintOutcome } from './linting';

export interface Analysis {
  version: number;
  parsed: ParsedYaml;
  /**
   * The parts the features point at (outline, navigation, index, hover), read from the parse
   * when a feature first asks: publishing diagnostics after an edit does not need them.
   */
  readonly nodes: InventoryNodes;
  findings: Finding[];
  /** The rule settings the findings were computed with. */
  rulesKey: string;
  /**
   * How long the lint of the last edit took, in ms, when it had to parse the whole text
   * (drives the debounce: scheduler.ts). Undefined when it re-parsed only what the edit
   * touched, whose cost follows the edit, not the file, and for the first lint of a document,
   * which says nothing about the cost of an edit.
   */
  lintMs: number | undefined;
  /** Where the next lint of this document starts from. */
  outcome: LintOutcome;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  /** Analysis of the document's current version under `rules` (computed only if missing). */
  get(doc: TextDocument, file: string | undefined, rules: RuleSettings): Analysis {
    const rulesKey = JSON.stringify(rules);
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.rulesKey === rulesKey) return cached;
    const started = performance.now();
    // The previous entry's parse is handed over (and updated in place): replace the entry.
    const outcome = lintForEditor(cached?.outcome, doc.getText(), file, rules);
    const lintMs = performance.now() - started;
    // Same text, other rules: the parse and what was read from it stay valid.
    const reuse = cached && cached.version === doc.version;
    let nodes: InventoryNodes | undefined;
    const analysis: Analysis = {
      version: doc.version,
      parsed: outcome.parsed,
      get nodes() {
        return (nodes ??= reuse ? cached.nodes : inventoryNodes(outcome.parsed));
      },
      findings: outcome.findings,
      rulesKey,
      lintMs: cached && outcome.mode === 'full' ? lintMs : undefined,
      outcome,
    };
    this.entries.set(doc.uri, analysis);
    return analysis;
  }

  peek(uri: string): Analysis | undefined {
    return this.entries.get(uri);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
