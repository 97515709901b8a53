import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configureLanguage, languageFromEnvironment } from '../../src/cli/l10n';
import { FORMATTERS } from '../../src/cli/format';
import { parseConfig } from '../../src/core/config';

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
