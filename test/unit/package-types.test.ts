// The package's "types" (programmatic API) must exist after `npm ci` / `npm run build`, not only
// after compile-tests: out/ is the tests' output and is never there on a fresh clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('package.json "types" points at declarations the build writes, with the API in them', () => {
  const types: string = pkg.types;
  assert.equal(pkg.exports['.'].types, types, 'exports["."].types and types name the same file');
  assert.doesNotMatch(types, /^(\.\/)?out\//, 'out/ is written by compile-tests only, never by npm ci');
  const file = path.join(ROOT, types);
  assert.ok(fs.existsSync(file), `${types} does not exist after the build`);
  // The entry and every declaration file it re-exports from exist; together they declare the API.
  const seen = new Map<string, string>();
  const follow = (dts: string): void => {
    if (seen.has(dts)) return;
    assert.ok(fs.existsSync(dts), `${path.relative(ROOT, dts)} is missing`);
    const text = fs.readFileSync(dts, 'utf8');
    seen.set(dts, text);
    for (const m of text.matchAll(/^export .* from '(\.[^']+)';$/gm)) {
      const base = path.resolve(path.dirname(dts), m[1]);
      follow(fs.existsSync(`${base}.d.ts`) ? `${base}.d.ts` : path.join(base, 'index.d.ts'));
    }
  };
  follow(file);
  const all = [...seen.values()].join('\n');
  for (const name of ['lintInventory', 'parseInventory', 'RULES']) assert.match(all, new RegExp(`export declare (function|const) ${name}\\b`), name);
  // The default export's bundle is there too.
  assert.ok(fs.existsSync(path.join(ROOT, pkg.exports['.'].default)));
});
