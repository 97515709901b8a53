// `rdslic` entry point: parses the sub-command and hands over to its module. Each command
// module is loaded only when it is asked for, so `rdslic lint` does not pay for `import`.
import * as l10n from '@vscode/l10n';
import { EXIT_USAGE, EXIT_INTERNAL, printUsageError } from './exit';
import { VERSION } from '../core/version';
import { configureLanguage, languageFromArgs, languageFromEnvironment } from './l10n';

type Command = (args: string[]) => Promise<number>;

// Summaries are functions: they are read after configureLanguage has chosen the language.
const COMMANDS: Record<string, { summary: () => string; load: () => Command }> = {
  lint: { summary: () => l10n.t('check inventories (*.rdslic.yaml) and runbooks for CI: stylish, json, sarif, github, junit'), load: () => require('./commands/lint').run },
  lsp: { summary: () => l10n.t('run the language server (LSP over --stdio) for any editor'), load: () => require('./commands/lsp').run },
  import: { summary: () => l10n.t('build an inventory from WMI exports (import wmi FILE...)'), load: () => require('./commands/import').run },
  report: { summary: () => l10n.t('totals, hosts, grace periods, migrations, findings as Markdown or HTML'), load: () => require('./commands/report').run },
  runbook: { summary: () => l10n.t('runbook checklists for CI (runbook status) and the notebook view of files (runbook fmt)'), load: () => require('./commands/runbook').run },
  gen: { summary: () => l10n.t("generate the session hosts' licensing settings as PowerShell (gen hosts)"), load: () => require('./commands/gen').run },
};

function usage(): string {
  const lines = [l10n.t('Usage: rdslic <command> [options]'), '', l10n.t('Commands:')];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary()}`);
  lines.push('', l10n.t('Run `rdslic <command> --help` for the options of a command.'));
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  // Every command speaks the locale's language, or the one --lang names wherever it stands, so
  // that `rdslic --help --lang fr` and a sub-command's early --help are French too. The command
  // still parses --lang itself (and reports a language we do not have).
  configureLanguage(languageFromArgs(argv) ?? languageFromEnvironment());
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) return printUsageError(`${l10n.t("unknown command '{0}'.", name)}\n${usage()}`);
  return command.load()(rest);
}

// A reader that stops early (`rdslic lint | head`) is not a crash: the rest of the output is
// dropped and the command still ends with its own exit code. Any other output error is one line.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') return;
  process.stderr.write(`rdslic: ${l10n.t('cannot write the output: {0}', err.message)}\n`);
  process.exitCode = EXIT_INTERNAL;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // One line, never a stack trace: internal errors are bugs, but the user still gets exit 2.
    process.stderr.write(`rdslic: ${l10n.t('internal error: {0}', err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
