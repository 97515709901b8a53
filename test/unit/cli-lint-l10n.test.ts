import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configureLanguage, languageFromEnvironment } from '../../src/cli/l10n';
import { FORMATTERS } from '../../src/cli/format';
import { parseConfig } from '../../src/core/config';
import { coreEngine } from '../../src/cli/lint/engine';

test('language from LC_ALL, then LC_MESSAGES, then LANG; English otherwise', () => {
  assert.equal(languageFromEnvironment({ LANG: 'fr_FR.UTF-8' }), 'fr');
  assert.equal(languageFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' }), 'en');
  assert.equal(languageFromEnvironment({ LC_MESSAGES: 'fr_CA', LANG: 'en_GB' }), 'fr');
  assert.equal(languageFromEnvironment({ LANG: 'C' }), 'en');
  assert.equal(languageFromEnvironment({ LANG: 'fy_NL' }), 'en');
  assert.equal(languageFromEnvironment({}), 'en');
});

test('French: the stylish summary and configuration messages are translated', () => {
  configureLanguage('fr');
  const out = FORMATTERS.stylish(
    {
      files: ['a.rdslic.yaml'],
      findings: [{ file: 'a.rdslic.yaml', ruleId: 'RDS101', severity: 'error', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
      rules: [],
    },
    { color: false },
  );
  assert.match(out, /1:1 {2}erreur {2}m {2}RDS101/);
  assert.match(out, /1 problème \(1 erreur, 0 avertissements\)/);
  assert.match(parseConfig('rules: { RDS101: loud }').findings[0].message, /doit valoir error, warning, info ou off/);
});

test('French: SARIF rule descriptors carry the French rule titles and descriptions', () => {
  configureLanguage('fr');
  const rules = coreEngine().rules;
  configureLanguage('en');
  const sarif = JSON.parse(FORMATTERS.sarif({ files: [], findings: [], rules }, { color: false }));
  const descriptor = (id: string) => sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === id);
  assert.equal(descriptor('RDS101').shortDescription.text, "L'ID du serveur de licences n'a pas 35 caractères");
  assert.equal(descriptor('RDS604').shortDescription.text, 'Le runbook nomme un serveur de licences absent de son inventaire');
  assert.equal(descriptor('RDS101').fullDescription.text, 'serverId doit compter exactement 35 lettres ou chiffres une fois les « - » et les espaces retirés.');
  assert.match(descriptor('RDS201').fullDescription.text, /licences d'accès client \(CAL\)/);
  assert.equal(JSON.parse(FORMATTERS.sarif({ files: [], findings: [], rules: coreEngine().rules }, { color: false })).runs[0].tool.driver.rules[0].shortDescription.text, 'YAML syntax error');
});
