import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, HEADER, lint, only } from './support/inventory';

function withServerId(id: string) {
  return `licenseServers:\n  - name: LICSRV01.contoso.local\n    status: active\n    serverId: ${id}\n`;
}

function withPack(fields: string) {
  return `licenseServers:\n  - name: LICSRV01.contoso.local\n    status: active\n    os: 2025\n    packs:\n      - type: perUser\n        version: 2022\n        quantity: 20\n${fields
    .split('\n')
    .map((l) => `        ${l}`)
    .join('\n')}\n`;
}

function rules(body: string, prefix = 'RDS1'): string[] {
  return lint(body)
    .findings.filter((f) => f.ruleId.startsWith(prefix))
    .map((f) => f.ruleId);
}

test('RDS101: a License Server ID that is not 35 characters is an error on the value', () => {
  const body = withServerId('"12345-67890-12345-67890-12345-67890-1234"');
  const [f] = only(lint(body).findings, 'RDS101');
  assert.equal(f.severity, 'error');
  assert.equal(covered(HEADER + body, f), '"12345-67890-12345-67890-12345-67890-1234"');
  assert.match(f.message, /has 34/);
  assert.deepEqual(rules(withServerId('"12345-67890-12345-67890-12345-67890-1234!"')), ['RDS101']);
});

test('RDS101 passes: grouped 7×5 or 35 in one run', () => {
  assert.deepEqual(rules(withServerId('"12345-67890-12345-67890-12345-67890-12345"')), []);
  assert.deepEqual(rules(withServerId('"12345678901234567890123456789012345"')), []);
});

test('RDS102: letters in a License Server ID are a warning (Microsoft pages disagree)', () => {
  const found = lint(withServerId('"12345-67890-12345-67890-12345-67890-1234O"')).findings;
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['RDS102', 'warning']]);
});

test('RDS102 passes: a License Server ID of digits only, grouped or in one run', () => {
  for (const id of ['"12345-67890-12345-67890-12345-67890-12345"', '"12345678901234567890123456789012345"']) {
    assert.deepEqual(only(lint(withServerId(id)).findings, 'RDS102'), [], id);
  }
});

test('RDS104: a License Server ID with spaces or lower case gets a normalizeId fix to 7×5', () => {
  const [f] = only(lint(withServerId('"12345 67890 12345 67890 12345 67890 1234a"')).findings, 'RDS104');
  assert.deepEqual(f.fix, { kind: 'normalizeId', replacement: '"12345-67890-12345-67890-12345-67890-1234A"' });
});

test('RDS103: a key pack ID must be 35 letters and digits; 25 is called out as a retail code', () => {
  assert.deepEqual(rules(withPack('keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9"')), ['RDS103']);
  const found = lint(withPack('keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5F"')).findings;
  const f = only(found, 'RDS103')[0];
  assert.match(f.message, /retail license code/);
  assert.ok(found.some((x) => x.ruleId === 'RDS501'), 'and it is a secret in clear');
});

test('RDS103 passes and RDS104 normalises a key pack ID written with hyphens and lower case', () => {
  assert.deepEqual(rules(withPack('keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"')), []);
  const body = withPack('keyPackId: 7k2qh-4m9px-r3t8w-c6vjd-1nb5f-z0gyl-s2a9e');
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS104');
  assert.equal(covered(HEADER + body, f), '7k2qh-4m9px-r3t8w-c6vjd-1nb5f-z0gyl-s2a9e');
  assert.deepEqual(f.fix, { kind: 'normalizeId', replacement: '"7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"' });
});

test('RDS103 also checks the key pack IDs a migration records', () => {
  const body = `${withPack('keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"')}migrations:\n  - id: M1\n    to: LICSRV01.contoso.local\n    state: planned\n    keyPackIds: ["ABC"]\n`;
  assert.deepEqual(rules(body), ['RDS103']);
});

test('RDS105/RDS106: Open License number (8 digits) and authorization number (15 alphanumeric)', () => {
  assert.deepEqual(rules(withPack('program: openLicense\nlicenseNumber: "1234567"\nauthorizationNumber: "ABCDE1234567890"')), ['RDS105']);
  assert.deepEqual(rules(withPack('program: openLicense\nlicenseNumber: "12345678"\nauthorizationNumber: "ABCDE12345"')), ['RDS106']);
  assert.deepEqual(rules(withPack('program: openLicense\nlicenseNumber: "12345678"\nauthorizationNumber: "ABCDE1234567890"')), []);
});

test('RDS107: agreement numbers are digits, 7 or 8 of them', () => {
  assert.deepEqual(rules(withPack('program: enterpriseAgreement\nagreementNumber: "12A4567"')), ['RDS107']);
  assert.deepEqual(rules(withPack('program: select\nagreementNumber: "123456"')), ['RDS107']);
  assert.deepEqual(rules(withPack('program: select\nagreementNumber: "1234567"')), []);
});

test('RDS108: an 8-digit agreement number is only a warning', () => {
  const found = lint(withPack('program: spla\nagreementNumber: "88637253"')).findings;
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity]), [['RDS108', 'warning']]);
});

test('RDS104: an agreement number with separators is normalised', () => {
  const [f] = lint(withPack('program: campus\nagreementNumber: "123-4567"')).findings;
  assert.equal(f.ruleId, 'RDS104');
  assert.deepEqual(f.fix, { kind: 'normalizeId', replacement: '"1234567"' });
});

test("RDS109: a pack without its program's reference (openLicense without authorizationNumber)", () => {
  const body = withPack('program: openLicense\nlicenseNumber: "12345678"');
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS109');
  assert.equal(covered(HEADER + body, f), 'openLicense');
  assert.match(f.message, /authorizationNumber/);
  assert.deepEqual(rules(withPack('program: retail')), ['RDS109']);
  assert.deepEqual(rules(withPack('program: retail\nretailCodeLast5: "4XJ7Q"')), []);
});

test("RDS110: a reference that does not belong to the pack's program", () => {
  const body = withPack('program: enterpriseAgreement\nagreementNumber: "1234567"\nlicenseNumber: "12345678"');
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS110');
  assert.equal(covered(HEADER + body, f), 'licenseNumber');
});

test("RDS110 passes: each program with only the references it uses", () => {
  assert.deepEqual(rules(withPack('program: enterpriseAgreement\nagreementNumber: "1234567"')), []);
  assert.deepEqual(rules(withPack('program: openLicense\nlicenseNumber: "12345678"\nauthorizationNumber: "ABCDE1234567890"')), []);
  assert.deepEqual(rules(withPack('program: retail\nretailCodeLast5: "4XJ7Q"')), []);
});

test('identifier rules leave values of the wrong type to the schema (one finding, not two)', () => {
  const found = lint(withPack('program: select\nagreementNumber: 1234567')).findings;
  assert.deepEqual(found.map((f) => f.ruleId), ['SCHEMA003']);
});
