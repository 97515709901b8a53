import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonErrorOffset } from '../../src/core/import/json-error';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test('the error locator agrees with JSON.parse on valid JSON, as PowerShell indents it', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, indent) => {
      assert.equal(jsonErrorOffset(JSON.stringify(value, null, indent)), undefined);
    }),
  );
});

test('the error locator finds an error exactly when JSON.parse refuses the text', () => {
  const nearlyJson = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\')).map(([text, at, insert]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i);
  });
  fc.assert(
    fc.property(nearlyJson, (text) => {
      const offset = jsonErrorOffset(text);
      assert.equal(offset === undefined, parses(text), text);
      if (offset !== undefined) assert.ok(offset >= 0 && offset <= text.length);
    }),
    { numRuns: 500 },
  );
});
