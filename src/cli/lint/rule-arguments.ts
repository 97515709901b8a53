// The `--rule ID=LEVEL` arguments (rule-options.ts) for a rule map such as the editor's
// `rdslic.rules` setting. Kept apart from the option parser, which needs the rule table: the
// extension builds these arguments without loading the rules.
import { RULE_SETTINGS } from '../../core/findings';

/** Entries that are not `id: level` are left out, as the language server leaves them out. */
export function ruleArguments(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([id, level]) => /^[^=\s]+$/.test(id) && typeof level === 'string' && (RULE_SETTINGS as readonly string[]).includes(level))
    .flatMap(([id, level]) => ['--rule', `${id}=${level as string}`]);
}
