// The report as one self-contained HTML page: inline CSS, an inline SVG bar chart, no script,
// no external resource (it is opened from disk, attached to tickets, shown in a webview with a
// strict content security policy). Written as well-formed XHTML-compatible markup, every
// value escaped.
import * as l10n from '@vscode/l10n';
import type { ReportData } from './build';
import { daysLeftLabel, findingCountsLabel, issuedLabel, modeLabel, statusLabel, typeLabel, versionLabel } from './labels';
import type { CalTotal } from './totals';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
html { background: #fff; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a202c; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #cbd5e0; padding-bottom: .2rem; }
h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #cbd5e0; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #edf2f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #4a5568; }
.sev-error { color: #c53030; font-weight: 600; }
.sev-warning { color: #b7791f; }
.ended { color: #c53030; font-weight: 600; }
svg text { font: 12px system-ui, sans-serif; fill: #1a202c; }
.bar-perDevice { fill: #2b6cb0; }
.bar-perUser { fill: #dd6b20; }
.bar-unknown { fill: #718096; }
@media print { body { margin: 0; } }
`;

type Cell = string | number | undefined;

function table(head: string[], rows: Cell[][], numeric: number[] = []): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c === undefined || c === '' ? '—' : escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function totalsTable(totals: CalTotal[]): string {
  return table(
    [l10n.t('CAL version'), l10n.t('Type'), l10n.t('CALs'), l10n.t('Issued / CALs'), l10n.t('Packs')],
    totals.map((t) => [versionLabel(t.version), typeLabel(t.type), t.quantity, issuedLabel(t), t.packs]),
    [2, 4],
  );
}

const TYPES = ['perDevice', 'perUser', '?'];

/** Grouped bars: one group per CAL version, one bar per CAL type, the value written above. */
export function renderChart(totals: CalTotal[]): string {
  if (totals.length === 0) return `<p>${escapeHtml(l10n.t('No CAL packs to chart.'))}</p>`;
  const versions = [...new Set(totals.map((t) => t.version))];
  const types = TYPES.filter((type) => totals.some((t) => t.type === type));
  const max = Math.max(1, ...totals.map((t) => t.quantity));
  const bar = 26;
  const gap = 6;
  const groupGap = 28;
  const plot = 180;
  const left = 16;
  const top = 24;
  const groupWidth = types.length * bar + (types.length - 1) * gap;
  const width = left * 2 + versions.length * groupWidth + (versions.length - 1) * groupGap;
  const legendY = top + plot + 44;
  const height = legendY + 16;
  const parts: string[] = [];
  versions.forEach((version, vi) => {
    const gx = left + vi * (groupWidth + groupGap);
    types.forEach((type, ti) => {
      const total = totals.find((t) => t.version === version && t.type === type);
      if (!total) return;
      const h = Math.round((total.quantity / max) * plot);
      const x = gx + ti * (bar + gap);
      const y = top + plot - h;
      const cls = type === '?' ? 'unknown' : type;
      const label = `${versionLabel(version)}, ${typeLabel(type)}: ${total.quantity}`;
      parts.push(
        `<g class="bar" data-version="${escapeHtml(version)}" data-type="${escapeHtml(type)}" data-value="${total.quantity}">` +
          `<title>${escapeHtml(label)}</title>` +
          `<rect class="bar-${cls}" x="${x}" y="${y}" width="${bar}" height="${h}" />` +
          `<text x="${x + bar / 2}" y="${y - 4}" text-anchor="middle">${total.quantity}</text></g>`,
      );
    });
    parts.push(`<text x="${gx + groupWidth / 2}" y="${top + plot + 18}" text-anchor="middle">${escapeHtml(versionLabel(version))}</text>`);
  });
  parts.push(`<line x1="${left - 4}" y1="${top + plot}" x2="${width - left + 4}" y2="${top + plot}" stroke="#4a5568" />`);
  let lx = left;
  for (const type of types) {
    const cls = type === '?' ? 'unknown' : type;
    parts.push(`<rect class="bar-${cls}" x="${lx}" y="${legendY - 10}" width="12" height="12" /><text x="${lx + 16}" y="${legendY}">${escapeHtml(typeLabel(type))}</text>`);
    lx += 110;
  }
  const w = Math.max(width, lx);
  const title = l10n.t('CALs in service by version and type');
  return (
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${w}" height="${height}" viewBox="0 0 ${w} ${height}">` +
    `<title>${escapeHtml(title)}</title>\n${parts.join('\n')}\n</svg>`
  );
}

export interface HtmlOptions {
  /**
   * For a webview: a Content-Security-Policy that allows nothing but the page's own <style>,
   * which carries this nonce (the page has no script and loads nothing).
   */
  styleNonce?: string;
}

export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
  const { totals } = data;
  const title = l10n.t('RDS licensing report') + (data.organizations.length > 0 ? ` — ${data.organizations.join(', ')}` : '');
  const s: string[] = [];
  s.push(`<h1>${escapeHtml(title)}</h1>`);
  s.push(`<p class="meta">${escapeHtml(l10n.t('As of {0}, from {1}.', data.today, data.files.join(', ')))}</p>`);

  s.push(`<h2>${escapeHtml(l10n.t('CALs in service'))}</h2>`);
  s.push(`<figure>${renderChart(totals.overall)}</figure>`);
  if (totals.overall.length === 0) s.push(`<p>${escapeHtml(l10n.t('No CAL packs on a license server in service.'))}</p>`);
  else s.push(totalsTable(totals.overall), `<p>${escapeHtml(l10n.t('Total: {0} CALs.', totals.overallQuantity))}</p>`);
  if (totals.outOfService.length > 0) {
    s.push(`<p>${escapeHtml(l10n.t('Not counted above: CALs on license servers that are not in service (lost, decommissioned, reinstalled) until they are migrated or reissued:'))}</p>`);
    s.push(totalsTable(totals.outOfService));
  }

  s.push(`<h2>${escapeHtml(l10n.t('By license server'))}</h2>`);
  if (totals.servers.length === 0) s.push(`<p>${escapeHtml(l10n.t('No license server.'))}</p>`);
  for (const server of totals.servers) {
    const facts = [statusLabel(server.status), server.os ? `Windows Server ${server.os}` : undefined].filter(Boolean).join(', ');
    s.push(`<h3>${escapeHtml(server.name)} <span class="meta">(${escapeHtml(facts)})</span></h3>`);
    if (server.totals.length === 0) s.push(`<p>${escapeHtml(l10n.t('No CAL packs.'))}</p>`);
    else s.push(totalsTable(server.totals), `<p>${escapeHtml(l10n.t('Total: {0} CALs.', server.quantity))}</p>`);
  }

  if (data.packs.length > 0) {
    s.push(`<h2>${escapeHtml(l10n.t('CAL packs'))}</h2>`);
    s.push(
      table(
        [l10n.t('License server'), l10n.t('Local ID'), l10n.t('Program'), l10n.t('Reference (masked)'), l10n.t('Type'), l10n.t('CAL version'), l10n.t('CALs'), l10n.t('Issued'), l10n.t('Installed')],
        data.packs.map((p) => [p.server, p.localId, p.program, p.reference, typeLabel(p.type), versionLabel(p.version), p.quantity, p.issued, p.installed]),
        [1, 6, 7],
      ),
    );
  }

  s.push(`<h2>${escapeHtml(l10n.t('Session hosts by licensing mode'))}</h2>`);
  if (totals.hostsByMode.length === 0) s.push(`<p>${escapeHtml(l10n.t('No session host.'))}</p>`);
  else s.push(table([l10n.t('Licensing mode'), l10n.t('Hosts'), l10n.t('Names')], totals.hostsByMode.map((g) => [modeLabel(g.mode), g.hosts.length, g.hosts.join(', ')]), [1]));

  s.push(`<h2>${escapeHtml(l10n.t('Grace periods (120 days from deployment)'))}</h2>`);
  if (totals.grace.length === 0) s.push(`<p>${escapeHtml(l10n.t('No session host with a deployment date.'))}</p>`);
  else
    s.push(
      table(
        [l10n.t('Session host'), l10n.t('Start'), l10n.t('End'), l10n.t('Status'), l10n.t('License servers')],
        totals.grace.map((g) => [g.host, g.start, g.end, daysLeftLabel(g.daysLeft), g.licenseServers.join(', ')]),
      ),
    );

  s.push(`<h2>${escapeHtml(l10n.t('Pending migrations'))}</h2>`);
  if (totals.pendingMigrations.length === 0) s.push(`<p>${escapeHtml(l10n.t('None.'))}</p>`);
  else
    s.push(
      table(
        [l10n.t('ID'), l10n.t('From'), l10n.t('To'), l10n.t('State'), l10n.t('Reason'), l10n.t('Method'), l10n.t('CALs'), l10n.t('Started'), l10n.t('Days open'), l10n.t('Runbook')],
        totals.pendingMigrations.map((m) => [m.id, m.from, m.to, m.state, m.reason, m.method, m.licenses, m.started, m.daysOpen, m.runbook]),
        [6, 8],
      ),
    );

  const f = data.findings;
  s.push(`<h2>${escapeHtml(l10n.t('Findings'))}</h2>`);
  s.push(`<p>${escapeHtml(findingCountsLabel(f.bySeverity))}</p>`);
  if (f.byRule.length > 0) {
    s.push(
      table(
        [l10n.t('Rule'), l10n.t('Severity'), l10n.t('Count'), l10n.t('First at'), l10n.t('Message')],
        f.byRule.map((r) => [r.ruleId, r.severity, r.count, r.firstAt, r.firstMessage]),
        [2],
      ),
    );
  }

  return [
    '<!DOCTYPE html>',
    // The language of the bundle in use (the French bundle translates it to "fr").
    `<html lang="${escapeHtml(l10n.t('en'))}">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    ...(options.styleNonce !== undefined
      ? [`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${escapeHtml(options.styleNonce)}'" />`]
      : []),
    `<title>${escapeHtml(title)}</title>`,
    options.styleNonce !== undefined ? `<style nonce="${escapeHtml(options.styleNonce)}">${CSS}</style>` : `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...s,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
