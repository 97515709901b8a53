#!/usr/bin/env node
// Writes docs/rules.md from the rule table (src/core/rules). The TypeScript sources are bundled
// in memory with esbuild, so this works on a fresh clone without compiling anything first.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const entry = `
  const { RULES } = require('./src/core/rules/index');
  const { renderRulesMarkdown } = require('./src/core/rules/docs');
  module.exports = renderRulesMarkdown(RULES);
`;
const result = esbuild.buildSync({
  stdin: { contents: entry, resolveDir: root, loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, require);
const target = path.join(root, 'docs', 'rules.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, mod.exports);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
