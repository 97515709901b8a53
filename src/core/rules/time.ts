// RDS4xx: what time does to an inventory — grace periods running out, migrations stuck,
// backups nobody checked. All relative to ctx.today, so tests are reproducible.
import * as l10n from '@vscode/l10n';
import { dayNumber, formatDay } from '../domain/dates';
import { daysLeftLabel } from '../report/labels';
import { calTypeForMode, GRACE_PERIOD_DAYS } from '../domain/licensing-modes';
import type { CalType } from '../inventory/model';
import { holdingsOf, holdsType, isInService, serversOfHost } from './inventory-index';
import type { RuleCheck, RuleContext, RuleDoc } from './types';

/** Days before the end of the grace period from which RDS402 warns. */
export const GRACE_WARNING_DAYS = 14;
/** Days after which a migration still pending or waiting is reported (RDS403). */
export const MIGRATION_STALE_DAYS = 30;
/** Days after which a backup that was not verified is reported (RDS405). */
export const BACKUP_STALE_DAYS = 180;

export const TIME_RULES: RuleDoc[] = [
  {
    id: 'RDS401',
    family: 'time',
    defaultSeverity: 'error',
    title: 'Grace period over for a host without a usable license server',
    description:
      "A session host's 120-day grace period (from gracePeriodStart, or deployed) is over, and the host has no usable license server: no active server it points at holds CALs of its mode (or its mode is notConfigured).",
    rationale:
      'A session host works 120 days without a license server; after that, clients need a valid RDS CAL and connections are refused ("The grace period for the Remote Desktop Session Host server has expired", WSD-CAL, SUP-NOLS; events 1068/1069).',
    fix: 'Point the host at an active license server holding CALs of its mode (and set the mode), see the configure-session-hosts runbook.',
    example: 'deployed: 2025-01-05\nlicensingMode: notConfigured',
  },
  {
    id: 'RDS402',
    family: 'time',
    defaultSeverity: 'warning',
    title: 'Grace period ends soon for a host without a usable license server',
    description: `As RDS401, when the grace period ends within ${GRACE_WARNING_DAYS} days.`,
    rationale: 'Same as RDS401: fix it before users are refused (WSD-CAL).',
    fix: 'Configure the host\'s license server and mode now.',
    example: 'deployed: 2026-08-01   # on 2026-11-22: 7 days left\nlicenseServers: []',
  },
  {
    id: 'RDS403',
    family: 'time',
    defaultSeverity: 'warning',
    title: 'Licensing mode not configured',
    description: 'A session host has licensingMode: notConfigured (registry value 5).',
    rationale:
      'Without a licensing mode, the host works only during the grace period: event 1068 "The RD Licensing mode has not been configured", then 1069 once the grace period is over (PREV-EV ee891144; facts §3.3, §3.6).',
    fix: 'Set the mode (GPO "Set the Remote Desktop licensing mode", or Set-RDLicenseConfiguration -Mode) to the type of CALs the host\'s servers hold (quick fix when unambiguous).',
    example: 'licensingMode: notConfigured',
  },
  {
    id: 'RDS404',
    family: 'time',
    defaultSeverity: 'warning',
    title: 'Migration pending for too long',
    description: `A migration in state pending or waitingForClearinghouse started more than ${MIGRATION_STALE_DAYS} days ago.`,
    rationale:
      'A migration left pending (e.g. the portal\'s "Pending" status after a reinstall, SEED4) means CALs are not usable on the target; the Clearinghouse by phone usually settles it (SEED2, SEED4).',
    fix: 'Call the Clearinghouse (telephone method) or escalate; then update the state.',
    example: 'state: pending\nstarted: 2026-01-08',
  },
  {
    id: 'RDS405',
    family: 'time',
    defaultSeverity: 'info',
    title: 'License server backup not verified for a long time',
    description: `An active license server's backup.lastVerified is more than ${BACKUP_STALE_DAYS} days old.`,
    rationale:
      'A license database that cannot be restored means calling the Clearinghouse to recover every CAL (SEED2: back up %windir%\\System32\\LServer after each licensing operation; W32-VSS: with the registry).',
    fix: 'Test a restore (or at least check the backup job), then update lastVerified.',
    example: 'backup:\n  lastVerified: 2025-01-10',
  },
];

/** The CAL types held by the in-service servers among `servers` (for quick fixes). */
function heldTypes(ctx: RuleContext, names: ReturnType<typeof serversOfHost>): Set<CalType> {
  const types = new Set<CalType>();
  for (const { server } of names.known) {
    if (!isInService(server.value)) continue;
    for (const t of ['perUser', 'perDevice'] as const) if (holdingsOf(server).has(t)) types.add(t);
  }
  return types;
}

function run(ctx: RuleContext): void {
  const today = dayNumber(ctx.today);
  for (const host of ctx.index.hosts) {
    const h = host.value;
    const servers = serversOfHost(ctx.index, h);
    if (h.licensingMode === 'notConfigured') {
      const types = heldTypes(ctx, servers);
      const only = types.size === 1 ? [...types][0] : undefined;
      ctx.report(
        'RDS403',
        ctx.at([...host.path, 'licensingMode'], 'value'),
        only
          ? l10n.t('The licensing mode of {0} is not configured (registry value 5): it works only during the 120-day grace period. Its servers hold {1} CALs: set it to {1}.', h.name ?? l10n.t('this host'), only)
          : l10n.t('The licensing mode of {0} is not configured (registry value 5): it works only during the 120-day grace period. Set it to perUser or perDevice, matching the CALs of its license server.', h.name ?? l10n.t('this host')),
        only ? { kind: 'setLicensingMode', replacement: only, mode: only } : undefined,
      );
    }
    if (today === undefined) continue;
    const startKey = h.gracePeriodStart !== undefined ? 'gracePeriodStart' : 'deployed';
    const start = dayNumber(h[startKey]);
    if (start === undefined) continue;
    const type = calTypeForMode(h.licensingMode);
    const usable = type !== undefined && holdsType(servers.known.map((k) => k.server), type);
    if (usable) continue;
    const end = start + GRACE_PERIOD_DAYS;
    const left = end - today;
    const range = ctx.at([...host.path, startKey], 'value');
    if (left <= 0) {
      ctx.report(
        'RDS401',
        range,
        l10n.t(
          'The 120-day grace period of {0} ended on {1} and it has no usable license server (no active server it points at holds CALs of its mode): connections are refused. Point it at a license server with CALs and set its licensing mode.',
          h.name ?? l10n.t('this host'),
          formatDay(end),
        ),
      );
    } else if (left <= GRACE_WARNING_DAYS) {
      ctx.report(
        'RDS402',
        range,
        l10n.t(
          'The 120-day grace period of {0} ends on {1} ({2}) and it has no usable license server: point it at a license server with CALs of its mode before then.',
          h.name ?? l10n.t('this host'),
          formatDay(end),
          daysLeftLabel(left),
        ),
      );
    }
  }
  if (today === undefined) return;

  for (const migration of ctx.index.migrations) {
    const m = migration.value;
    if (m.state !== 'pending' && m.state !== 'waitingForClearinghouse') continue;
    const started = dayNumber(m.started);
    if (started === undefined || today - started <= MIGRATION_STALE_DAYS) continue;
    ctx.report(
      'RDS404',
      ctx.at([...migration.path, 'state'], 'value'),
      l10n.t('Migration {0} has been {1} since {2} ({3} days): call the Clearinghouse by telephone or escalate, then update its state.', m.id ?? '', m.state, String(m.started), today - started),
    );
  }

  for (const server of ctx.index.servers) {
    if (!isInService(server.value)) continue;
    const backup = server.value.backup;
    if (!backup || typeof backup !== 'object') continue;
    const verified = dayNumber(backup.lastVerified);
    if (verified === undefined || today - verified <= BACKUP_STALE_DAYS) continue;
    ctx.report(
      'RDS405',
      ctx.at([...server.path, 'backup', 'lastVerified'], 'value'),
      l10n.t('The backup of {0} was last verified {1} days ago: test a restore and update lastVerified.', server.name ?? '', today - verified),
    );
  }
}

export const timeCheck: RuleCheck = { family: 'time', run };
