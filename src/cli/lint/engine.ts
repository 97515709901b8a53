// The core linters and their rule table, as `rdslic lint` uses them: runbooks (`*.runbook.md`)
// with lintRunbook, which follows their front matter to the inventory on disk; everything else
// as an inventory.
import { lintInventory } from '../../core/inventory/lint';
import { hasRunbookName } from '../../core/language/applies';
import { lintRunbook } from '../../core/runbook/lint';
import { RULES } from '../../core/rules/index';
import { ruleDescription, ruleTitle } from '../../core/rules/localized';
import type { LintEngine } from './run';
import { readInventory } from './read-text';

/** A runbook's linked inventory, decoded as `rdslic lint` decodes inventories (UTF-16 with a BOM too). */
function readLinkedInventory(file: string): string {
  const read = readInventory(file);
  if ('finding' in read) throw new Error(read.finding.message);
  return read.text;
}

export function coreEngine(options: { today?: string } = {}): LintEngine {
  return {
    rules: RULES.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, title: ruleTitle(r), description: ruleDescription(r) })),
    lintText: (text, { file, path, rules }) =>
      path !== undefined && hasRunbookName(path)
        ? lintRunbook(text, { file, runbookPath: path, readFile: readLinkedInventory, rules })
        : lintInventory(text, { file, rules, ...(options.today ? { today: options.today } : {}) }).findings,
  };
}

