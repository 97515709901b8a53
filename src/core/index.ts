// Programmatic API of rdslic (package.json "exports"): the same core the CLI, the language
// server and the extension use.
export * from './findings';
export * from './domain/versions';
export * from './inventory/model';
export * from './config';
export * from './text-positions';
export * from './domain/identifiers';
export * from './domain/compatibility';
export * from './domain/licensing-modes';
export * from './domain/programs';
export * from './domain/dates';
export * from './inventory/parse';
export * from './inventory/schema-findings';
export * from './inventory/suppression';
export * from './inventory/lint';
export { RULES, RULES_BY_ID, CHECKS, defaultSeverity } from './rules/index';
export type { Rule, RuleCheck, RuleContext, RuleDoc, RuleFamily } from './rules/index';
export * from './runbook';
export * from './domain/wmi';
export * from './import';
export { mergeInventory, type MergeResult } from './import/merge';
export * from './report';
export { generateHostsScript, hostEntries, POLICY_KEY, type GenInput, type GenResult, type HostEntry } from './gen/hosts';
