// The one call from the server into the inventory rules. It is the same call `rdslic lint`
// makes, with the same configuration, so the editor shows what CI shows.
import type { Finding } from '../core/findings';
import { parseYaml, type ParsedYaml } from '../core/language/yaml-text';
import type { RuleSettings } from './config';

export interface LintOutcome {
  findings: Finding[];
  parsed: ParsedYaml;
}

export function lintForEditor(text: string, file: string | undefined, rules: RuleSettings): LintOutcome {
  void file;
  void rules;
  // Until the inventory rules (src/core/inventory/lint.ts) are on main, there is nothing to
  // report; the parse still feeds outline, navigation, hover and completion.
  return { findings: [], parsed: parseYaml(text) };
}
