// Per-document cache of what the features need, keyed by document version: the parse (shared
// by hover, completion, symbols, navigation and the index) and the findings. A version is
// parsed once and linted once; an edit makes a new version and drops the old entry.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/findings';
import { inventoryNodes, type InventoryNodes } from '../core/language/inventory-nodes';
import { parseYaml, type ParsedYaml } from '../core/language/yaml-text';
import { lintForEditor } from './linting';
import type { RuleSettings } from './config';

export interface Analysis {
  version: number;
  parsed: ParsedYaml;
  nodes: InventoryNodes;
  /** Set once the version has been linted (with `rulesKey` settings). */
  findings?: Finding[];
  rulesKey?: string;
  /** How long the lint took, in ms (drives the debounce). */
  lintMs?: number;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  /** The parse of the document's current version (parses only if this version was never parsed). */
  parsed(doc: TextDocument): Analysis {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const parsed = parseYaml(doc.getText());
    const analysis: Analysis = { version: doc.version, parsed, nodes: inventoryNodes(parsed) };
    this.entries.set(doc.uri, analysis);
    return analysis;
  }

  /** Findings of the document's current version under `rules` (lints only if not done yet). */
  linted(doc: TextDocument, file: string | undefined, rules: RuleSettings): Analysis & { findings: Finding[] } {
    const rulesKey = JSON.stringify(rules);
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.findings && cached.rulesKey === rulesKey) {
      return cached as Analysis & { findings: Finding[] };
    }
    const started = performance.now();
    const outcome = lintForEditor(doc.getText(), file, rules);
    const lintMs = performance.now() - started;
    // Reuse the lint's parse so the version is parsed once for every feature.
    const parsed = cached && cached.version === doc.version ? cached.parsed : outcome.parsed;
    const nodes = cached && cached.version === doc.version ? cached.nodes : inventoryNodes(parsed);
    const analysis = { version: doc.version, parsed, nodes, findings: outcome.findings, rulesKey, lintMs };
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
