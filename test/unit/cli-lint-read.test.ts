import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInventory, firstInvalidUtf8 } from '../../src/cli/lint/read-text';

const text = (r: ReturnType<typeof decodeInventory>) => ('text' in r ? r.text : assert.fail(JSON.stringify(r)));
const finding = (r: ReturnType<typeof decodeInventory>) => ('finding' in r ? r.finding : assert.fail('expected a finding'));

test('UTF-8 with or without a byte order mark, UTF-16 LE/BE with one, decode to the same text', () => {
  const source = 'kind: RdsLicensingInventory\norganization: Société Générale 🙂\n';
  assert.equal(text(decodeInventory(Buffer.from(source))), source);
  assert.equal(text(decodeInventory(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]))), source);
  assert.equal(text(decodeInventory(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]))), source);
  const be = Buffer.from(source, 'utf16le').swap16();
  assert.equal(text(decodeInventory(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))), source);
});

test('a NUL byte makes it binary: FILE001 at the NUL', () => {
  const f = finding(decodeInventory(Buffer.from('kind: x\nab\u0000cd')));
  assert.equal(f.ruleId, 'FILE001');
  assert.deepEqual(f.range.start, { line: 1, character: 2 });
});

test('bytes that are not UTF-8 are FILE001 at the first bad byte, with its value', () => {
  const latin1 = Buffer.from('a: 1\r\nname: Soci\xe9t\xe9\n', 'latin1');
  const f = finding(decodeInventory(latin1));
  assert.deepEqual(f.range.start, { line: 1, character: 10 });
  assert.match(f.message, /0xE9/);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82])), 1, 'a sequence cut at the end');
  assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0x80])), 0, 'an overlong encoding');
  assert.equal(firstInvalidUtf8(Buffer.from('é🙂', 'utf8')), -1);
});
