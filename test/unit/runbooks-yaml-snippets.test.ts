// The shipped runbooks show inventory excerpts (a CAL pack, a migration) that admins copy into
// their inventory. Once the placeholders are filled, each excerpt must fit the inventory format:
// no YAML or schema finding and no error from the domain rules, so that copying it never breaks
// a pull request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseRunbook } from '../../src/core/runbook';
import { lintInventory } from '../../src/core/inventory/lint';

const ROOT = path.resolve(__dirname, '../../..');

/** Values a template instantiation would put in place of the placeholders. */
const SAMPLE: Record<string, string> = {
  'inventory.organization': 'Contoso',
  'server.name': 'LICSRV03.contoso.local',
  'server.serverId': '03852-19476-62018-44731-90265-17384-55029',
  'migration.from': 'LICSRV01.contoso.local',
  'pack.keyPackId': '8H3WQ2N7KD5RT9XC4MB6JP1VF0LZG3SY7A2',
  'pack.agreementNumber': '6012345',
};

const HEADER = `kind: RdsLicensingInventory
version: 1
organization: Contoso
licenseServers:
  - name: LICSRV01.contoso.local
    os: 2022
    status: lost
  - name: LICSRV03.contoso.local
    serverId: "03852-19476-62018-44731-90265-17384-55029"
    os: 2022
    status: active
`;

function fill(snippet: string): string {
  return snippet.replace(/\{\{\s*([a-zA-Z.]+)\s*\}\}/g, (all, name: string) => SAMPLE[name] ?? all);
}

/** The snippet placed where it belongs in a minimal inventory. */
function inventoryWith(snippet: string): string {
  if (/^migrations:/m.test(snippet)) return HEADER + snippet;
  if (/^\s*- keyPackId:/.test(snippet)) return HEADER + '    packs:\n' + snippet;
  throw new Error(`unknown kind of inventory excerpt:\n${snippet}`);
}

const files = ['en', 'fr'].flatMap((lang) =>
  fs
    .readdirSync(path.join(ROOT, 'runbooks', lang))
    .filter((f) => f.endsWith('.runbook.md'))
    .map((f) => `runbooks/${lang}/${f}`),
);

test('the runbooks do show inventory excerpts (this test checks something)', () => {
  const count = files.reduce(
    (n, rel) => n + parseRunbook(fs.readFileSync(path.join(ROOT, rel), 'utf8')).cells.filter((c) => c.language === 'yaml').length,
    0,
  );
  assert.ok(count >= 10, `found ${count} yaml excerpts`);
});

for (const rel of files) {
  const doc = parseRunbook(fs.readFileSync(path.join(ROOT, rel), 'utf8'));
  const snippets = doc.cells.filter((c) => c.kind === 'code' && c.language === 'yaml');
  if (snippets.length === 0) continue;
  test(`${rel}: its inventory excerpts fit the inventory format once filled in`, () => {
    for (const cell of snippets) {
      const text = inventoryWith(fill(cell.source));
      const { findings } = lintInventory(text, { today: '2026-02-01' });
      const shape = findings.filter((f) => /^(YAML|SCHEMA)/.test(f.ruleId) || f.severity === 'error');
      assert.deepEqual(
        shape.map((f) => `${f.ruleId} line ${f.range.start.line + 1}: ${f.message}`),
        [],
        `excerpt:\n${cell.source}`,
      );
    }
  });
}
