// The editor's incremental lint (inventory/incremental.ts) against the truth, a fresh
// `lintInventory` of the same text: same findings (rule, range, message, severity, fix), same
// data, and the same YAML nodes with the same ranges (hover, outline and quick fixes read
// them). Random single-character edits, whole items inserted, moved and deleted, and the edits
// that must fall back to a full parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import { relintInventory, type IncrementalLint, type RelintMode } from '../../src/core/inventory/incremental';
import { lintInventory, type LintOptions } from '../../src/core/inventory/lint';
import { INPUT_LIMITS } from '../../src/core/inventory/limits';
import { changedRegion } from '../../src/core/inventory/reparse';
import { idsInText } from '../../src/core/inventory/text-ids';
import { findIdsInText } from '../../src/core/domain/identifiers';
import { TODAY } from './support/inventory';

const ROOT = path.resolve(__dirname, '../../..');
const RUNS = Number(process.env.RDSLIC_FUZZ_RUNS ?? 100);
const OPTIONS: LintOptions = { today: TODAY, file: 'inv.rdslic.yaml' };

const EXAMPLES = ['contoso-paris.rdslic.yaml', 'mistakes.rdslic.yaml'].map((f) => fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

/** Layouts the splice must get right: compact sequences, comments between and after items, keep-chomped block scalars, flow items, no final newline. */
const TRICKY = [
  'kind: RdsLicensingInventory',
  'version: 1',
  'organization: Tricky # comment after a value',
  '',
  '# servers',
  'licenseServers:',
  '- name: LIC1.contoso.local',
  '  os: 2022',
  '  notes: |+',
  '    kept',
  '',
  '  # between items, indented',
  '- {name: LIC2.contoso.local, os: 2019, status: lost, packs: [{type: perUser, version: 2019, quantity: 5}]}',
  '# between items, column 0',
  '- name: LIC1.CONTOSO.local',
  '  packs:',
  '    - type: perDevice',
  '      version: 2022',
  '      quantity: 10',
  '      issued: 12',
  'sessionHosts:',
  '  - name: RDSH1.contoso.local',
  '    licenseServers: [LIC1.contoso.local, NOPE.contoso.local]',
  '    licensingMode: perUser',
  '    os: 2025',
  '    deployed: 2026-01-05',
  '  - name: RDSH1.contoso.local',
  '    licenseServers:',
  '      - LIC2.contoso.local',
  '    licensingMode: notConfigured',
  '    deployed: 2026-08-01',
  '',
  '# trailing comment',
  'migrations:',
  '  - id: MIG-1',
  '    from: LIC2.contoso.local',
  '    to: LIC1.contoso.local',
  '    state: pending',
  '    started: 2026-01-08',
  '    licenses: 40',
  '  # last, indented',
].join('\n');

const TEXTS = [...EXAMPLES, TRICKY, TRICKY + '\n', TRICKY.replace(/\n/g, '\r\n')];

/** Every node of a document with its path, type, value and range, in document order. */
function shape(doc: Document.Parsed): unknown[] {
  const out: unknown[] = [['doc', doc.range]];
  const walk = (node: unknown, at: string) => {
    if (isMap(node)) {
      out.push([at, 'map', node.flow ?? false, node.range]);
      node.items.forEach((pair, i) => {
        walk(pair.key, `${at}/${i}k`);
        walk(pair.value, `${at}/${i}v`);
      });
    } else if (isSeq(node)) {
      out.push([at, 'seq', node.flow ?? false, node.range]);
      node.items.forEach((item, i) => walk(item, `${at}/${i}`));
    } else if (isScalar(node)) {
      out.push([at, 'scalar', node.type, node.value, node.range]);
    } else {
      out.push([at, String(node)]);
    }
  };
  walk(doc.contents, '');
  return out;
}

/** How the fuzzed edits were linted: the fuzz must exercise the incremental paths, not only the fallback. */
const modesSeen = new Map<RelintMode, number>();

function assertSameAsFull(state: IncrementalLint, text: string, what: string): void {
  modesSeen.set(state.mode, (modesSeen.get(state.mode) ?? 0) + 1);
  const fresh = lintInventory(text, OPTIONS);
  assert.equal(state.text, text);
  assert.deepEqual(state.result.findings, fresh.findings, `findings after ${what} (mode ${state.mode})`);
  assert.deepEqual(state.result.parsed.inventory, fresh.parsed.inventory, `data after ${what} (mode ${state.mode})`);
  assert.deepEqual(shape(state.result.parsed.document), shape(fresh.parsed.document), `nodes after ${what} (mode ${state.mode})`);
  assert.equal(state.result.parsed.checkable, fresh.parsed.checkable);
  assert.deepEqual(idsInText(state.result.parsed), findIdsInText(text), `identifiers in the text after ${what}`);
}

type Edit = { at: number; remove: number; insert: string };

function apply(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const CHARS = [' ', '\n', 'x', '1', 'A', '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F', '-', ':', '#', '"', "'", '[', ']', '{', '}', ',', '&', '*', '|', '\t', 'é'];
const charEdit = fc.record({
  at: fc.nat({ max: 100000 }),
  remove: fc.constantFrom(0, 0, 1, 1, 2),
  insert: fc.oneof(fc.constantFrom(...CHARS), fc.constant('')),
});

/** Whole lines: an existing run of lines copied elsewhere (a pasted item), or deleted. */
function lineEdit(text: string, from: number, count: number, to: number, del: boolean): Edit {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const a = starts[from % starts.length];
  const b = starts[Math.min(starts.length - 1, (from % starts.length) + 1 + count)] ?? text.length;
  if (del) return { at: a, remove: Math.max(0, b - a), insert: '' };
  const chunk = text.slice(a, b);
  return { at: starts[to % starts.length], remove: 0, insert: chunk.endsWith('\n') ? chunk : chunk + '\n' };
}

test('changedRegion finds the smallest differing region', () => {
  assert.deepEqual(changedRegion('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changedRegion('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
  assert.deepEqual(changedRegion('abcd', 'ad'), { start: 1, oldEnd: 3, newEnd: 1 });
});

test('random single-character edits: the incremental lint equals a fresh lint after every edit', () => {
  fc.assert(
    fc.property(fc.constantFrom(...TEXTS.keys()), fc.array(charEdit, { minLength: 1, maxLength: 12 }), (which, edits) => {
      let text = TEXTS[which];
      let state = relintInventory(undefined, text, OPTIONS);
      for (const e of edits) {
        text = apply(text, e);
        state = relintInventory(state, text, OPTIONS);
        assertSameAsFull(state, text, JSON.stringify(e));
      }
    }),
    { numRuns: RUNS },
  );
});

test('whole lines and items pasted and deleted: the incremental lint equals a fresh lint', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...TEXTS.keys()),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 }), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 8 }),
      (which, edits) => {
        let text = TEXTS[which];
        let state = relintInventory(undefined, text, OPTIONS);
        for (const [from, count, to, del] of edits) {
          const e = lineEdit(text, from, count, to, del);
          text = apply(text, e);
          state = relintInventory(state, text, OPTIONS);
          assertSameAsFull(state, text, JSON.stringify(e));
        }
      },
    ),
    { numRuns: RUNS },
  );
});

test('the fuzzed edits went through each way of relinting', () => {
  for (const mode of ['items', 'keys', 'full'] as const) assert.ok((modesSeen.get(mode) ?? 0) > 0, `${mode}: ${JSON.stringify([...modesSeen])}`);
});

/** Lints `before`, then `after`, checks the result against a fresh lint and returns the mode. */
function modeOf(before: string, after: string, options: LintOptions = OPTIONS): RelintMode {
  const state = relintInventory(relintInventory(undefined, before, options), after, options);
  assertSameAsFull(state, after, 'the edit');
  return state.mode;
}

const BASE = EXAMPLES[0];

test('an edit inside one item re-parses that item only', () => {
  const at = BASE.indexOf('RDSH');
  assert.ok(at > 0);
  assert.equal(modeOf(BASE, BASE.slice(0, at) + 'X' + BASE.slice(at)), 'items');
  // Deleting a whole item, and pasting one.
  const item = /\n( {2}- name: RDSH[^\n]*\n(?: {4}[^\n]*\n)+)/.exec(BASE)!;
  assert.equal(modeOf(BASE, BASE.replace(item[1], '')), 'items');
  assert.equal(modeOf(BASE, BASE.replace(item[1], item[1] + item[1])), 'items');
});

test('an edit of a top-level scalar re-parses that key only', () => {
  assert.equal(modeOf(BASE, BASE.replace(/^organization: .*$/m, 'organization: Contoso SA')), 'keys');
  // A new key is re-parsed too, unless it repeats a key outside the edit (a YAML error).
  assert.equal(modeOf(BASE, BASE.replace(/^organization: .*$/m, 'organization: Contoso\ncontact: it@contoso.example')), 'keys');
  assert.equal(modeOf(BASE, BASE.replace(/^organization: .*$/m, 'organization: Contoso\nmigrations: []')), 'full');
});

test('edits that cannot be localised fall back to a full parse, with the same findings', () => {
  // An unclosed quote (syntax error), then closing it again: the second edit is applied to the
  // last clean parse.
  const at = BASE.indexOf('RDSH');
  const broken = BASE.slice(0, at) + '"' + BASE.slice(at);
  const s1 = relintInventory(relintInventory(undefined, BASE, OPTIONS), broken, OPTIONS);
  assert.equal(s1.mode, 'full');
  assertSameAsFull(s1, broken, 'an unclosed quote');
  const fixed = BASE.slice(0, at) + 'Y' + BASE.slice(at);
  const s2 = relintInventory(s1, fixed, OPTIONS);
  assert.equal(s2.mode, 'items');
  assertSameAsFull(s2, fixed, 'the quote removed');
  // Anchors and aliases, directives, an edit before the first key, a dedent out of the item.
  assert.equal(modeOf(BASE, BASE.replace('licenseServers:', 'licenseServers: &servers')), 'full');
  assert.equal(modeOf('%YAML 1.2\n---\n' + BASE, '%YAML 1.2\n---\n' + BASE.replace(/^organization: .*$/m, 'organization: X')), 'full');
  assert.equal(modeOf('# head\n' + BASE, '# head!\n' + BASE), 'full');
  // Input limits: nesting near the limit, a file over the size limit.
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  for (const n of [10, 59, 60, 61, 62, 70]) {
    const nested = BASE.replace(/^( {4}os: )2022$/m, `$1${deep(n)}`);
    const mode = modeOf(BASE, nested);
    assert.equal(mode, n === 10 ? 'items' : 'full', `nesting ${n}`);
  }
  assert.equal(modeOf(BASE, BASE.replace(/^organization: .*$/m, `organization: "${'x'.repeat(INPUT_LIMITS.maxFileBytes)}"`)), 'full');
  const line = /\n( {4}os: [^\n]*)\n/.exec(BASE)!;
  assert.notEqual(modeOf(BASE, BASE.replace(line[1], line[1].trimStart())), 'items');
});

test('a suppression comment typed in an item takes effect at once', () => {
  const edited = TRICKY.replace('      issued: 12', '      # rdslic-disable-next-line RDS308\n      issued: 12');
  assert.ok(lintInventory(TRICKY, OPTIONS).findings.some((f) => f.ruleId === 'RDS308'));
  assert.equal(modeOf(TRICKY, edited), 'items');
});

test('the same text with other rule settings re-uses the parse', () => {
  const s1 = relintInventory(undefined, BASE, OPTIONS);
  const options = { ...OPTIONS, rules: { RDS403: 'off' as const, RDS302: 'info' as const } };
  const s2 = relintInventory(s1, BASE, options);
  assert.equal(s2.mode, 'same-text');
  assert.equal(s2.result.parsed, s1.result.parsed);
  assert.deepEqual(s2.result.findings, lintInventory(BASE, options).findings);
});
