// Language server entry (dist/server.js). The transport comes from the command line:
// `--node-ipc` when the VS Code extension starts it, `--stdio` for other editors
// (also reachable as `rdslic lsp --stdio`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
