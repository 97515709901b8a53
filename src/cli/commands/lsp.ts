// `rdslic lsp --stdio`: the language server for any LSP client (Neovim, Helix, Emacs...).
// Same server code as dist/server.js, which the VS Code extension starts.
import fs from 'node:fs';
import path from 'node:path';
import { printUsageError } from '../exit';

const USAGE = `Usage: rdslic lsp --stdio

Runs the rdslic language server, speaking LSP over stdin/stdout (--stdio),
or over Node IPC (--node-ipc) or a socket (--socket=PORT) when an editor starts it so.`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const transport = args.filter((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  const unknown = args.filter((a) => !transport.includes(a) && !a.startsWith('--clientProcessId'));
  if (transport.length !== 1 || unknown.length > 0) return printUsageError(`lsp: expected exactly one of --stdio, --node-ipc, --socket=PORT.\n${USAGE}`);
  // dist/server.js sits next to dist/cli.js. Loading it by path keeps the server out of the
  // CLI bundle, so `rdslic lint` does not parse the server's code at every start.
  const server = path.join(__dirname, 'server.js');
  if (!fs.existsSync(server)) return printUsageError(`lsp: ${server} is missing; run \`npm run build\`.`);
  require(server); // starts the server on the transport named in process.argv
  // The connection ends the process on `exit` or when the client goes away.
  return new Promise<number>(() => undefined);
}
