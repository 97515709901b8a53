// The report as GitHub-flavoured Markdown (for a pull request, a wiki, a ticket).
import * as l10n from '@vscode/l10n';
import type { ReportData } from './build';
import { daysLeftLabel, findingCountsLabel, issuedLabel, modeLabel, statusLabel, typeLabel, versionLabel } from './labels';
import type { CalTotal } from './totals';

/** A table cell: pipes and line breaks would break the table, `<` would start HTML. */
function cell(value: string | number | undefined): string {
  if (value === undefined || value === '') return '—';
  return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

/** Running text outside tables: Markdown emphasis, links and HTML stay literal. */
function inline(value: string): string {
  return value.replace(/[\\`*_[\]<>#|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

function table(head: string[], rows: (string | number | undefined)[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

function totalsTable(totals: CalTotal[]): string[] {
  return table(
    [l10n.t('CAL version'), l10n.t('Type'), l10n.t('CALs'), l10n.t('Issued / CALs'), l10n.t('Packs')],
    totals.map((t) => [versionLabel(t.version), typeLabel(t.type), t.quantity, issuedLabel(t), t.packs]),
  );
}

export function renderMarkdown(data: ReportData): string {
  const { totals } = data;
  const out: string[] = [];
  const org = data.organizations.length > 0 ? ` — ${inline(data.organizations.join(', '))}` : '';
  out.push(`# ${l10n.t('RDS licensing report')}${org}`, '');
  out.push(l10n.t('As of {0}, from {1}.', data.today, data.files.map(inline).join(', ')), '');

  out.push(`## ${l10n.t('CALs in service')}`, '');
  if (totals.overall.length === 0) out.push(l10n.t('No CAL packs on a license server in service.'), '');
  else out.push(...totalsTable(totals.overall), '', l10n.t('Total: {0} CALs.', totals.overallQuantity), '');
  if (totals.outOfService.length > 0) {
    out.push(l10n.t('Not counted above: CALs on license servers that are not in service (lost, decommissioned, reinstalled) until they are migrated or reissued:'), '');
    out.push(...totalsTable(totals.outOfService), '');
  }

  out.push(`## ${l10n.t('By license server')}`, '');
  if (totals.servers.length === 0) out.push(l10n.t('No license server.'), '');
  for (const s of totals.servers) {
    const facts = [statusLabel(s.status), s.os ? `Windows Server ${s.os}` : undefined].filter(Boolean).join(', ');
    out.push(`### ${inline(s.name)} (${inline(facts)})`, '');
    if (s.totals.length === 0) out.push(l10n.t('No CAL packs.'), '');
    else out.push(...totalsTable(s.totals), '', l10n.t('Total: {0} CALs.', s.quantity), '');
  }

  if (data.packs.length > 0) {
    out.push(`## ${l10n.t('CAL packs')}`, '');
    out.push(
      ...table(
        [l10n.t('License server'), l10n.t('Local ID'), l10n.t('Program'), l10n.t('Reference (masked)'), l10n.t('Type'), l10n.t('CAL version'), l10n.t('CALs'), l10n.t('Issued'), l10n.t('Installed')],
        data.packs.map((p) => [p.server, p.localId, p.program, p.reference, typeLabel(p.type), versionLabel(p.version), p.quantity, p.issued, p.installed]),
      ),
      '',
    );
  }

  out.push(`## ${l10n.t('Session hosts by licensing mode')}`, '');
  if (totals.hostsByMode.length === 0) out.push(l10n.t('No session host.'), '');
  else out.push(...table([l10n.t('Licensing mode'), l10n.t('Hosts'), l10n.t('Names')], totals.hostsByMode.map((g) => [modeLabel(g.mode), g.hosts.length, g.hosts.join(', ')])), '');

  out.push(`## ${l10n.t('Grace periods (120 days from deployment)')}`, '');
  if (totals.grace.length === 0) out.push(l10n.t('No session host with a deployment date.'), '');
  else
    out.push(
      ...table(
        [l10n.t('Session host'), l10n.t('Start'), l10n.t('End'), l10n.t('Status'), l10n.t('License servers')],
        totals.grace.map((g) => [g.host, g.start, g.end, daysLeftLabel(g.daysLeft), g.licenseServers.join(', ')]),
      ),
      '',
    );

  out.push(`## ${l10n.t('Pending migrations')}`, '');
  if (totals.pendingMigrations.length === 0) out.push(l10n.t('None.'), '');
  else
    out.push(
      ...table(
        [l10n.t('ID'), l10n.t('From'), l10n.t('To'), l10n.t('State'), l10n.t('Reason'), l10n.t('Method'), l10n.t('CALs'), l10n.t('Started'), l10n.t('Days open'), l10n.t('Runbook')],
        totals.pendingMigrations.map((m) => [m.id, m.from, m.to, m.state, m.reason, m.method, m.licenses, m.started, m.daysOpen, m.runbook]),
      ),
      '',
    );

  const f = data.findings;
  out.push(`## ${l10n.t('Findings')}`, '');
  out.push(findingCountsLabel(f.bySeverity), '');
  if (f.byRule.length > 0) {
    out.push(
      ...table(
        [l10n.t('Rule'), l10n.t('Severity'), l10n.t('Count'), l10n.t('First at'), l10n.t('Message')],
        f.byRule.map((r) => [r.ruleId, r.severity, r.count, r.firstAt, r.firstMessage]),
      ),
      '',
    );
  }
  return out.join('\n');
}
