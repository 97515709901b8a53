// The core linter and its rule table, as `rdslic lint` uses them.
import { lintInventory } from '../../core/inventory/lint';
import { RULES } from '../../core/rules/index';
import { NON_TABLE_RULES } from '../../core/config';
import type { LintEngine } from './run';

export function coreEngine(options: { today?: string } = {}): LintEngine {
  return {
    rules: [...RULES.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, title: r.title, description: r.description })), ...NON_TABLE_RULES],
    lintText: (text, { file, rules }) => lintInventory(text, { file, rules, ...(options.today ? { today: options.today } : {}) }).findings,
  };
}
