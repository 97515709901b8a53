// The shape of a rule: its documentation (the rule table, docs/rules.md) and its check.
import type { FixHint, Range, Severity } from '../findings';
import type { InventoryPath, NodePart, ParsedInventory } from '../inventory/parse';
import type { Inventory } from '../inventory/model';
import type { InventoryIndex } from './inventory-index';

export type RuleFamily = 'shape' | 'limits' | 'identifiers' | 'compatibility' | 'consistency' | 'time' | 'security' | 'runbook' | 'files';

export interface RuleDoc {
  /** Stable id: YAML0xx/SCHEMA0xx shape, LIMIT0xx input limits, RDS1xx identifiers, RDS2xx compatibility, RDS3xx consistency, RDS4xx time, RDS5xx security, RDS6xx runbooks, FILE/CONFIG/DISABLE0xx files, configuration and suppression comments. */
  id: string;
  family: RuleFamily;
  defaultSeverity: Severity;
  /** One line: what is wrong when the rule fires. */
  title: string;
  /** What the rule checks, precisely. */
  description: string;
  /** Why it matters, with the facts sheet's source keys (rds-licensing-facts.md §9). */
  rationale: string;
  /** How to fix it. */
  fix: string;
  /** An inventory excerpt (a runbook's front matter for RDS6xx) that triggers the rule. */
  example: string;
}

export interface RuleContext {
  parsed: ParsedInventory;
  inventory: Inventory;
  index: InventoryIndex;
  /** Today's date, YYYY-MM-DD (from LintOptions.today, for reproducible checks). */
  today: string;
  /** Range of the key or value at `path`; falls back to the closest existing parent. */
  at(path: InventoryPath, part?: NodePart): Range;
  report(ruleId: string, range: Range, message: string, fix?: FixHint): void;
}

/** A rule as listed in the rule table. */
export type Rule = RuleDoc;

/**
 * A check of one family: reads the model (and the AST for ranges) and reports findings under
 * the ids of its family's rules. Checks must accept partial, invalid documents (wrong types,
 * missing keys): they run while the user types.
 */
export interface RuleCheck {
  family: RuleFamily;
  run(ctx: RuleContext): void;
  /** True for checks that read the raw text and still run when the YAML is broken. */
  readsText?: boolean;
}
