import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintInventory } from '../../src/core/inventory/lint';
import { covered, HEADER, lint, TODAY } from './support/inventory';

test('RDS501: a full retail code in a value, with a maskSecret fix keeping the last five', () => {
  const body = 'notes: "Retail box, code 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F"\n';
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS501');
  assert.equal(f.severity, 'error');
  assert.equal(covered(HEADER + body, f), '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F');
  assert.deepEqual(f.fix, { kind: 'maskSecret', replacement: 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F', last5: '1NB5F' });
});

test('RDS501: in a comment, and written as 25 characters in one run', () => {
  assert.deepEqual(lint('# old code: 7K2QH4M9PXR3T8WC6VJD1NB5F\nsite: Paris\n').findings.map((f) => f.ruleId), ['RDS501']);
});

test('RDS501 still runs when the YAML does not parse', () => {
  const found = lintInventory(HEADER + 'notes: "7K2QH-4M9PX-R3T8W-C6VJD-1NB5F\n', { today: TODAY }).findings;
  assert.deepEqual(found.map((f) => f.ruleId).sort(), ['RDS501', 'YAML001']);
});

test('RDS501 passes: masked codes, License Server IDs, key pack IDs, dates and words', () => {
  const body = [
    'notes: "code XXXXX-XXXXX-XXXXX-XXXXX-1NB5F, also *****-*****-*****-*****-1NB5F"',
    'licenseServers:',
    '  - name: LIC',
    '    status: active',
    '    serverId: "12345-67890-12345-67890-12345-67890-12345"',
    '    packs:',
    '      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"',
    '        type: perUser',
    '        version: 2022',
    '        quantity: 5',
    '        evidence: "Counterrevolutionarinesses in 2026-01-10 and 1234567890123456789012345"',
  ].join('\n');
  assert.deepEqual(lint(body + '\n').findings, []);
});

test('RDS501: a retail code with spaces or underscores between its groups, fix masking it', () => {
  for (const code of ['7K2QH 4M9PX R3T8W C6VJD 1NB5F', '7K2QH_4M9PX_R3T8W_C6VJD_1NB5F']) {
    const body = `notes: "Retail box code ${code} from the invoice"\n`;
    const found = lint(body).findings;
    assert.deepEqual(found.map((f) => f.ruleId), ['RDS501'], code);
    assert.equal(covered(HEADER + body, found[0]), code);
    assert.equal(found[0].fix?.replacement, 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F');
  }
});

test('RDS501 passes: prose of five-letter words, numbers in groups, masked spaced codes, seven spaced groups', () => {
  const body = [
    'notes: "these words about seven short lines, HELLO THERE WORLD APPLE MANGO"',
    'site: "12345 67890 12345 67890 12345"',
    '# code XXXXX XXXXX XXXXX XXXXX 1NB5F',
    '# ticket A2345 67890 B2345 67890 C2345 67890 D2345',
    '# mixed separators 7K2QH 4M9PX_R3T8W C6VJD 1NB5F',
  ].join('\n');
  assert.deepEqual(lint(body + '\n').findings, []);
});
