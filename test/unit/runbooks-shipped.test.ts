// The shipped runbooks (runbooks/en, runbooks/fr) are what an admin follows during an incident:
// each one must parse, carry valid front matter, be a real checklist, use only documented
// placeholders, never contain a product key, and the English and French versions must have the
// same shape so that a team can switch language mid-procedure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import Ajv from 'ajv';
import MarkdownIt from 'markdown-it';
import { WINDOWS_VERSIONS } from '../../src/core/domain/versions';

const ROOT = path.resolve(__dirname, '../../..');
const RUNBOOKS = path.join(ROOT, 'runbooks');
const SCHEMA_PATH = path.join(ROOT, 'schemas', 'runbook.schema.json');
const LANGS = ['en', 'fr'] as const;
const REQUIRED_FRONT_MATTER = ['title', 'lang', 'applies-to', 'inventory', 'server', 'summary'];
/** The runbooks issue 5 asks for; more may be shipped. */
const EXPECTED = [
  'activate-license-server',
  'install-cal-packs',
  'migrate-cals-source-replaced',
  'migrate-cals-source-not-running',
  'recover-lost-cals',
  'reissue-device-cals-after-reinstall',
  'rebuild-license-database',
  'configure-session-hosts',
  'backup-restore-licensing',
  'troubleshooting',
];

interface Shape {
  frontMatter: Record<string, unknown>;
  steps: number;
  fenceLangs: string[];
  headings: number;
  /** Heading levels in order ('h1', 'h2'…), to compare the outline of a translation. */
  outline: string[];
  /** Steps under each heading, in order: a translation keeps each step in its section. */
  stepsPerSection: number[];
  body: string;
}

const markdown = new MarkdownIt();

function readRunbook(file: string): Shape {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  assert.ok(m, `${file}: starts with a YAML front matter block between '---' lines`);
  const frontMatter = parseYaml(m[1]) as Record<string, unknown>;
  const body = text.slice(m[0].length);
  const tokens = markdown.parse(body, {});
  let steps = 0;
  let headings = 0;
  const fenceLangs: string[] = [];
  const outline: string[] = [];
  const stepsPerSection: number[] = [0];
  tokens.forEach((t, i) => {
    if (t.type === 'fence') fenceLangs.push(t.info.trim().split(/\s+/)[0] ?? '');
    if (t.type === 'heading_open') {
      headings++;
      outline.push(t.tag);
      stepsPerSection.push(0);
    }
    if (t.type === 'list_item_open') {
      // A GFM task item: the item's first paragraph starts with "[ ] " or "[x] ".
      const inline = tokens[i + 2];
      if (tokens[i + 1]?.type === 'paragraph_open' && inline?.type === 'inline' && /^\[[ xX]\] /.test(inline.content)) {
        steps++;
        stepsPerSection[stepsPerSection.length - 1]++;
      }
    }
  });
  return { frontMatter, steps, fenceLangs, headings, outline, stepsPerSection, body };
}

function runbookNames(lang: string): string[] {
  const dir = path.join(RUNBOOKS, lang);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.runbook.md'))
    .map((f) => f.slice(0, -'.runbook.md'.length))
    .sort();
}

/** Placeholders documented in runbooks/README.md (the table rows starting with `{{...}}`). */
function documentedPlaceholders(): Set<string> {
  const readme = fs.readFileSync(path.join(RUNBOOKS, 'README.md'), 'utf8');
  return new Set([...readme.matchAll(/^\|\s*`\{\{([a-zA-Z.]+)\}\}`/gm)].map((m) => m[1]));
}

const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test('every runbook the issue asks for is shipped in English and French, with the same file names', () => {
  const en = runbookNames('en');
  const fr = runbookNames('fr');
  assert.deepEqual(fr, en, 'runbooks/en and runbooks/fr hold the same file names');
  for (const name of EXPECTED) assert.ok(en.includes(name), `runbooks/en/${name}.runbook.md is shipped`);
});

test('the schema knows exactly the Windows Server version names of the domain table', () => {
  const names = schema.properties['applies-to'].items.anyOf[0].enum;
  assert.deepEqual(names, [...WINDOWS_VERSIONS]);
  const years = schema.properties['applies-to'].items.anyOf[1].enum;
  assert.deepEqual(years, WINDOWS_VERSIONS.filter((v) => /^\d{4}$/.test(v)).map(Number));
});

test('the schema accepts placeholders and relative inventory paths, and rejects what a template must not carry', () => {
  const base = { title: 'T', lang: 'en' };
  assert.ok(validate({ ...base, inventory: 'inventory.rdslic.yaml', server: '{{server.name}}' }));
  assert.ok(validate({ ...base, inventory: '../sites/paris.rdslic.yml', server: 'LICSRV01.contoso.local' }));
  assert.ok(validate({ ...base, inventory: '{{ inventory.path }}', 'applies-to': ['2012 R2', 2022] }));
  assert.equal(validate({ ...base, lang: 'de' }), false, 'lang is en or fr');
  assert.equal(validate({ ...base, inventory: 'C:/inv/site.rdslic.yaml' }), false, 'no absolute Windows path');
  assert.equal(validate({ ...base, inventory: '/srv/site.rdslic.yaml' }), false, 'no absolute path');
  assert.equal(validate({ ...base, inventory: 'https://x.invalid/a.rdslic.yaml' }), false, 'no URL');
  assert.equal(validate({ ...base, server: 'LIC SRV' }), false, 'no space in a server name');
  assert.equal(validate({ ...base, 'applies-to': ['2023'] }), false, 'unknown version');
  assert.equal(validate({ ...base, 'applies-to': [] }), false, 'at least one version');
  assert.equal(validate({ lang: 'en' }), false, 'title is required');
});

test('every property of the runbook schema has a title and a description (they feed hovers)', () => {
  for (const [key, prop] of Object.entries<{ title?: string; description?: string }>(schema.properties)) {
    assert.ok(prop.title && prop.description, `property ${key} has title and description`);
  }
});

for (const lang of LANGS) {
  for (const name of runbookNames(lang)) {
    const rel = `runbooks/${lang}/${name}.runbook.md`;
    test(`${rel}: valid front matter, a real checklist, documented placeholders, no product key`, () => {
      const rb = readRunbook(path.join(ROOT, rel));
      const ok = validate(rb.frontMatter);
      assert.ok(ok, `${rel}: front matter is valid: ${JSON.stringify(validate.errors)}`);
      for (const key of REQUIRED_FRONT_MATTER) assert.ok(key in rb.frontMatter, `${rel}: front matter has '${key}'`);
      assert.equal(rb.frontMatter.lang, lang, `${rel}: lang matches its folder`);
      assert.ok(rb.steps >= 5, `${rel}: at least five steps (found ${rb.steps})`);
      assert.ok(rb.headings >= 3, `${rel}: steps are grouped under headings`);
      for (const l of rb.fenceLangs) {
        assert.ok(['powershell', 'cmd', 'text', 'yaml'].includes(l), `${rel}: code block language '${l}' is powershell, cmd, text or yaml`);
      }

      const documented = documentedPlaceholders();
      for (const m of rb.body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
        assert.ok(documented.has(m[1]), `${rel}: placeholder {{${m[1]}}} is listed in runbooks/README.md`);
      }

      // A 5x5 code is a secret: only fully masked forms (XXXXX-…, optionally the last 5) may appear.
      const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
      for (const m of text.matchAll(/(?<![A-Za-z0-9])([A-Z0-9]{5})-?([A-Z0-9]{5})-?([A-Z0-9]{5})-?([A-Z0-9]{5})-?([A-Z0-9]{5})(?![A-Za-z0-9])/g)) {
        const masked = m.slice(1, 5).every((g) => /^X{5}$/.test(g));
        assert.ok(masked, `${rel}: '${m[0]}' looks like a full 25-character product key`);
      }
    });
  }
}

for (const name of runbookNames('en')) {
  test(`${name}: English and French have the same steps and code cells, in the same order`, () => {
    const en = readRunbook(path.join(RUNBOOKS, 'en', `${name}.runbook.md`));
    const frFile = path.join(RUNBOOKS, 'fr', `${name}.runbook.md`);
    assert.ok(fs.existsSync(frFile), `runbooks/fr/${name}.runbook.md exists`);
    const fr = readRunbook(frFile);
    assert.equal(fr.steps, en.steps, 'same number of steps');
    assert.deepEqual(fr.stepsPerSection, en.stepsPerSection, 'same number of steps under each heading');
    assert.deepEqual(fr.fenceLangs, en.fenceLangs, 'same code blocks, same languages, same order');
    assert.deepEqual(fr.outline, en.outline, 'same headings, same levels, same order');
    assert.deepEqual(fr.frontMatter['applies-to'], en.frontMatter['applies-to'], 'same versions');
    assert.equal(fr.frontMatter.server, en.frontMatter.server, 'same server');
    assert.equal(fr.frontMatter.inventory, en.frontMatter.inventory, 'same inventory');
  });
}
