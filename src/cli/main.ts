// `rdslic` entry point: parses the sub-command and hands over to its module. Each command
// module is loaded only when it is asked for, so `rdslic lint` does not pay for `import`.
import { EXIT_USAGE, EXIT_INTERNAL, printUsageError } from './exit';
import { VERSION } from '../core/version';
import { configureLanguage, languageFromEnvironment } from './l10n';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Command }> = {
  lint: { summary: 'check inventories (*.rdslic.yaml) for CI: stylish, json, sarif, github, junit', load: () => require('./commands/lint').run },
  lsp: { summary: 'run the language server (LSP over --stdio) for any editor', load: () => require('./commands/lsp').run },
  import: { summary: 'build an inventory from WMI exports (import wmi FILE...)', load: () => require('./commands/import').run },
  report: { summary: 'totals, hosts, grace periods, migrations, findings as Markdown or HTML', load: () => require('./commands/report').run },
  runbook: { summary: 'runbook checklists for CI (runbook status) and the notebook view of files (runbook fmt)', load: () => require('./commands/runbook').run },
  gen: { summary: 'generate the session hosts\' licensing settings as PowerShell (gen hosts)', load: () => require('./commands/gen').run },
};

function usage(): string {
  const lines = ['Usage: rdslic <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `rdslic <command> --help` for the options of a command.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  // Every command speaks the locale's language; a command's --lang may change it afterwards.
  configureLanguage(languageFromEnvironment());
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
  if (!command) return printUsageError(`unknown command '${name}'.\n${usage()}`);
  return command.load()(rest);
}

// A reader that stops early (`rdslic lint | head`) is not a crash: the rest of the output is
// dropped and the command still ends with its own exit code. Any other output error is one line.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') return;
  process.stderr.write(`rdslic: cannot write the output: ${err.message}\n`);
  process.exitCode = EXIT_INTERNAL;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // One line, never a stack trace: internal errors are bugs, but the user still gets exit 2.
    process.stderr.write(`rdslic: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
