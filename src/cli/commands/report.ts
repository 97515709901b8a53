// `rdslic report [paths...] [--format md|html] [--out FILE]`: totals and compliance of the
// inventories as Markdown or as one self-contained HTML page.
import * as l10n from '@vscode/l10n';
import { ConfigLoader } from '../../core/config';
import { dayNumber, todayUtc } from '../../core/domain/dates';
import { buildReport, renderHtml, renderMarkdown } from '../../core/report';
import { EXIT_OK, printUsageError } from '../exit';
import { readInventoryInputs } from '../inventory-inputs';
import { handleCommonOptions, parseCommandArgs } from '../common-options';
import { writeFileAtomically } from '../output';

function help(): string {
  return l10n.t(`Usage: rdslic report [options] [paths...]

Totals of CALs by version and type (per license server and overall, issued vs total where
known), session hosts by licensing mode, grace-period end dates, pending migrations and a
summary of the lint findings. A path is an inventory or a folder (default: the current folder).

Options:
      --format <md|html>  Markdown (default) or one self-contained HTML page with a chart
      --out <file>        write the report to a file instead of standard output
      --today <date>      count days from this date (YYYY-MM-DD) instead of today
      --lang <en|fr>      language of the report (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help              show this help`);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('report', args, {
    format: { type: 'string', default: 'md' },
    out: { type: 'string', short: 'o' },
    today: { type: 'string' },
  } as const);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const done = handleCommonOptions('report', values, help);
  if (done !== undefined) return done;
  const format = values.format === 'markdown' ? 'md' : values.format;
  if (format !== 'md' && format !== 'html') return printUsageError(l10n.t("report: unknown format '{0}': use md or html.", String(values.format)));
  if (values.today !== undefined && dayNumber(values.today) === undefined) return printUsageError(l10n.t("report: --today needs a date YYYY-MM-DD, not '{0}'.", values.today));

  const cwd = process.cwd();
  const { inputs, problems } = readInventoryInputs(positionals, cwd);
  for (const p of problems) process.stderr.write(`rdslic: ${p}\n`);
  if (problems.length > 0 || inputs.length === 0) return printUsageError(l10n.t('report: nothing reported.'));

  const config = new ConfigLoader();
  const report = buildReport(
    inputs.map((i) => ({ file: i.file, text: i.text, rules: config.forFile(i.absolute).rules })),
    values.today ?? todayUtc(),
  );
  const text = format === 'html' ? renderHtml(report) : renderMarkdown(report);
  if (values.out !== undefined) writeFileAtomically(values.out, text);
  else process.stdout.write(text);
  return EXIT_OK;
}
