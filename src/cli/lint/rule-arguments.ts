// The `--rule ID=LEVEL` arguments (rule-options.ts) for a rule map such as the editor's
// `rdslic.rules` setting. Kept apart from the option parser, which needs the rule table: the
// extension builds these arguments without loading the rules.
import { editorRuleSettings } from '../../core/config/editor-settings';

/** The entries the language server applies (editorRuleSettings), as `--rule` arguments. */
export function ruleArguments(setting: unknown): string[] {
  return Object.entries(editorRuleSettings(setting))
    .filter(([id]) => /^[^=\s]+$/.test(id)) // an id the option syntax can carry
    .flatMap(([id, level]) => ['--rule', `${id}=${level}`]);
}
