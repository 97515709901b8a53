// A full retail product key pasted where it does not belong (the organization, a server name, a
// runbook step or title) never leaves rdslic in full: `rdslic report` (Markdown and HTML) and
// `rdslic runbook status` (text and JSON) show only its last five characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');
const TODAY = '2026-11-22';

const KEY = '7K2QH-4M9PX-R3T8W-C6VJD-1NB5F';
const COMPACT = KEY.replace(/-/g, '');
const MASKED = 'XXXXX-XXXXX-XXXXX-XXXXX-1NB5F';

/** No full key in `output`, grouped or compact, nor its first four groups (a truncated leak). */
function assertNoFullKey(output: string, what: string): void {
  assert.ok(!output.includes(KEY), `${what} prints the full key`);
  assert.ok(!output.includes(COMPACT), `${what} prints the full key without hyphens`);
  assert.ok(!output.includes('7K2QH-4M9PX'), `${what} prints the start of the key`);
}

function rdslic(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
}

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-secrets-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const INVENTORY = `kind: RdsLicensingInventory
version: 1
organization: "Contoso ${KEY}"
licenseServers:
  - name: ${KEY}
    os: 2022
    status: active
    packs:
      - type: perUser
        version: 2022
        quantity: 20
sessionHosts:
  - name: RDSH01.contoso.local
    os: 2022
    licensingMode: perUser
    licenseServers: [${COMPACT}]
`;

test('rdslic report (Markdown and HTML): the key in organization and in a server name is masked, title and h1 included', (t) => {
  const dir = workspace({ 'site.rdslic.yaml': INVENTORY });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const md = rdslic(dir, 'report', 'site.rdslic.yaml', '--today', TODAY);
  assert.equal(md.status, 0, md.stderr);
  assertNoFullKey(md.stdout + md.stderr, 'report --format md');
  const title = md.stdout.split('\n')[0];
  assert.match(title, /^# RDS licensing report — Contoso XXXXX-XXXXX-XXXXX-XXXXX-1NB5F$/);
  assert.match(md.stdout, /### XXXXX-XXXXX-XXXXX-XXXXX-1NB5F /);

  const html = rdslic(dir, 'report', 'site.rdslic.yaml', '--today', TODAY, '--format', 'html');
  assert.equal(html.status, 0, html.stderr);
  assertNoFullKey(html.stdout + html.stderr, 'report --format html');
  assert.match(html.stdout, new RegExp(`<title>[^<]*Contoso ${MASKED}</title>`));
  assert.match(html.stdout, new RegExp(`<h1>[^<]*Contoso ${MASKED}</h1>`));
});

const RUNBOOK = `---
title: Install the retail pack ${KEY}
---
# Install

- [x] Open the license manager
- [ ] Type the retail code ${KEY} on the Obtain Client License Key Pack page
`;

test('rdslic runbook status (text and JSON): the next step and the title show only the last five characters', (t) => {
  const dir = workspace({ 'install.runbook.md': RUNBOOK });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const text = rdslic(dir, 'runbook', 'status', '.');
  assert.equal(text.status, 0, text.stderr);
  assertNoFullKey(text.stdout + text.stderr, 'runbook status');
  assert.match(text.stdout, /next: line 7: Type the retail code XXXXX-XXXXX-XXXXX-XXXXX-1NB5F/);

  const json = rdslic(dir, 'runbook', 'status', '--format', 'json', '.');
  assert.equal(json.status, 0, json.stderr);
  assertNoFullKey(json.stdout + json.stderr, 'runbook status --format json');
  const [status] = JSON.parse(json.stdout);
  assert.equal(status.title, `Install the retail pack ${MASKED}`);
  assert.deepEqual(status.nextStep, { line: 7, text: `Type the retail code ${MASKED} on the Obtain Client License Key Pack page` });
});
