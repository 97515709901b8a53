// Lints a list of files: for each, the configuration that applies (ignored files are skipped),
// the text (or a FILE001 finding), then the core linter. Problems in configuration files are
// reported once each, on the configuration file. File access lives here, the rules in the core.
import * as path from 'node:path';
import { compareFindings, type Finding } from '../../core/findings';
import { ConfigLoader, parseConfig } from '../../core/config';
import type { RuleSetting } from '../../core/inventory/lint';
import type { LintReport, RuleInfo } from '../format';
import { isConfigName } from './collect';
import { readInventory } from './read-text';

/** The core linter as the CLI sees it. */
export interface LintEngine {
  rules: RuleInfo[];
  /** `file` as shown to the user; `path` absolute (tells runbooks from inventories, resolves their links). */
  lintText(text: string, options: { file: string; path?: string; rules: Record<string, RuleSetting> }): Finding[];
}

export interface LintRun {
  report: LintReport;
  /** Files that could not be read at all (exit 2), with the system's reason. */
  unreadable: { file: string; reason: string }[];
  /** Files named on the command line that the configuration ignores. */
  ignoredExplicitly: string[];
}

export interface LintFilesOptions {
  cwd: string;
  loader: ConfigLoader;
  engine: LintEngine;
  /** Files the user named (rather than found in a folder): linted even if their name differs. */
  named: ReadonlySet<string>;
  /** Rule settings over those of the configuration files (`--rule`). */
  ruleOverrides?: Record<string, RuleSetting>;
}

/** `C:\repo\a.yaml` → `a.yaml` relative to the working folder, always with `/`. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

export function lintFiles(files: readonly string[], options: LintFilesOptions): LintRun {
  const { cwd, loader, engine, named, ruleOverrides } = options;
  const findings: Finding[] = [];
  const checked: string[] = [];
  const unreadable: LintRun['unreadable'] = [];
  const ignoredExplicitly: string[] = [];
  const reportedConfigs = new Set<string>();

  for (const file of files) {
    const shown = displayPath(cwd, file);
    const settings = loader.forFile(file);
    for (const problem of settings.problems) {
      const key = problem.file ?? '';
      if (reportedConfigs.has(key)) continue;
      findings.push(...settings.problems.filter((p) => p.file === key).map((p) => ({ ...p, file: displayPath(cwd, key) })));
      reportedConfigs.add(key);
    }
    if (settings.ignored) {
      if (named.has(file)) ignoredExplicitly.push(shown);
      continue;
    }
    let read;
    try {
      read = readInventory(file);
    } catch (err) {
      unreadable.push({ file: shown, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
      continue;
    }
    checked.push(shown);
    if ('finding' in read) {
      findings.push({ ...read.finding, file: shown });
    } else if (isConfigName(path.basename(file))) {
      // A configuration file named on the command line is checked as one.
      if (!reportedConfigs.has(file)) findings.push(...parseConfig(read.text, shown).findings);
      reportedConfigs.add(file);
    } else {
      const rules = ruleOverrides ? { ...settings.rules, ...ruleOverrides } : settings.rules;
      findings.push(...engine.lintText(read.text, { file: shown, path: file, rules }).map((f) => ({ ...f, file: shown })));
    }
  }
  findings.sort(compareFindings);
  return { report: { files: checked, findings, rules: engine.rules }, unreadable, ignoredExplicitly };
}
