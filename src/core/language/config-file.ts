// Hover and completion in a `.rdslic.yaml` config file: the schema-driven inventory features
// (hover.ts, completion.ts) run over the config schema; what the schema cannot say comes from
// the rule table: the rule ids a `rules:` map takes, with their titles.
import { checkTextLimits, parseYamlWithLimits } from '../inventory/limits';
import { RULES, RULES_BY_ID } from '../rules/index';
import { ruleDescription, ruleTitle } from '../rules/localized';
import { TextPositions } from '../text-positions';
import type { PathSegment } from './ast';
import type { KeySuggestion } from './completion';
import type { DomainExplainer } from './hover';
import type { ParsedYaml } from './yaml-text';

/** The config as the hover reads it; undefined over an input limit (the file's diagnostics say so). */
export function parseConfigYaml(text: string): ParsedYaml | undefined {
  if (checkTextLimits(text)) return undefined;
  const parsed = parseYamlWithLimits(text, { prettyErrors: false, uniqueKeys: true });
  if (parsed.hit) return undefined;
  return { text, doc: parsed.document, positions: new TextPositions(text) };
}

/** The maps whose keys are rule ids: top-level `rules:` and each override's `rules:`. */
function isRulesMapPath(path: readonly PathSegment[]): boolean {
  return (path.length === 1 && path[0] === 'rules') || (path.length === 3 && path[0] === 'overrides' && typeof path[1] === 'number' && path[2] === 'rules');
}

/** Rule ids to offer as keys at `path` (none outside a `rules:` map), every rule of the table. */
export function configKeySuggestions(path: readonly PathSegment[]): KeySuggestion[] {
  if (!isRulesMapPath(path)) return [];
  return RULES.map((rule) => ({ name: rule.id, detail: ruleTitle(rule), documentation: ruleDescription(rule) }));
}

/** On a rule id (its key or its setting): which rule it is, from the rule table. */
export const explainConfig: DomainExplainer = (path) => {
  const id = path[path.length - 1];
  if (typeof id !== 'string' || !isRulesMapPath(path.slice(0, -1))) return undefined;
  const rule = RULES_BY_ID.get(id);
  return rule ? `**${rule.id}** · ${ruleTitle(rule)}\n\n${ruleDescription(rule)}` : undefined;
};
