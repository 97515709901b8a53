// The one call from the server into the inventory rules. It is the same call `rdslic lint`
// makes, with the same configuration, so the editor shows what CI shows.
import type { Finding } from '../core/findings';
import { lintInventory } from '../core/inventory/lint';
import { parsedYamlOf, type ParsedYaml } from '../core/language/yaml-text';
import type { RuleSettings } from './config';

export interface LintOutcome {
  findings: Finding[];
  /** The lint's own parse, reused by every other feature for this version. */
  parsed: ParsedYaml;
}

export function lintForEditor(text: string, file: string | undefined, rules: RuleSettings): LintOutcome {
  const result = lintInventory(text, { file, rules });
  return { findings: result.findings, parsed: parsedYamlOf(result.parsed) };
}
