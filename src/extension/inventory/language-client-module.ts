// vscode-languageclient, in a bundle of its own (dist/language-client.js) that client.ts loads
// when the language server first starts: the library is about two thirds of the extension's
// code, and a window that activates the extension for a runbook or a plain YAML file may never
// start the server, so activation does not pay for loading it.
export { DidChangeConfigurationNotification, LanguageClient, TransportKind } from 'vscode-languageclient/node';
