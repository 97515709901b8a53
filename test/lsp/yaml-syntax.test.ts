// rdslic beside yaml-language-server (what the Red Hat YAML extension runs), both real
// processes on the same inventories: with `reportYamlSyntax: false` (what the extension sets
// when that extension is active) no problem is listed twice; without it, rdslic reports the
// YAML parser's problems itself, exactly as `rdslic lint` does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileUri, ROOT, TestClient } from './client';
import { CONFIG, WITH_PROBLEMS } from './fixtures';
import { lintInventory } from '../../src/core/inventory/lint';

const YLS = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/** A duplicate key (YAML002) and an unknown tag (YAML003) among the domain findings. */
const MIXED = WITH_PROBLEMS.replace('organization: Contoso\n', 'organization: Contoso\nsite: !custom Paris\n').replace(
  '    configuredBy: gpo\n',
  '    configuredBy: gpo\n    configuredBy: registry\n',
);
/** A quoted string never closed (YAML001): nothing else can be checked. */
const UNCLOSED = WITH_PROBLEMS.replace('organization: Contoso\n', 'organization: "Contoso\n');
/** An alias without anchor: YAML001 that yaml-language-server reports only as information. */
const ALIAS = WITH_PROBLEMS.replace('organization: Contoso\n', 'organization: *company\n');

const lineOf = (d: any): number => d.range.start.line;
const codes = (ds: any[]) => ds.map((d) => `${d.code}@${lineOf(d)}`);

describe('YAML syntax problems with yaml-language-server beside rdslic', () => {
  let dir: string;
  let yls: TestClient;
  const settings: { rdslic: Record<string, unknown> } = { rdslic: { reportYamlSyntax: false } };
  let rdslic: TestClient;
  const files: Record<string, string> = { mixed: MIXED, unclosed: UNCLOSED, alias: ALIAS };
  const uris: Record<string, string> = {};
  const fromYls: Record<string, any[]> = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-lsp-yls-'));
    fs.writeFileSync(path.join(dir, '.rdslic.yaml'), CONFIG);
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, `${name}.rdslic.yaml`);
      fs.writeFileSync(file, text);
      uris[name] = fileUri(file);
    }
    yls = new TestClient({ args: [YLS, '--stdio'], workspaceFolder: dir, settings: { yaml: { validate: true, schemaStore: { enable: false } } } });
    rdslic = new TestClient({ workspaceFolder: dir, settings });
    await Promise.all([yls.initialize(), rdslic.initialize()]);
    for (const [name, text] of Object.entries(files)) {
      yls.open(uris[name], text);
      fromYls[name] = await yls.diagnostics(uris[name], 1);
    }
  });

  after(async () => {
    await yls.stop();
    assert.equal(await rdslic.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('yaml-language-server reports the duplicate key, the unknown tag and the unclosed quote', () => {
    const messages = (name: string) => fromYls[name].map((d) => `${lineOf(d)} ${d.message}`);
    assert.deepEqual(messages('mixed').sort(), ['26 Map keys must be unique', '3 Unresolved tag: !custom']);
    assert.ok(messages('unclosed').some((m) => /Missing closing "quote/.test(m)), messages('unclosed').join());
  });

  test('with reportYamlSyntax false: no line carries an error or warning from both servers, the other findings are those of rdslic lint', async () => {
    for (const [name, text] of Object.entries(files)) {
      rdslic.open(uris[name], text);
      const ours = await rdslic.diagnostics(uris[name], 1);
      // yaml-language-server's Information notes (severity 3: the unresolved alias) are not
      // problems; rdslic keeps its error there, which CI reports too.
      const both = ours.filter((d) => fromYls[name].some((y) => y.severity <= 2 && lineOf(y) === lineOf(d)));
      assert.deepEqual(codes(both), [], `${name}: shown twice`);
      const cli = lintInventory(text, { rules: { RDS401: 'off' } }).findings.filter((f) => !/^YAML00[123]$/.test(f.ruleId) || name === 'alias');
      assert.deepEqual(codes(ours), cli.map((f) => `${f.ruleId}@${f.range.start.line}`), name);
    }
  });

  test('an alias that cannot be resolved stays an error: yaml-language-server only notes it', async () => {
    const ours = await rdslic.diagnostics(uris.alias, 1);
    // On the alias itself (line 3, `organization: *company`), as rdslic lint places it.
    assert.deepEqual(codes(ours), ['YAML001@2']);
    assert.equal(lineOf(fromYls.alias[0]), 2);
    assert.equal(ours[0].severity, 1);
    assert.deepEqual(fromYls.alias.map((d) => [d.severity, d.message]), [[3, 'Unresolved alias "*company"']]);
  });

  test('without it (the Red Hat YAML extension gone), a configuration change brings the syntax problems back, as rdslic lint reports them', async () => {
    const since = rdslic.notifications.length;
    settings.rdslic = {};
    rdslic.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (const [name, text] of Object.entries(files)) {
      const p = await rdslic.waitFor('textDocument/publishDiagnostics', (x) => x.uri === uris[name], since);
      const cli = lintInventory(text, { rules: { RDS401: 'off' } }).findings;
      assert.deepEqual(codes(p.diagnostics), cli.map((f) => `${f.ruleId}@${f.range.start.line}`), name);
    }
    const mixed = rdslic.notifications.slice(since).find((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uris.mixed)!.params.diagnostics;
    // The same problems twice on a line: what the setting is there to avoid.
    assert.deepEqual(codes(mixed.filter((d: any) => fromYls.mixed.some((y) => lineOf(y) === lineOf(d)))), ['YAML003@3', 'YAML002@26']);
  });
});
