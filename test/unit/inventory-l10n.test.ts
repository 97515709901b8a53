// Messages in French: every finding of the mistakes example (one per rule) is translated, with
// the same rule ids and ranges as in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { configureLanguage } from '../../src/cli/l10n';
import { lintInventory } from '../../src/core/inventory/lint';
import { parseInventory } from '../../src/core/inventory/parse';
import { hover, INVENTORY_SCHEMA, inventoryNodes, parsedYamlOf } from '../../src/core/language';
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

test('French schema findings name the key with the French schema title and description', () => {
  const text = 'kind: RdsLicensingInventory\nversion: 1\norganization: Contoso\nmigrations:\n  - id: MIG-1\n    to: LIC01.contoso.local\n';
  configureLanguage('fr');
  const french = lintInventory(text, { today: TODAY }).findings.find((f) => f.ruleId === 'SCHEMA002');
  configureLanguage('en');
  const english = lintInventory(text, { today: TODAY }).findings.find((f) => f.ruleId === 'SCHEMA002');
  assert.match(english!.message, /\(State\)\. Where the migration stands\./);
  assert.match(french!.message, /\(État\)\. Où en est la migration\./);
  assert.doesNotMatch(french!.message, /Where the migration/);
});

test('French hovers on inventory keys and values show the French schema text', () => {
  const text = 'kind: RdsLicensingInventory\nsessionHosts:\n  - name: RDSH01\n    configuredBy: wmi\n';
  const parsed = parsedYamlOf(parseInventory(text));
  const at = (line: number, character: number) => {
    const h = hover({ parsed, nodes: inventoryNodes(parsed), schema: INVENTORY_SCHEMA }, { line, character });
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  };
  configureLanguage('fr');
  const key = at(3, 6);
  const value = at(3, 19);
  configureLanguage('en');
  assert.match(key, /\*\*Configuré par\*\*/);
  assert.match(key, /La stratégie de groupe l'emporte/);
  assert.match(value, /`wmi`: WMI hors stratégie/);
  assert.doesNotMatch(key + value, /Group Policy wins|WMI without policy/);
  assert.match(at(3, 6), /\*\*Configured by\*\*/);
});
