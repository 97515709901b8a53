// The editor's `rdslic.rules` setting (VS Code, or any LSP client's `rdslic` section): rule
// id → severity or off, on top of the `.rdslic.yaml` files. Clients may send anything, so one
// function keeps the well-formed entries, for the language server, the report panel and the
// `--rule` arguments Lint Workspace gives the CLI alike.
import { RULE_SETTINGS } from '../findings';
import type { RuleSetting } from './types';

const SETTINGS = new Set<string>(RULE_SETTINGS);

/** The `id: level` entries of `setting` whose level is error, warning, info or off. */
export function editorRuleSettings(setting: unknown): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  if (!setting || typeof setting !== 'object') return rules;
  for (const [id, value] of Object.entries(setting as Record<string, unknown>)) {
    if (typeof value === 'string' && SETTINGS.has(value)) rules[id] = value as RuleSetting;
  }
  return rules;
}
