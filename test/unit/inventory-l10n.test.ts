// Messages in French: every finding of the mistakes example (one per rule) is translated, with
// the same rule ids and ranges as in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { configureLanguage } from '../../src/cli/l10n';
import { lintInventory } from '../../src/core/inventory/lint';
import { TODAY } from './support/inventory';

const ROOT = path.resolve(__dirname, '../../..');
const MISTAKES = fs.readFileSync(path.join(ROOT, 'examples', 'mistakes.rdslic.yaml'), 'utf8');

test('every finding of the mistakes example has a French message, same ids and ranges', () => {
  configureLanguage('en');
  const english = lintInventory(MISTAKES, { today: TODAY }).findings;
  configureLanguage('fr');
  const french = lintInventory(MISTAKES, { today: TODAY }).findings;
  configureLanguage('en');
  assert.deepEqual(french.map((f) => [f.ruleId, f.range]), english.map((f) => [f.ruleId, f.range]));
  const untranslated = french.filter((f, i) => f.message === english[i].message).map((f) => `${f.ruleId}: ${f.message}`);
  assert.deepEqual(untranslated, []);
  assert.match(french.find((f) => f.ruleId === 'RDS501')!.message, /clé de produit/);
});

test('syntax findings are translated too', () => {
  configureLanguage('fr');
  const [f] = lintInventory('kind: RdsLicensingInventory\nsite: "Paris\n', { today: TODAY }).findings;
  configureLanguage('en');
  assert.match(f.message, /n'est jamais fermée/);
});
