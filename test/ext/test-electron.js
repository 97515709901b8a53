#!/usr/bin/env node
// Runs one extension test suite through @vscode/test-electron's runTests, the usual API of
// VS Code extension tests, with test/ext/code-cli.sh as the VS Code executable (code-server +
// chromium underneath). Usage: node test/ext/test-electron.js [suite] (default: host).
'use strict';
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const REPO = path.resolve(__dirname, '../..');

async function main() {
  const suite = process.argv[2] || 'host';
  const config = path.join(__dirname, 'suite', suite, 'suite.json');
  const { workspace } = fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, 'utf8')) : {};
  await runTests({
    vscodeExecutablePath: path.join(__dirname, 'code-cli.sh'),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out/test/ext/suite', suite, 'index.js'),
    launchArgs: workspace ? [path.resolve(REPO, workspace)] : [],
  });
}

main().catch((e) => {
  console.error(`ext tests (test-electron): ${e.message ?? e}`);
  process.exit(1);
});
