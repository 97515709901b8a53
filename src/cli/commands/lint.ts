// `rdslic lint [paths...]`: checks inventories and runbooks for CI and prints a report in the chosen format.
// Exit 0 clean, 1 findings at or above --fail-on (or too many warnings), 2 usage error,
// missing or unreadable path, internal error.
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { ConfigLoader } from '../../core/config';
import { dayNumber } from '../../core/domain/dates';
import { EXIT_USAGE, printUsageError } from '../exit';
import { useColor } from '../color';
import { FORMATTERS, isFormatName } from '../format';
import { configureLanguage, isLanguage } from '../l10n';
import { parseErrorMessage } from '../common-options';
import { writeFileAtomically } from '../output';
import { collectFiles, isLintableName, pathProblemText } from '../lint/collect';
import { lintExitCode, type FailOn } from '../lint/exit-code';
import { lintFiles } from '../lint/run';
import { parseRuleOptions } from '../lint/rule-options';
import { coreEngine } from '../lint/engine';

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  'fail-on': { type: 'string', default: 'error' },
  'max-warnings': { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  today: { type: 'string' },
  rule: { type: 'string', multiple: true },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function help(): string {
  return l10n.t(`Usage: rdslic lint [options] [paths...]

Checks RDS licensing inventories (*.rdslic.yaml, *.rdslic.yml) and runbooks (*.runbook.md: the
IDs written in them, and the inventory and server their front matter names). A path is a file or
a folder (searched recursively, skipping node_modules and .git); the default is the current folder.

Options:
  -f, --format <name>     stylish (default), json, sarif, github, junit
      --fail-on <level>   error (default) or warning: the lowest severity that fails (exit 1)
      --max-warnings <n>  fail (exit 1) when there are more than n warnings
  -o, --output <file>     write the report to a file instead of standard output
  -c, --config <file>     use this configuration file instead of looking for .rdslic.yaml
      --today <date>      count days from this date (YYYY-MM-DD) instead of today
      --rule <id=level>   set a rule to error, warning, info or off, over the configuration
                          files (repeatable), e.g. --rule RDS104=off
      --lang <en|fr>      language of messages (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help              show this help

Exit codes: 0 no failing finding, 1 failing findings, 2 usage error, missing or unreadable
path, internal error.`);
}

function usageError(message: string): number {
  return printUsageError(`lint: ${message} ${l10n.t('(see rdslic lint --help)')}`);
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeLimit(args), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    return usageError(parseErrorMessage(err as NodeJS.ErrnoException));
  }
  const { values, positionals } = parsed;
  const lang = values.lang;
  if (lang !== undefined && !isLanguage(lang)) {
    return usageError(l10n.t("unknown language '{0}': use en or fr.", lang));
  }
  if (lang !== undefined) configureLanguage(lang);

  if (values.help) {
    process.stdout.write(help() + '\n');
    return 0;
  }
  const format = values.format;
  if (!isFormatName(format)) return usageError(l10n.t("unknown format '{0}': use stylish, json, sarif, github or junit.", format));
  const failOn = values['fail-on'];
  if (failOn !== 'error' && failOn !== 'warning') return usageError(l10n.t("--fail-on must be error or warning, not '{0}'.", failOn));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    // -1 is "no limit", as in ESLint (its default), so that scripts written for ESLint work.
    if (values['max-warnings'] !== '-1') {
      if (!/^\d+$/.test(values['max-warnings'])) return usageError(l10n.t("--max-warnings needs a whole number of 0 or more (or -1 for no limit), not '{0}'.", values['max-warnings']));
      maxWarnings = Number(values['max-warnings']);
    }
  }
  // Same date parsing as `rdslic report --today`: the time rules (RDS4xx) count from it.
  const today = values.today;
  if (today !== undefined && dayNumber(today) === undefined) return usageError(l10n.t("--today needs a date YYYY-MM-DD, not '{0}'.", today));
  if (values.config !== undefined && !isReadableFile(values.config)) {
    return printUsageError(l10n.t("lint: cannot read the configuration file '{0}'.", values.config));
  }

  const ruleOptions = parseRuleOptions(values.rule ?? []);
  if ('error' in ruleOptions) return usageError(ruleOptions.error);
  for (const id of ruleOptions.unknown) process.stderr.write(`rdslic: ${l10n.t("--rule: unknown rule '{0}': it has no effect. Rule ids are listed in docs/rules.md.", id)}\n`);

  const cwd = process.cwd();
  const paths = positionals.length > 0 ? positionals : ['.'];
  const collected = collectFiles(paths, cwd, isLintableName);
  if (collected.missing.length > 0) {
    for (const m of collected.missing) {
      const line = m.kind === 'missing' ? l10n.t("lint: no such file or folder '{0}' ({1}).", m.path, m.reason) : `lint: ${pathProblemText(m)}`;
      process.stderr.write(`rdslic: ${line}\n`);
    }
    return EXIT_USAGE;
  }
  const named = new Set(paths.map((p) => path.resolve(cwd, p)));
  const outcome = lintFiles(collected.files, {
    cwd,
    loader: new ConfigLoader(values.config !== undefined ? { configFile: values.config } : {}),
    engine: coreEngine(today !== undefined ? { today } : {}),
    named,
    ruleOverrides: ruleOptions.rules,
  });
  for (const file of outcome.ignoredExplicitly) process.stderr.write(`rdslic: ${l10n.t('{0} is ignored by the configuration (ignore).', file)}\n`);
  for (const u of outcome.unreadable) process.stderr.write(`rdslic: ${l10n.t("lint: cannot read '{0}' ({1}).", u.file, u.reason)}\n`);
  if (collected.files.length === 0) process.stderr.write(`rdslic: ${l10n.t('no inventory (*.rdslic.yaml, *.rdslic.yml) or runbook (*.runbook.md) found in {0}.', paths.join(', '))}\n`);

  const toFile = values.output !== undefined;
  const report = FORMATTERS[format](outcome.report, { color: !toFile && format === 'stylish' && useColor(process.stdout) });
  if (toFile) {
    try {
      // A folder that does not exist yet (reports/ on a fresh CI checkout) is created, as ESLint does.
      if (!isFolder(values.output!)) fs.mkdirSync(path.dirname(path.resolve(values.output!)), { recursive: true });
      writeFileAtomically(values.output!, report);
    } catch (err) {
      process.stderr.write(`rdslic: ${outputProblem(values.output!, err as NodeJS.ErrnoException)}\n`);
      return EXIT_USAGE;
    }
  } else {
    process.stdout.write(report);
  }
  if (outcome.unreadable.length > 0) return EXIT_USAGE;
  return lintExitCode(outcome.report.findings, failOn as FailOn, maxWarnings);
}

function isReadableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `--max-warnings -1` as one argument: parseArgs takes "-1" for an option and refuses the pair
 * as "ambiguous", a message that does not say what to write.
 */
function joinNegativeLimit(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return [...out, ...args.slice(i)];
    if (args[i] === '--max-warnings' && /^-\d+$/.test(args[i + 1] ?? '')) {
      out.push(`--max-warnings=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Why the report could not be written, in one line. */
function outputProblem(file: string, err: NodeJS.ErrnoException): string {
  if (err.code === 'EISDIR' || isFolder(file)) return l10n.t("lint: cannot write '{0}': it is a folder; give a file name, e.g. {1}.", file, path.join(file, 'rdslic.sarif'));
  return l10n.t("lint: cannot write '{0}' ({1}).", file, err.code ?? String(err));
}
