// `rdslic runbook status|fmt`: checklist progress of runbooks for CI, and the notebook
// serializer's view of Markdown files (lossless: `fmt --check` fails only when opening and
// saving a file as a notebook would change it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { decodeRunbook, encodeRunbook, listSteps, parseRunbook, serializeRunbook } from '../../core/runbook';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, printUsageError } from '../exit';
import { collectFiles, pathProblemText } from '../lint/collect';
import { COMMON_OPTIONS, handleCommonOptions, parseErrorMessage } from '../common-options';
import { writeFileAtomically } from '../atomic-write';
import { maskSecrets } from '../../core/domain/secrets';

const isRunbookName = (name: string) => /\.runbook\.md$/i.test(name);

function help(): string {
  return l10n.t(`Usage: rdslic runbook <status|fmt> [options] [paths...]

  status [paths...]       done/total checklist steps of each runbook (*.runbook.md below each
                          folder, any file given by name; default: the current folder)
      --format <text|json>  text (default) or one JSON array of {file, done, total, ...}
      --require-complete    exit 1 when a runbook has open steps
  fmt [--check] paths...  write files as the runbook notebook would save them (lossless: only
                          files that are not valid UTF-8 would change, and those are never written)
      --check               change nothing; exit 1 and list the files that would change

Options:
      --lang <en|fr>      language of the messages (default: from LC_ALL, LC_MESSAGES, LANG)
  -h, --help              show this help`);
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    process.stdout.write(help() + '\n');
    return sub === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (sub === 'status') return status(rest);
  if (sub === 'fmt') return fmt(rest);
  return printUsageError(l10n.t("runbook: unknown sub-command '{0}': use status or fmt.", sub));
}

interface Input {
  /** As shown to the user: relative to the current folder when inside it, with `/`. */
  file: string;
  absolute: string;
  bytes: Buffer;
}

/** Reads the files named or found below the folders named; problems are printed on stderr. */
function readInputs(paths: readonly string[]): { inputs: Input[]; failed: boolean } {
  const cwd = process.cwd();
  const { files, missing } = collectFiles(paths, cwd, isRunbookName);
  let failed = false;
  for (const m of missing) {
    process.stderr.write(`rdslic: ${pathProblemText(m)}\n`);
    failed = true;
  }
  const inputs: Input[] = [];
  for (const absolute of files) {
    const file = displayPath(absolute, cwd);
    try {
      inputs.push({ file, absolute, bytes: fs.readFileSync(absolute) });
    } catch (err) {
      process.stderr.write(`rdslic: ${l10n.t('cannot read {0}: {1}', file, (err as NodeJS.ErrnoException).code ?? String(err))}\n`);
      failed = true;
    }
  }
  return { inputs, failed };
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

/** Handles --lang and --help; a number is the exit code to return at once. */
function common(values: { lang?: string; help?: boolean }): number | undefined {
  return handleCommonOptions('runbook', values, help);
}

function usageError(sub: string, e: unknown): number {
  return printUsageError(`runbook ${sub}: ${parseErrorMessage(e as NodeJS.ErrnoException)}`);
}

/** One runbook's progress, as `status --format json` prints it (lines are 1-based). */
export interface RunbookStatus {
  file: string;
  done: number;
  total: number;
  title?: string;
  nextStep?: { line: number; text: string };
  frontMatterError?: { message: string; line: number; column: number };
}

export function runbookStatus(file: string, text: string): RunbookStatus {
  const doc = parseRunbook(text);
  const steps = listSteps(text);
  const done = steps.filter((s) => s.checked).length;
  const result: RunbookStatus = { file, done, total: steps.length };
  const data = doc.frontMatter?.data;
  if (data !== null && typeof data === 'object' && typeof (data as Record<string, unknown>).title === 'string') {
    result.title = maskSecrets((data as Record<string, string>).title);
  }
  // Status goes to CI logs: a product key written in a step or the title is masked there.
  const next = steps.find((s) => !s.checked);
  if (next) result.nextStep = { line: next.line + 1, text: maskSecrets(next.text) };
  const error = doc.frontMatter?.error;
  if (error) result.frontMatterError = { message: maskSecrets(error.message), line: error.line + 1, column: error.column + 1 };
  return result;
}

async function status(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, 'require-complete': { type: 'boolean' }, ...COMMON_OPTIONS },
    });
  } catch (e) {
    return usageError('status', e);
  }
  const { values, positionals } = parsed;
  const early = common(values);
  if (early !== undefined) return early;
  const format = values.format;
  if (format !== 'text' && format !== 'json') return printUsageError(l10n.t("runbook status: unknown format '{0}': use text or json.", String(format)));
  const { inputs, failed } = readInputs(positionals.length > 0 ? positionals : ['.']);
  if (failed) return EXIT_USAGE;
  const results = inputs.map((input) => runbookStatus(input.file, decodeRunbook(input.bytes).text));
  if (format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(formatText(results));
  for (const r of results) {
    if (r.frontMatterError) {
      process.stderr.write(`${r.file}:${r.frontMatterError.line}:${r.frontMatterError.column}: ${r.frontMatterError.message}\n`);
    }
  }
  if (values['require-complete'] && results.some((r) => r.done < r.total)) return EXIT_FINDINGS;
  return EXIT_OK;
}

const BAR_WIDTH = 20;

function bar(done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return '[' + '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled) + ']';
}

function formatText(results: RunbookStatus[]): string {
  if (results.length === 0) return l10n.t('No runbook (*.runbook.md) found.') + '\n';
  const width = Math.max(...results.map((r) => r.file.length));
  const counts = results.map((r) => `${r.done}/${r.total}`);
  const countWidth = Math.max(...counts.map((c) => c.length));
  const lines = results.map((r, i) => {
    let line = `${r.file.padEnd(width)}  ${counts[i].padStart(countWidth)} ${bar(r.done, r.total)}`;
    if (r.nextStep) line += '  ' + l10n.t('next: line {0}: {1}', r.nextStep.line, shorten(r.nextStep.text, 60));
    return line;
  });
  const done = results.reduce((n, r) => n + r.done, 0);
  const total = results.reduce((n, r) => n + r.total, 0);
  const complete = results.filter((r) => r.done === r.total).length;
  lines.push(
    '',
    results.length === 1
      ? l10n.t('1 runbook, {0} complete; {1}/{2} steps done.', complete, done, total)
      : l10n.t('{0} runbooks, {1} complete; {2}/{3} steps done.', results.length, complete, done, total),
  );
  return lines.join('\n') + '\n';
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

async function fmt(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { check: { type: 'boolean' }, ...COMMON_OPTIONS } });
  } catch (e) {
    return usageError('fmt', e);
  }
  const { values, positionals } = parsed;
  const early = common(values);
  if (early !== undefined) return early;
  if (positionals.length === 0) return printUsageError(l10n.t('runbook fmt: name the files or folders to format.'));
  const { inputs, failed } = readInputs(positionals);
  if (failed) return EXIT_USAGE;
  let changed = 0;
  let refused = false;
  for (const input of inputs) {
    const { text, lossless, invalidAt } = decodeRunbook(input.bytes);
    if (!lossless) {
      // Saving as a notebook would replace the invalid bytes with U+FFFD: report, never write.
      changed++;
      refused ||= !values.check;
      if (values.check) process.stdout.write(input.file + '\n');
      process.stderr.write(`${input.file}: ${l10n.t('not valid UTF-8 (byte {0}): the runbook notebook would change its bytes; fix the encoding first.', invalidAt ?? 0)}\n`);
      continue;
    }
    const out = encodeRunbook(serializeRunbook(parseRunbook(text)));
    if (Buffer.from(out.buffer, out.byteOffset, out.byteLength).equals(input.bytes)) continue;
    changed++;
    if (values.check) {
      process.stdout.write(input.file + '\n');
    } else {
      writeFileAtomically(input.absolute, out);
      process.stdout.write(l10n.t('formatted {0}', input.file) + '\n');
    }
  }
  if (refused) return EXIT_USAGE;
  return values.check && changed > 0 ? EXIT_FINDINGS : EXIT_OK;
}
