// Options every sub-command takes (`--lang`, `--help`) and the handling they share, so each
// command only declares its own options.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as l10n from '@vscode/l10n';
import { EXIT_OK, printUsageError } from './exit';
import { configureLanguage, isLanguage } from './l10n';

export const COMMON_OPTIONS = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** `parseArgs` with positionals; a bad option is a one-line usage error (the returned number). */
type CommandConfig<O> = { args: string[]; allowPositionals: true; options: O & typeof COMMON_OPTIONS };

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<CommandConfig<O>>> | number {
  try {
    return parseArgs({ args, allowPositionals: true, options: { ...options, ...COMMON_OPTIONS } });
  } catch (e) {
    return printUsageError(`${command}: ${parseErrorMessage(e as NodeJS.ErrnoException)}`);
  }
}

/** Node's parseArgs errors in the user's language (they are English only); others as Node words them. */
export function parseErrorMessage(e: NodeJS.ErrnoException): string {
  // Node quotes the option first: '--x', '--f <value>', '-f, --format <value>'.
  const option = /'(-[^']*?)(?: <value>)?'/.exec(e.message)?.[1];
  if (option !== undefined && e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return l10n.t("unknown option '{0}'. Run with --help for the options.", option);
  if (option !== undefined && e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return e.message.includes('argument missing') ? l10n.t("option '{0}' needs a value.", option) : l10n.t("option '{0}' takes no value.", option);
  }
  return e.message.split('\n')[0];
}

/** Applies --lang and answers --help; a number is the exit code to return at once. */
export function handleCommonOptions(command: string, values: { lang?: string; help?: boolean }, help: () => string): number | undefined {
  if (values.lang !== undefined) {
    if (!isLanguage(values.lang)) return printUsageError(`${command}: ${l10n.t("unknown language '{0}': use en or fr.", values.lang)}`);
    configureLanguage(values.lang);
  }
  if (values.help) {
    process.stdout.write(help() + '\n');
    return EXIT_OK;
  }
  return undefined;
}
