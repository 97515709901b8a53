import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { buildInventory, decodeText, readWmiJson, renderInventory } from '../../src/core/import';
import { buildReport, renderHtml, renderMarkdown } from '../../src/core/report';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/wmi');
const BIN = path.join(ROOT, 'bin', 'rdslic.js');
const TODAY = '2026-11-22';

const SITE = `kind: RdsLicensingInventory
version: 1
organization: Contoso <script>alert(1)</script> & "Co"
licenseServers:
  - name: LICSRV01.contoso.local
    os: 2022
    status: active
    packs:
      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        program: enterpriseAgreement
        agreementNumber: "1234567"
        type: perUser
        version: 2022
        quantity: 20
        issued: 14
      - program: retail
        retailCodeLast5: "WXY23"
        type: perDevice
        version: 2019
        quantity: 10
        notes: "bought with code BCDFG-HJKMP-QRTVW-XY234-6789B"
  - name: LICSRV-OLD.contoso.local
    os: 2016
    status: lost
    packs:
      - program: select
        agreementNumber: "7654321"
        type: perUser
        version: 2016
        quantity: 40
sessionHosts:
  - name: RDSH01.contoso.local
    os: 2022
    licensingMode: perUser
    licenseServers: [LICSRV01.contoso.local]
    configuredBy: gpo
    deployed: 2026-09-01
  - name: RDSH02.contoso.local
    os: 2019
    licensingMode: perDevice
    licenseServers: [LICSRV01.contoso.local]
    configuredBy: registry
    deployed: 2026-01-05
migrations:
  - id: MIG-2026-01
    from: LICSRV-OLD.contoso.local
    to: LICSRV01.contoso.local
    reason: sourceNotRunning
    method: telephone
    state: waitingForClearinghouse
    licenses: 40
    started: 2026-11-01
`;

function siteReport() {
  return buildReport([{ file: 'site.rdslic.yaml', text: SITE }], TODAY);
}

/** The chart's bars as [version, type, value], read back from the SVG. */
function chartBars(html: string): [string, string, number][] {
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  return [...svg.matchAll(/<g class="bar" data-version="([^"]*)" data-type="([^"]*)" data-value="(\d+)">[\s\S]*?<text[^>]*>(\d+)<\/text><\/g>/g)].map((m) => {
    assert.equal(m[3], m[4], 'the label shows the bar value');
    return [m[1], m[2], Number(m[3])];
  });
}

test('HTML is well-formed, self-contained (no script, no external resource) and escaped', () => {
  const html = renderHtml(siteReport());
  const valid = XMLValidator.validate(html);
  assert.equal(valid, true, JSON.stringify(valid));
  assert.doesNotMatch(html, /https?:|\bsrc=|<script|<link|url\(|@import/i);
  assert.match(html, /Contoso &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;Co&quot;/);
  assert.match(html, /<style>/);
});

test('HTML for a webview: a Content-Security-Policy that allows only the page\'s own style, by nonce', () => {
  const html = renderHtml(siteReport(), { styleNonce: 'abc+/=' });
  const head = html.slice(0, html.indexOf('</head>'));
  assert.match(head, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc\+\/='" \/>/);
  assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('<style'), 'the policy comes before the style');
  assert.match(head, /<style nonce="abc\+\/=">/);
  assert.equal(XMLValidator.validate(html), true);
  // Without the option, the standalone page is unchanged: no policy, a plain <style>.
  assert.doesNotMatch(renderHtml(siteReport()), /Content-Security-Policy|nonce=/);
});

test('the chart bars equal the totals in service, by version and type', () => {
  const data = siteReport();
  const bars = chartBars(renderHtml(data));
  assert.deepEqual(
    bars,
    data.totals.overall.map((t) => [t.version, t.type, t.quantity]),
  );
  assert.deepEqual(bars, [
    ['2019', 'perDevice', 10],
    ['2022', 'perUser', 20],
  ]);
});

test('references are masked: no full key pack ID, agreement number or retail code in either format', () => {
  const data = siteReport();
  for (const out of [renderHtml(data), renderMarkdown(data)]) {
    assert.doesNotMatch(out, /7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E|1234567|7654321|BCDFG-HJKMP-QRTVW-XY234/);
    assert.match(out, /agreement …567/);
  }
});

test('Markdown: totals in service, lost server apart, hosts by mode, grace ends, pending migration, findings', () => {
  const md = renderMarkdown(siteReport());
  assert.match(md, /^# RDS licensing report — Contoso &lt;script&gt;/m);
  assert.match(md, /\| 2022 \| per user \| 20 \| 14 \/ 20 \| 1 \|/);
  assert.match(md, /Total: 30 CALs\./);
  assert.match(md, /Not counted above[\s\S]*\| 2016 \| per user \| 40 \|/);
  assert.match(md, /\| Per User \(4\) \| 1 \| RDSH01\.contoso\.local \|/);
  assert.match(md, /\| RDSH02\.contoso\.local \| 2026-01-05 \| 2026-05-05 \| ended 201 days ago \|/);
  assert.match(md, /\| RDSH01\.contoso\.local \| 2026-09-01 \| 2026-12-30 \| 38 days left \|/);
  assert.match(md, /\| MIG-2026-01 \| LICSRV-OLD\.contoso\.local \| LICSRV01\.contoso\.local \| waitingForClearinghouse \|/);
  assert.match(md, /## Findings\n\n\d+ errors?, \d+ warnings?, \d+ infos? \(rdslic lint\)\./);
});

test('findings summary: one of a kind is singular ("1 info", "1 warning"), in both formats', () => {
  // Only a backup verified long ago: one info (RDS405), nothing else.
  const text = `kind: RdsLicensingInventory
version: 1
organization: X
licenseServers:
  - name: A.x.local
    os: 2022
    status: active
    backup: { method: systemState, includesRegistry: true, lastVerified: 2020-01-01 }
`;
  const data = buildReport([{ file: 'one.rdslic.yaml', text }], TODAY);
  const { error, warning, info } = data.findings.bySeverity;
  const expected = `${error === 1 ? '1 error' : `${error} errors`}, ${warning === 1 ? '1 warning' : `${warning} warnings`}, ${info === 1 ? '1 info' : `${info} infos`} (rdslic lint).`;
  assert.equal(info, 1, JSON.stringify(data.findings));
  assert.ok(renderMarkdown(data).includes(expected), renderMarkdown(data));
  assert.ok(renderHtml(data).includes(`<p>${expected}</p>`));
  assert.doesNotMatch(renderMarkdown(data), /\b1 (infos|warnings|errors)\b/);
});

test('findings summary comes from lintInventory: a schema error is counted with its first place', () => {
  const data = buildReport([{ file: 'bad.rdslic.yaml', text: 'kind: RdsLicensingInventory\nversion: 1\norganization: X\nlicenseServers:\n  - name: A\n    status: sleeping\n' }], TODAY);
  assert.ok(data.findings.bySeverity.error >= 1);
  const first = data.findings.byRule.find((r) => r.severity === 'error');
  assert.equal(first?.firstAt, 'bad.rdslic.yaml:6');
});

test('round trip: WMI export → import → report gives the WMI numbers (built-in pack not counted)', () => {
  const files = ['collector-license-server.json', 'collector-session-host-gpo.json', 'collector-session-host-local.json'];
  const collections = files.map((f) => readWmiJson(decodeText(fs.readFileSync(path.join(FIXTURES, f))).text, f));
  const imported = buildInventory(collections);
  const yaml = renderInventory(imported.inventory, imported.todos);
  const data = buildReport([{ file: 'imported.rdslic.yaml', text: yaml }], TODAY);
  // From the export: 2022 per user = packs 3 (20, 14 issued) + 4 (20, 9 issued); 2019 per device = pack 5 (10, 10 issued).
  assert.deepEqual(
    data.totals.overall.map((t) => [t.version, t.type, t.quantity, t.issued, t.issuedOf]),
    [
      ['2019', 'perDevice', 10, 10, 10],
      ['2022', 'perUser', 40, 23, 40],
    ],
  );
  const wmiTotal = collections[0].keyPacks.filter((k) => k.keyPackType !== 6).reduce((n, k) => n + (k.totalLicenses as number), 0);
  assert.equal(data.totals.overallQuantity, wmiTotal);
  assert.deepEqual(data.totals.hostsByMode.map((g) => [g.mode, g.hosts]), [['perUser', ['RDSH01.contoso.local']], ['perDevice', ['RDSH02.contoso.local']]]);
  assert.equal(data.findings.bySeverity.error, 0);
  assert.deepEqual(chartBars(renderHtml(data)), [['2019', 'perDevice', 10], ['2022', 'perUser', 40]]);
});

test('rdslic report: a folder, --format html --out, --today; bad format is exit 2', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-report-'));
  fs.writeFileSync(path.join(dir, 'site.rdslic.yaml'), SITE);
  const out = path.join(dir, 'report.html');
  const r = spawnSync(process.execPath, [BIN, 'report', dir, '--format', 'html', '--out', out, '--today', TODAY], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(XMLValidator.validate(fs.readFileSync(out, 'utf8')), true);
  const md = spawnSync(process.execPath, [BIN, 'report', 'site.rdslic.yaml', '--today', TODAY], { cwd: dir, encoding: 'utf8' });
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /As of 2026-11-22, from site\.rdslic\.yaml\./);
  const bad = spawnSync(process.execPath, [BIN, 'report', dir, '--format', 'pdf'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown format 'pdf'/);
  const none = spawnSync(process.execPath, [BIN, 'report', path.join(dir, 'nope.rdslic.yaml')], { encoding: 'utf8' });
  assert.equal(none.status, 2);
});

test('rdslic report --lang fr writes the report in French', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-report-fr-'));
  fs.writeFileSync(path.join(dir, 'site.rdslic.yaml'), SITE);
  const r = spawnSync(process.execPath, [BIN, 'report', 'site.rdslic.yaml', '--lang', 'fr', '--today', TODAY, '--format', 'html'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /<html lang="fr">/);
  assert.match(r.stdout, /<h2>CAL en service<\/h2>/);
  assert.match(r.stdout, /par utilisateur/);
  // A server's status is a word of the report's language too, in both forms.
  assert.match(r.stdout, /\(perdu, Windows Server /);
  assert.doesNotMatch(r.stdout, /\((lost|active), /);
  const md = spawnSync(process.execPath, [BIN, 'report', 'site.rdslic.yaml', '--lang', 'fr', '--today', TODAY], { cwd: dir, encoding: 'utf8' });
  assert.match(md.stdout, /\(actif, Windows Server /);
  assert.match(md.stdout, /\(perdu, Windows Server /);
});
