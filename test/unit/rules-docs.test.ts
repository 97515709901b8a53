import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../../src/core/rules/index';
import { renderRulesMarkdown } from '../../src/core/rules/docs';

const ROOT = path.resolve(__dirname, '../../..');

test('docs/rules.md is generated from the rule table and up to date (run `npm run docs`)', () => {
  const onDisk = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
  assert.equal(onDisk, renderRulesMarkdown(RULES), 'docs/rules.md is out of date: run `npm run docs`');
});

test('each rule has an anchor named by its lower-case id (the language server links to it)', () => {
  const doc = renderRulesMarkdown(RULES);
  for (const r of RULES) assert.ok(doc.includes(`<a id="${r.id.toLowerCase()}"></a>`), r.id);
});

test('every rule rdslic lint can report (SARIF helpUri, LSP codeDescription) has its entry in docs/rules.md', () => {
  const { coreEngine } = require('../../src/cli/lint/engine') as typeof import('../../src/cli/lint/engine');
  const onDisk = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
  const ids = coreEngine().rules.map((r) => r.id);
  for (const id of ['FILE001', 'CONFIG001', 'DISABLE001']) assert.ok(ids.includes(id), id);
  for (const id of ids) assert.ok(onDisk.includes(`<a id="${id.toLowerCase()}"></a>`), id);
});
