// Every user-facing English text has a French entry in l10n/bundle.l10n.fr.json, and the
// bundle holds nothing else. The English texts are:
// - the l10n.t(...) / vscode.l10n.t(...) calls of src/, exported by @vscode/l10n-dev's own
//   extractor (getL10nJson, what `npx @vscode/l10n-dev export src` runs);
// - the titles, descriptions and enum descriptions of schemas/*.schema.json (schemaText);
// - the rule titles and descriptions of the rule table (ruleTitle, ruleDescription: SARIF
//   shortDescription and fullDescription).
// A French entry whose key is none of these fails too: it is a translation of a text that
// changed or went away, and keeping it would hide that the new text lacks one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { RULES } from '../../src/core/rules/index';
import { schemaTexts } from '../../src/core/schema-text';

const ROOT = path.resolve(__dirname, '../../..');
const FRENCH: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(file);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [file] : [];
  });
}

// The extractor parses every file with tree-sitter (seconds): once for all the tests.
let extracted: Promise<string[]> | undefined;
function codeTexts(): Promise<string[]> {
  const files = () => sourceFiles(path.join(ROOT, 'src')).map((f) => ({ contents: fs.readFileSync(f, 'utf8'), extension: '.ts' }));
  return (extracted ??= getL10nJson(files()).then(Object.keys));
}

function schemaFileTexts(): string[] {
  const dir = path.join(ROOT, 'schemas');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .flatMap((f) => schemaTexts(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

const ruleTitles = () => RULES.map((r) => r.title);
const ruleDescriptions = () => RULES.map((r) => r.description);

test('the extractor finds the messages of the CLI, the core and the extension', async () => {
  const texts = await codeTexts();
  // One of each: a CLI usage text, a core rule message, an extension UI string.
  assert.ok(texts.includes('Usage: rdslic <command> [options]'));
  assert.ok(texts.some((t) => t.startsWith('This license server is NOT activated')));
  assert.ok(texts.includes('rdslic language server'));
});

test('every l10n.t text of src/ has a French entry', async () => {
  const missing = (await codeTexts()).filter((t) => !(t in FRENCH));
  assert.deepEqual(missing, [], 'add these keys to l10n/bundle.l10n.fr.json');
});

test('every title and description of schemas/*.schema.json has a French entry', () => {
  const missing = [...new Set(schemaFileTexts())].filter((t) => !(t in FRENCH));
  assert.deepEqual(missing, [], 'add these schema texts to l10n/bundle.l10n.fr.json');
});

test('every rule title has a French entry', () => {
  assert.deepEqual(ruleTitles().filter((t) => !(t in FRENCH)), []);
});

test('every rule description has a French entry', () => {
  assert.deepEqual(RULES.filter((r) => !(r.description in FRENCH)).map((r) => r.id), [], 'add the description of these rules to l10n/bundle.l10n.fr.json');
});

test('the French bundle has no entry for a text that is no longer used', async () => {
  const used = new Set([...(await codeTexts()), ...schemaFileTexts(), ...ruleTitles(), ...ruleDescriptions()]);
  assert.deepEqual(Object.keys(FRENCH).filter((k) => !used.has(k)), [], 'remove these entries (or update their key to the new English text)');
});

test('each French entry keeps the {0}, {1}... placeholders of its English text', () => {
  const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
  const wrong = Object.entries(FRENCH).filter(([en, fr]) => placeholders(en).join() !== placeholders(fr).join());
  assert.deepEqual(wrong.map(([en]) => en), []);
});
