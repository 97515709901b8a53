// `--rule ID=LEVEL` (repeatable): rule severities on top of the configuration files, the way
// the editor's `rdslic.rules` setting applies on top of them (Lint Workspace passes that
// setting to the CLI this way, so closed files get the severities open ones have; its
// arguments are built by rule-arguments.ts).
import * as l10n from '@vscode/l10n';
import { RULE_SETTINGS } from '../../core/findings';
import type { RuleSetting } from '../../core/inventory/lint';
import { RULES_BY_ID } from '../../core/rules';

export interface RuleOptions {
  rules: Record<string, RuleSetting>;
  /** Ids no rule has: they change nothing (a note, as for an unknown id in .rdslic.yaml). */
  unknown: string[];
}

/** Parses every `--rule` value; a malformed one is an error message (a usage error). */
export function parseRuleOptions(values: readonly string[]): RuleOptions | { error: string } {
  const rules: Record<string, RuleSetting> = {};
  const unknown: string[] = [];
  for (const value of values) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(value);
    if (!m) return { error: l10n.t("--rule needs RULE=LEVEL (e.g. RDS104=off), not '{0}'.", value) };
    const [, id, level] = m;
    if (!(RULE_SETTINGS as readonly string[]).includes(level)) {
      return { error: l10n.t("--rule {0}: the level must be error, warning, info or off, not '{1}'.", id, level) };
    }
    // Ids are matched as written, as in .rdslic.yaml and the editor setting.
    if (!RULES_BY_ID.has(id) && !unknown.includes(id)) unknown.push(id);
    rules[id] = level as RuleSetting;
  }
  return { rules, unknown };
}
