// The input limits (src/core/inventory/limits.ts): a file over one of them gets one LIMIT0xx
// finding placed where the limit is crossed, never an exception, and no other finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { lintInventory } from '../../src/core/inventory/lint';
import { INPUT_LIMITS, utf8Length } from '../../src/core/inventory/limits';
import { parseConfig } from '../../src/core/config/parse';
import { RULES_BY_ID } from '../../src/core/rules/index';
import { HEADER, TODAY } from './support/inventory';

const ROOT = path.resolve(__dirname, '../../..');
const lint = (text: string, rules = {}) => lintInventory(text, { today: TODAY, rules }).findings;

/** Line and column (0-based) of `offset` in `text`. */
function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('the limit rules are in the rule table (documented in docs/rules.md)', () => {
  for (const id of ['LIMIT001', 'LIMIT002', 'LIMIT003']) assert.equal(RULES_BY_ID.get(id)?.family, 'limits', id);
  const doc = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
  assert.match(doc, /### LIMIT001: File too large/);
  assert.match(doc, new RegExp(`${INPUT_LIMITS.maxFileBytes / 1024 / 1024} MiB`));
});

test('20,000 nested flow lists: LIMIT002 at the bracket that crosses the limit, no stack overflow', () => {
  const text = HEADER + 'notes: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
  const findings = lint(text);
  assert.deepEqual(findings.map((f) => f.ruleId), ['LIMIT002']);
  // The root mapping is level 1, so the 64th bracket opens level 65.
  const crossing = text.indexOf('[') + INPUT_LIMITS.maxDepth - 1;
  assert.deepEqual(findings[0].range.start, positionOf(text, crossing));
  assert.equal(text[crossing], '[');
  assert.match(findings[0].message, /64 levels/);
  assert.doesNotMatch(findings[0].message, /call stack/i);
});

test('20,000 nested block lists ("- - - …") and flow mappings are caught the same way', () => {
  const compact = HEADER + 'notes:\n  ' + '- '.repeat(20000) + 'x\n';
  assert.deepEqual(lint(compact).map((f) => f.ruleId), ['LIMIT002']);
  assert.equal(lint(compact)[0].range.start.line, 4);
  const maps = HEADER + 'notes: ' + '{a: '.repeat(20000) + '}'.repeat(20000) + '\n';
  assert.deepEqual(lint(maps).map((f) => f.ruleId), ['LIMIT002']);
});

test('block mappings nested by indentation: the finding is on the first line past the limit', () => {
  let text = HEADER;
  for (let i = 0; i < 100; i++) text += ' '.repeat(i) + `k${i}:\n`;
  const [f, ...rest] = lint(text);
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'LIMIT002');
  // Root mapping + k0..k62 open 64 levels; the mapping under k63 is the 65th.
  assert.equal(text.split('\n')[f.range.start.line].trim(), 'k64:');
});

test('nesting up to the limit is an ordinary file (schema findings, no LIMIT002)', () => {
  const text = HEADER + 'notes: ' + '['.repeat(INPUT_LIMITS.maxDepth - 1) + ']'.repeat(INPUT_LIMITS.maxDepth - 1) + '\n';
  const ids = lint(text).map((f) => f.ruleId);
  assert.ok(!ids.includes('LIMIT002'), ids.join());
  assert.ok(ids.includes('SCHEMA003'), ids.join());
});

test('an alias bomb is LIMIT003 on its first alias, in bounded time', () => {
  let text = HEADER + 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  let previous = 'a';
  for (let i = 0; i < 9; i++) {
    text += `b${i}: &b${i} [${Array(10).fill(`*${previous}`).join(', ')}]\n`;
    previous = `b${i}`;
  }
  const findings = lint(text);
  assert.deepEqual(findings.map((f) => f.ruleId), ['LIMIT003']);
  assert.deepEqual(findings[0].range.start, positionOf(text, text.indexOf('*a')));
});

test('a few ordinary aliases are fine', () => {
  const text = HEADER + 'licenseServers:\n  - name: A.contoso.local\n    os: &os 2022\n    status: active\n  - name: B.contoso.local\n    os: *os\n    status: active\n';
  assert.deepEqual(lint(text).filter((f) => f.ruleId.startsWith('LIMIT')), []);
});

test('a file over the size limit is LIMIT001 on line 1, counted in UTF-8 bytes', () => {
  const ascii = HEADER + 'notes: "' + 'a'.repeat(INPUT_LIMITS.maxFileBytes) + '"\n';
  const [f, ...rest] = lint(ascii);
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'LIMIT001');
  assert.deepEqual(f.range.start, { line: 0, character: 0 });
  assert.match(f.message, new RegExp(String(utf8Length(ascii))));
  // "é" is one UTF-16 code unit but two bytes of UTF-8: 0.4 × limit of them is under it...
  const under = HEADER + 'notes: "' + 'é'.repeat(Math.floor(INPUT_LIMITS.maxFileBytes * 0.4)) + '"\n';
  assert.ok(!lint(under).some((g) => g.ruleId === 'LIMIT001'));
  // ... and 0.55 × limit of them are fewer characters than the limit but more bytes: over it.
  const over = HEADER + 'notes: "' + 'é'.repeat(Math.floor(INPUT_LIMITS.maxFileBytes * 0.55)) + '"\n';
  assert.deepEqual(lint(over).map((g) => g.ruleId), ['LIMIT001']);
});

test('utf8Length agrees with Buffer.byteLength, surrogate pairs and lone surrogates included', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')),
    { seed: 8, numRuns: 500 },
  );
  assert.equal(utf8Length('\ud800x'), Buffer.byteLength('\ud800x'));
});

test('a limit finding cannot be turned off or suppressed (the file was not checked), only re-levelled', () => {
  const text = '# rdslic-disable-file\n' + HEADER + 'notes: ' + '['.repeat(100) + ']'.repeat(100) + '\n';
  assert.deepEqual(lint(text, { LIMIT002: 'off' }).map((f) => `${f.ruleId}:${f.severity}`), ['LIMIT002:error']);
  assert.deepEqual(lint(text, { LIMIT002: 'warning' }).map((f) => `${f.ruleId}:${f.severity}`), ['LIMIT002:warning']);
});

test('.rdslic.yaml over a limit: one LIMIT finding on the configuration file, which is not used', () => {
  const deep = parseConfig('rules: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n', 'cfg.yaml');
  assert.equal(deep.config, undefined);
  assert.deepEqual(deep.findings.map((f) => [f.ruleId, f.file, f.range.start.line]), [['LIMIT002', 'cfg.yaml', 0]]);

  let bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 0; i < 6; i++) bomb += `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]\n`;
  const bombed = parseConfig(bomb, 'cfg.yaml');
  assert.equal(bombed.config, undefined);
  assert.deepEqual(bombed.findings.map((f) => [f.ruleId, f.range.start.line]), [['LIMIT003', 1]]);

  const large = parseConfig('# ' + 'x'.repeat(INPUT_LIMITS.maxFileBytes) + '\nrules: {}\n', 'cfg.yaml');
  assert.equal(large.config, undefined);
  assert.deepEqual(large.findings.map((f) => f.ruleId), ['LIMIT001']);
});

test('the shipped examples are far from every limit', () => {
  for (const name of fs.readdirSync(path.join(ROOT, 'examples')).filter((n) => /\.ya?ml$/.test(n))) {
    const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    assert.deepEqual(lint(text).filter((f) => f.ruleId.startsWith('LIMIT')), [], name);
  }
});
