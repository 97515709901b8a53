import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkId, findIdsInText, maskRetailCode, normalizeId } from '../../src/core/domain/identifiers';
import { calServesHost, serverHoldsCal } from '../../src/core/domain/compatibility';
import { modeFromRegistryValue, modeInfo } from '../../src/core/domain/licensing-modes';
import { programInfo } from '../../src/core/domain/programs';

test('normalizeId gives the canonical form of each kind', () => {
  assert.equal(normalizeId('licenseServerId', '12345678901234567890123456789012345'), '12345-67890-12345-67890-12345-67890-12345');
  assert.equal(normalizeId('keyPackId', '7k2qh-4m9px-r3t8w-c6vjd-1nb5f-z0gyl-s2a9e'), '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E');
  assert.equal(normalizeId('openLicenseNumber', '1234 5678'), '12345678');
  assert.equal(normalizeId('agreementNumber', '123-4567'), '1234567');
  assert.equal(normalizeId('keyPackId', 'too short'), undefined);
});

test('checkId: problems by kind, with warnings where the docs disagree', () => {
  assert.deepEqual(checkId('licenseServerId', '12345-67890-12345-67890-12345-67890-1234O').problems, ['lettersInServerId']);
  assert.deepEqual(checkId('agreementNumber', '88637253').problems, ['unusualLength']);
  assert.deepEqual(checkId('agreementNumber', '123456789').problems, ['length']);
  assert.deepEqual(checkId('openAuthorizationNumber', 'ABCDE-12345-67890').problems, ['notCanonical']);
  assert.deepEqual(checkId('otherAgreementNumber', '12345').problems, ['unusualLength']);
  assert.deepEqual(checkId('keyPackId', '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9!').problems, ['charset']);
});

test('findIdsInText finds IDs in free text (runbooks) and tells them apart', () => {
  const text =
    'Target LS ID 12345-67890-12345-67890-12345-67890-12345, key pack 7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E, ' +
    'code 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F, masked XXXXX-XXXXX-XXXXX-XXXXX-1NB5F, bad ID 12345-67890-12345-67890-12345-67890-1234.';
  const found = findIdsInText(text).map((f) => [f.kind, f.text, f.check.problems.join(','), f.masked ?? false]);
  assert.deepEqual(found, [
    ['licenseServerId', '12345-67890-12345-67890-12345-67890-12345', '', false],
    ['keyPackId', '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E', '', false],
    ['retailCode', '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F', '', false],
    ['retailCode', 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F', '', true],
    ['licenseServerId', '12345-67890-12345-67890-12345-67890-1234', 'length', false],
  ]);
  assert.equal(text.slice(findIdsInText(text)[0].start, findIdsInText(text)[0].end), '12345-67890-12345-67890-12345-67890-12345');
});

test('findIdsInText: a grouped License Server ID with a character or a group missing is found, other groupings are not', () => {
  const found = (text: string) => findIdsInText(text).map((f) => [f.text, f.check.problems.join(','), f.check.length]);
  assert.deepEqual(found('ID 12345-67890-123456-67890-12345-67890-12345.'), [['12345-67890-123456-67890-12345-67890-12345', 'length', 36]]);
  assert.deepEqual(found('ID 12345-67890-12345-67890-12345-67890 noted'), [['12345-67890-12345-67890-12345-67890', 'length', 30]]);
  assert.deepEqual(found('ID 12345-67890-12345-67890-12345-67890-12345-67890'), [['12345-67890-12345-67890-12345-67890-12345-67890', 'length', 40]]);
  // Telephone confirmation blocks (8×6), serial numbers (6×4), GUIDs and Windows product IDs are not IDs.
  assert.deepEqual(found('A 123456-234567-345678-456789-567890-678901-789012-890123'), []);
  assert.deepEqual(found('S/N 1234-5678-9012-3456-7890-1234'), []);
  assert.deepEqual(found('GUID 3f2504e0-4f89-11d3-9a0c-0305e82c3301, PID 00376-40000-00000-AA947'), []);
});

test('maskRetailCode keeps the last five characters only', () => {
  assert.equal(maskRetailCode('7k2qh4m9pxr3t8wc6vjd1nb5f'), 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F');
});

test('compatibility table (facts §3.2): CAL ≥ host, server ≥ CAL, 2012 covers 2012 R2', () => {
  assert.equal(calServesHost('2012', '2012 R2'), true);
  assert.equal(calServesHost('2019', '2022'), false);
  assert.equal(calServesHost('2025', '2016'), true);
  assert.equal(serverHoldsCal('2016', '2019'), false);
  assert.equal(serverHoldsCal('2012 R2', '2012'), true);
  assert.equal(serverHoldsCal('2022', '2008 R2'), true);
});

test('licensing modes carry their registry values (4 / 2 / 5; 6 deprecated)', () => {
  assert.equal(modeInfo('perUser')?.registryValue, 4);
  assert.equal(modeInfo('perDevice')?.registryValue, 2);
  assert.equal(modeInfo('notConfigured')?.registryValue, 5);
  assert.equal(modeFromRegistryValue(6)?.deprecated, true);
});

test('programs name the references they need (facts §2.1)', () => {
  assert.deepEqual(programInfo('openLicense')?.required, ['licenseNumber', 'authorizationNumber']);
  assert.equal(programInfo('spla')?.agreementType, 4);
  assert.equal(programInfo('nope'), undefined);
});
