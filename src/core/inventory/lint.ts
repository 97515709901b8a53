// THE entry point for checking an inventory: parse, schema, domain rules, suppression
// comments and severity overrides. The CLI, the language server and the API all call this.
import * as l10n from '@vscode/l10n';
import { dayNumber, todayUtc } from '../domain/dates';
import { compareFindings, Finding, FixHint, Range, Severity } from '../findings';
import { buildIndex } from '../rules/inventory-index';
import { CHECKS, RULES_BY_ID } from '../rules/index';
import type { RuleContext } from '../rules/types';
import { InventoryPath, NodePart, objectRange, parseInventory, rangeOf, type ParsedInventory } from './parse';
import { LIMIT_RULE_IDS } from './limits';
import { schemaFindings } from './schema-findings';
import { isSuppressed, readSuppressions, SUPPRESSION_UNKNOWN_RULE } from './suppression';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** Path reported in each finding's `file`. */
  file?: string;
  /** Severity overrides, or 'off', by rule id. */
  rules?: Record<string, RuleSetting>;
  /** YYYY-MM-DD; default: today (UTC). Time rules count from it. */
  today?: string;
}

export interface LintResult {
  findings: Finding[];
  parsed: ParsedInventory;
}

export function lintInventory(text: string, options: LintOptions = {}): LintResult {
  const parsed = parseInventory(text);
  return { findings: lintParsed(parsed, options), parsed };
}

/**
 * Everything after the parse: schema, domain rules, suppression comments and severity
 * overrides. Split out so that the editor can hand over a parse it updated incrementally
 * (inventory/incremental.ts) and get exactly what a fresh lint of the same text gives.
 */
export function lintParsed(parsed: ParsedInventory, options: LintOptions = {}): Finding[] {
  const settings = options.rules ?? {};
  const isOff = (ruleId: string) => settings[ruleId] === 'off';
  const raw: Finding[] = [...parsed.findings];

  if (parsed.checkable) raw.push(...schemaFindings(parsed));

  const today = options.today !== undefined && dayNumber(options.today) !== undefined ? options.today : todayUtc();
  const ctx: RuleContext = {
    parsed,
    inventory: parsed.inventory,
    index: buildIndex(parsed.checkable ? parsed.inventory : {}),
    today,
    at: (path: InventoryPath, part: NodePart = 'value'): Range => rangeOf(parsed, path, part) ?? objectRange(parsed, path.slice(0, -1)),
    report(ruleId: string, range: Range, message: string, fix?: FixHint) {
      if (isOff(ruleId)) return;
      const rule = RULES_BY_ID.get(ruleId);
      if (!rule) throw new Error(`rule ${ruleId} is not in the rule table`);
      raw.push({ ruleId, severity: rule.defaultSeverity, message, range, ...(fix ? { fix } : {}) });
    },
  };
  for (const check of CHECKS) {
    if (!parsed.checkable && !check.readsText) continue;
    try {
      check.run(ctx);
    } catch (e) {
      // A bug in one check must not hide the others' findings nor crash the editor.
      raw.push({
        ruleId: 'RDS000',
        severity: 'error',
        message: l10n.t('Internal error in the {0} checks: {1}. Please report it.', check.family, e instanceof Error ? e.message : String(e)),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }

  const suppressions = readSuppressions(parsed.positions);
  for (const mention of suppressions.mentions) {
    if (RULES_BY_ID.has(mention.ruleId)) continue;
    ctx.report(
      SUPPRESSION_UNKNOWN_RULE,
      mention.range,
      l10n.t('Unknown rule "{0}" in this rdslic-disable comment: it turns nothing off. Use an id listed in docs/rules.md, or remove it.', mention.ruleId),
    );
  }
  return settleFindings(raw, options, (f) => isSuppressed(f, suppressions));
}

/**
 * The findings as reported: rules set to off (and, for inventories, suppressed findings) left
 * out, the configured severities applied, the file named, in order. Inventories and runbooks alike.
 */
export function settleFindings(
  raw: readonly Finding[],
  options: { file?: string; rules?: Record<string, RuleSetting> },
  suppressed: (f: Finding) => boolean = () => false,
): Finding[] {
  const settings = options.rules ?? {};
  const findings: Finding[] = [];
  for (const f of raw) {
    const setting = settings[f.ruleId];
    // A file over an input limit was not checked: saying nothing would pass it as clean.
    if ((setting === 'off' || suppressed(f)) && !LIMIT_RULE_IDS.has(f.ruleId)) continue;
    const finding: Finding = { ...f, severity: setting === 'off' || setting === undefined ? f.severity : setting };
    if (options.file !== undefined) finding.file = options.file;
    findings.push(finding);
  }
  return findings.sort(compareFindings);
}
