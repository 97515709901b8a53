// `.rdslic.yaml` / `.rdslic.yml` open in the editor, against the real server process: hover
// and completion from schemas/config.schema.json, rule ids and titles from the rule table.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULES, RULES_BY_ID } from '../../src/core/rules/index';
import { applyEdits, fileUri, TestClient } from './client';

const CONFIG = ['rules:', '  RDS101: warning', 'overrides:', '  - files: ["sites/lab/**"]', '    rules:', '      RDS301: off', ''].join('\n');

function hoverAt(client: TestClient, uri: string, line: number, character: number): Promise<any> {
  return client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
}

/** Replaces the whole text of the open document (the range runs past its end, as clients allow). */
function replaceText(client: TestClient, uri: string, text: string): void {
  client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }, text }]);
}

function completeAt(client: TestClient, uri: string, line: number, character: number): Promise<any[]> {
  return client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
}

describe('config file: hover and completion', () => {
  let dir: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-config-'));
    client = new TestClient({ workspaceFolder: dir });
    await client.initialize();
    uri = fileUri(path.join(dir, '.rdslic.yaml'));
    client.open(uri, CONFIG);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hover on a key shows its schema title and description', async () => {
    const h = await hoverAt(client, uri, 0, 2);
    assert.match(h.contents.value, /^\*\*Rules\*\* · `rules`\n\nSeverity of each rule, or `off`, for every inventory this file applies to\./);
    assert.deepEqual(h.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    const overrides = await hoverAt(client, uri, 2, 3);
    assert.match(overrides.contents.value, /\*\*Per-path overrides\*\*/);
  });

  test('hover on a severity shows what the value does; on a rule id, the rule from the rule table', async () => {
    const value = await hoverAt(client, uri, 1, 12);
    assert.match(value.contents.value, /`warning`: Report as a warning: fails `rdslic lint` only with `--fail-on warning`/);
    const id = await hoverAt(client, uri, 5, 8);
    assert.match(id.contents.value, new RegExp(`\\*\\*RDS301\\*\\* · ${escape(RULES_BY_ID.get('RDS301')!.title)}`));
  });

  test('completion of the top-level keys offers those not written yet, with their titles', async () => {
    const text = CONFIG + 'ro';
    replaceText(client, uri, text);
    const items = await completeAt(client, uri, 6, 2);
    assert.deepEqual(items.map((i) => i.label).sort(), ['ignore', 'root']);
    const root = items.find((i) => i.label === 'root');
    assert.equal(root.detail, 'Root configuration');
    assert.match(root.documentation.value, /Stop looking for `\.rdslic\.yaml` files in parent folders/);
    assert.equal(applyEdits(text, [root.textEdit]).split('\n')[6], 'root: ');
  });

  test('completion under rules: offers every rule id of the rule table but those already set, titled', async () => {
    const text = 'rules:\n  RDS101: warning\n  \noverrides:\n  - files: [a]\n    rules:\n      \n';
    replaceText(client, uri, text);
    const top = await completeAt(client, uri, 2, 2);
    assert.deepEqual(top.map((i) => i.label), RULES.map((r) => r.id).filter((id) => id !== 'RDS101'));
    const rds402 = top.find((i) => i.label === 'RDS402');
    assert.equal(rds402.detail, RULES_BY_ID.get('RDS402')!.title);
    assert.equal(applyEdits(text, [rds402.textEdit]).split('\n')[2], '  RDS402: ');
    const inOverride = await completeAt(client, uri, 6, 6);
    assert.ok(inOverride.some((i) => i.label === 'RDS101' && i.detail === RULES_BY_ID.get('RDS101')!.title), 'an override takes every rule id');
  });

  test('completion of a rule setting offers error, warning, info and off with what each does', async () => {
    const text = 'overrides:\n  - files: [a]\n    rules:\n      RDS205: ';
    replaceText(client, uri, text);
    const items = await completeAt(client, uri, 3, 14);
    assert.deepEqual(items.map((i) => i.label), ['error', 'warning', 'info', 'off']);
    assert.match(items[3].documentation.value, /Do not run the rule\./);
    assert.match(items[0].documentation.value, /fails `rdslic lint` by default/);
  });

  test('a .rdslic.yml gets the same, and no inventory snippet is offered in a config file', async () => {
    const yml = fileUri(path.join(dir, 'sub', '.rdslic.yml'));
    const text = 'licenseServers:\n  - \nrules:\n  RDS1';
    client.open(yml, text);
    const items = await completeAt(client, yml, 3, 6);
    assert.deepEqual(items.map((i) => i.label), RULES.map((r) => r.id), 'the client filters them by the typed RDS1');
    assert.deepEqual(items[0].textEdit.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
    const inList = await completeAt(client, yml, 1, 4);
    assert.deepEqual(inList.map((i) => i.label), [], 'licenseServers is not a config key: no license server snippet');
    client.closeDoc(yml);
  });
});

describe('config file: hover and completion in French', () => {
  test('titles and descriptions come from the French schema texts, rule titles from the French rule table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-config-fr-'));
    const client = new TestClient({ workspaceFolder: dir, locale: 'fr' });
    try {
      await client.initialize();
      const uri = fileUri(path.join(dir, '.rdslic.yaml'));
      client.open(uri, 'rules:\n  RDS101: warning\n  \n');
      const h = await hoverAt(client, uri, 0, 2);
      assert.match(h.contents.value, /^\*\*Règles\*\* · `rules`\n\nGravité de chaque règle, ou `off`, pour tous les inventaires/);
      const value = await hoverAt(client, uri, 1, 12);
      assert.match(value.contents.value, /`warning`: Signaler comme avertissement/);
      const ids = await completeAt(client, uri, 2, 2);
      const english = RULES_BY_ID.get('RDS402')!.title;
      const rds402 = ids.find((i) => i.label === 'RDS402');
      assert.ok(rds402.detail && rds402.detail !== english, `French title for RDS402, got ${rds402.detail}`);
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
