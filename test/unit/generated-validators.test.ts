// The precompiled schema validators (src/core/generated/, written by scripts/gen-validators.js
// at build time) must be exactly what the schema files in schemas/ compile to today: a schema
// edited without a rebuild would otherwise check inventories against yesterday's rules.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintInventory } from '../../src/core/inventory/lint';

const ROOT = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(ROOT, 'scripts', 'gen-validators.js')) as {
  VALIDATORS: { schema: string; module: string }[];
  OUT_DIR: string;
  generate(entry: unknown): string;
};

for (const entry of generator.VALIDATORS) {
  test(`${entry.module} is up to date with ${entry.schema} (run npm run build after a schema change)`, () => {
    const file = path.join(generator.OUT_DIR, entry.module);
    assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} is missing: run npm run build`);
    assert.equal(fs.readFileSync(file, 'utf8'), generator.generate(entry), `${path.relative(ROOT, file)} is stale: run npm run build`);
  });
}

test('every schema in schemas/ that the product validates with has a precompiled validator', () => {
  const product = ['schemas/inventory.schema.json', 'schemas/config.schema.json', 'schemas/runbook.schema.json'];
  assert.deepEqual(generator.VALIDATORS.map((v) => v.schema).sort(), product.sort());
});

test('the precompiled inventory validator reports schema errors with the schema details findings need', () => {
  const text = ['kind: RdsLicensingInventory', 'version: 1', 'organization: Contoso', 'licenceServers: []', ''].join('\n');
  const { findings } = lintInventory(text, { today: '2026-01-01' });
  const unknown = findings.find((f) => f.ruleId === 'SCHEMA001');
  assert.ok(unknown, 'no unknown-key finding');
  // "did you mean" needs the parent schema's properties (ajv's verbose errors).
  assert.match(unknown.message, /licenseServers/);
  assert.equal(unknown.range.start.line, 3);
});
