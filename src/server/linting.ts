// The one call from the server into the inventory rules. It is the same lint `rdslic lint`
// runs, with the same configuration, so the editor shows what CI shows; after an edit only the
// part of the text the edit touched is parsed again (core/inventory/incremental.ts), with the
// same findings as a full lint of the new text.
import type { Finding } from '../core/findings';
import { relintInventory, type IncrementalLint, type RelintMode } from '../core/inventory/incremental';
import { parsedYamlOf, type ParsedYaml } from '../core/language/yaml-text';
import type { RuleSettings } from './config';

export interface LintOutcome {
  findings: Finding[];
  /** The lint's own parse, reused by every other feature for this version. */
  parsed: ParsedYaml;
  /** What the next lint of this document starts from (single use). */
  state: IncrementalLint;
  mode: RelintMode;
}

/** `previous`: the outcome for an earlier text of the same document, if any. */
export function lintForEditor(previous: LintOutcome | undefined, text: string, file: string | undefined, rules: RuleSettings): LintOutcome {
  const state = relintInventory(previous?.state, text, { file, rules });
  return { findings: state.result.findings, parsed: parsedYamlOf(state.result.parsed), state, mode: state.mode };
}
