// The extension's package.json as VS Code reads it: activation, contributions, UI strings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const REPO = path.resolve(__dirname, '../../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(REPO, f), 'utf8'));
const manifest = read('package.json');

test('activates only on inventories, YAML and its commands, never on every start', () => {
  const events: string[] = manifest.activationEvents;
  assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), `too broad: ${events.join(', ')}`);
  assert.ok(events.includes('workspaceContains:**/*.rdslic.{yaml,yml}'));
  assert.ok(events.includes('onLanguage:yaml'));
});

test('contributes no YAML schema validation, so the Red Hat YAML extension adds no duplicate problems', () => {
  assert.equal(manifest.contributes.yamlValidation, undefined);
  const json: { fileMatch: string | string[] }[] = manifest.contributes.jsonValidation ?? [];
  assert.ok(!json.some((v) => String(v.fileMatch).includes('.rdslic.')), 'inventories validated by JSON schema association');
});

test('declares how it works in untrusted and virtual workspaces', () => {
  for (const kind of ['untrustedWorkspaces', 'virtualWorkspaces']) {
    const c = manifest.capabilities[kind];
    assert.ok(c.supported === true || (c.supported === 'limited' && typeof c.description === 'string'), `${kind}: ${JSON.stringify(c)}`);
  }
});

test('every command is in the rdslic category', () => {
  for (const c of manifest.contributes.commands) assert.equal(c.category, 'rdslic', c.command);
});

test('every %key% of package.json has an English and a French string', () => {
  const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 0);
  for (const file of ['package.nls.json', 'package.nls.fr.json']) {
    const strings = read(file);
    const missing = keys.filter((k) => typeof strings[k] !== 'string' || strings[k].trim() === '');
    assert.deepEqual(missing, [], `${file} lacks ${missing.join(', ')}`);
  }
});

test('rdslic.trace.server: a setting in both languages, read by the language client named rdslic, traced to the rdslic output channel', () => {
  const trace = manifest.contributes.configuration.properties['rdslic.trace.server'];
  assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
  assert.equal(trace.default, 'off');
  const key = /^%(.+)%$/.exec(trace.description)![1];
  for (const nls of ['package.nls.json', 'package.nls.fr.json']) assert.match(read(nls)[key], /\w/, `${nls}: ${key}`);
  // vscode-languageclient reads `<client id>.trace.server`: the id must be rdslic.
  const client = fs.readFileSync(path.join(REPO, 'src', 'extension', 'inventory', 'client.ts'), 'utf8');
  assert.match(client, /new LanguageClient\('rdslic',/);
  assert.match(client, /traceOutputChannel: this\.output,/);
});
