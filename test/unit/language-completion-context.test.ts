// Where completion thinks the cursor is, read from indentation while the YAML is incomplete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext } from '../../src/core/language/completion-context';

/** `¦` marks the cursor. */
function ctx(textWithCursor: string) {
  const offset = textWithCursor.indexOf('¦');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const lines = text.slice(0, offset).split('\n');
  return completionContext(text, { line: lines.length - 1, character: lines[lines.length - 1].length });
}

test('a key of a list item, below the item\'s first key', () => {
  const c = ctx('kind: RdsLicensingInventory\nlicenseServers:\n  - name: A\n    os: 2022\n    st¦\n    packs: []\n');
  assert.equal(c?.slot, 'key');
  assert.deepEqual(c?.path, ['licenseServers', 0]);
  assert.equal(c?.prefix, 'st');
  assert.deepEqual([...c!.siblingKeys].sort(), ['name', 'os', 'packs']);
});

test('the value after a key, inside a nested list item', () => {
  const c = ctx('licenseServers:\n  - name: A\n    packs:\n      - type: per¦\n');
  assert.equal(c?.slot, 'value');
  assert.deepEqual(c?.path, ['licenseServers', 0, 'packs', 0, 'type']);
  assert.equal(c?.prefix, 'per');
  assert.deepEqual(c?.replaceRange.start, { line: 3, character: 14 });
});

test('an item of a flow sequence', () => {
  const c = ctx('sessionHosts:\n  - name: H\n    licenseServers: [A, B¦');
  assert.equal(c?.slot, 'value');
  assert.deepEqual(c?.path, ['sessionHosts', 0, 'licenseServers', 0]);
  assert.equal(c?.prefix, 'B');
});

test('an item of a block sequence of scalars', () => {
  const c = ctx('sessionHosts:\n  - name: H\n    licenseServers:\n      - LIC¦\n');
  assert.equal(c?.slot, 'key');
  assert.equal(c?.hasDash, true);
  assert.deepEqual(c?.path, ['sessionHosts', 0, 'licenseServers', 0]);
});

test('a new item at the column of the list\'s dashes, also when the list is not indented', () => {
  assert.deepEqual(ctx('migrations:\n  - id: M1\n    from: A\n  ¦')?.path, ['migrations']);
  assert.equal(ctx('migrations:\n  - id: M1\n    from: A\n  ¦')?.slot, 'newItem');
  const compact = ctx('migrations:\n- id: M1\n  from: A\n¦');
  assert.equal(compact?.slot, 'newItem');
  assert.deepEqual(compact?.path, ['migrations']);
});

test('a top-level key, and a line right under a list key', () => {
  assert.deepEqual(ctx('kind: RdsLicensingInventory\nlicenseServers: []\nsess¦')?.path, []);
  const under = ctx('licenseServers:\n  ¦');
  assert.equal(under?.slot, 'key');
  assert.deepEqual(under?.path, ['licenseServers']);
});

test('no completion in a comment or inside a block scalar', () => {
  assert.equal(ctx('licenseServers: # serv¦'), undefined);
  assert.equal(ctx('licenseServers:\n  - name: A\n    evidence: |\n      kept in¦'), undefined);
});
