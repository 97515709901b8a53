// `rdslic lsp --stdio`: the language server for any LSP client (Neovim, Helix, Emacs...).
// Same server code as dist/server.js, which the VS Code extension starts.
import fs from 'node:fs';
import path from 'node:path';
import * as l10n from '@vscode/l10n';
import { printUsageError } from '../exit';

function usage(): string {
  return l10n.t(`Usage: rdslic lsp --stdio

Runs the rdslic language server, speaking LSP over stdin/stdout (--stdio),
or over Node IPC (--node-ipc) or a socket (--socket=PORT) when an editor starts it so.`);
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage() + '\n');
    return 0;
  }
  const transport = args.filter((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  const unknown = args.filter((a) => !transport.includes(a) && !a.startsWith('--clientProcessId'));
  if (transport.length !== 1 || unknown.length > 0) return printUsageError(`lsp: ${l10n.t('expected exactly one of --stdio, --node-ipc, --socket=PORT.')}\n${usage()}`);
  // dist/server.js sits next to dist/cli.js. Loading it by path keeps the server out of the
  // CLI bundle, so `rdslic lint` does not parse the server's code at every start.
  const server = path.join(__dirname, 'server.js');
  if (!fs.existsSync(server)) return printUsageError(`lsp: ${l10n.t('{0} is missing; run `npm run build`.', server)}`);
  require(server); // starts the server on the transport named in process.argv
  // The connection ends the process on `exit` or when the client goes away.
  return new Promise<number>(() => undefined);
}
