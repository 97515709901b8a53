// What the packaged extension ships (dist/rdslic.vsix from `npm run package`): only what runs
// and what it shows, nothing of the build machine.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Zip } from './zip';

const REPO = path.resolve(__dirname, '../../..');
const VSIX = path.join(REPO, 'dist/rdslic.vsix');

test('the VSIX exists (npm run package)', () => {
  assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package`);
});

const zip = () => new Zip(VSIX);
const shipped = () => zip().names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));

test('ships no sources, tests, source maps or node_modules', () => {
  for (const name of shipped()) {
    assert.doesNotMatch(name, /^(src|test|out|bench|node_modules|scripts|\.ci|examples)\//, `${name} should not be shipped`);
    assert.doesNotMatch(name, /\.(map|ts|vsix|tgz)$/, `${name} should not be shipped`);
    assert.doesNotMatch(name, /(^|\/)\.(git|vscode|github)/, `${name} should not be shipped`);
  }
});

test('ships the entry points, the server, schemas, runbooks and the UI strings', () => {
  const names = new Set(shipped());
  const manifest = JSON.parse(zip().read('extension/package.json').toString('utf8')) as { main: string };
  for (const required of [manifest.main.replace(/^\.\//, ''), 'dist/language-client.js', 'dist/server.js', 'dist/cli.js', 'dist/notebook-renderer.js', 'package.nls.json', 'package.nls.fr.json', 'schemas/inventory.schema.json', 'schemas/config.schema.json']) {
    assert.ok(names.has(required), `${required} is missing from the VSIX`);
  }
  assert.ok([...names].some((n) => n.startsWith('runbooks/en/') && n.endsWith('.runbook.md')), 'no English runbook shipped');
  assert.ok([...names].some((n) => n.startsWith('l10n/bundle.l10n.')), 'no l10n bundle shipped');
  // "Show Rule Documentation" opens docs/rules.md from the installed extension.
  if (fs.existsSync(path.join(REPO, 'docs/rules.md'))) assert.ok(names.has('docs/rules.md'), 'docs/rules.md is missing from the VSIX');
});

test('the shipped code names no path of the build machine', () => {
  const z = zip();
  for (const name of z.names.filter((n) => /\.(js|json)$/.test(n))) {
    const text = z.read(name).toString('utf8');
    assert.ok(!text.includes(REPO), `${name} contains the build path ${REPO}`);
    // A source map comment would point at a file that is not shipped.
    assert.doesNotMatch(text, /sourceMappingURL=(?!data:)/, `${name} refers to a source map that is not shipped`);
  }
});
