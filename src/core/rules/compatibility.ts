// RDS2xx: CAL versions against session host and license server versions, and CAL types in
// workgroups. Facts §3.1 and §3.2 (WSD-CAL, SUP-NOLS, WSD-HOSTS, SUP-XDOM).
import * as l10n from '@vscode/l10n';
import { calServesHost, minimumCalFor, serverHoldsCal } from '../domain/compatibility';
import { calTypeForMode, calTypeLabel } from '../domain/licensing-modes';
import { normalizeVersion } from '../domain/versions';
import { newestOfType, serversOfHost } from './inventory-index';
import type { RuleCheck, RuleContext, RuleDoc } from './types';

export const COMPATIBILITY_RULES: RuleDoc[] = [
  {
    id: 'RDS201',
    family: 'compatibility',
    defaultSeverity: 'error',
    title: "CALs too old for the session host's Windows version",
    description:
      "A session host's license servers hold CALs of the host's licensing mode, but all of them are of an earlier Windows version than the host (2012 CALs cover 2012 R2 hosts).",
    rationale:
      'The CAL version must be the same as or later than the session host\'s OS: a later CAL works on an earlier host, never the reverse (WSD-CAL table; SUP-NOLS for 2012 and earlier). The host refuses connections once its grace period is over.',
    fix: 'Buy and install CALs of the host\'s version (or later) on its license server, or point the host at a server that has them.',
    example: 'sessionHosts:\n  - name: RDSH01.contoso.local\n    os: 2022            # its server only holds 2019 per-user CALs\n    licensingMode: perUser',
  },
  {
    id: 'RDS202',
    family: 'compatibility',
    defaultSeverity: 'error',
    title: 'License server OS older than the CALs it holds',
    description: 'A pack has a CAL version later than the Windows version of the license server it is installed on.',
    rationale:
      'A license server can only host CALs of its own version or earlier (WSD-CAL; SUP-NOLS; SUP-GUIDE: "a 2016 RD Licensing Service cannot issue or handle Windows Server 2019 RDS CALs").',
    fix: 'Install the CALs on a license server running that version or later, or upgrade the license server first.',
    example: 'os: 2019\npacks:\n  - type: perUser\n    version: 2022\n    quantity: 20',
  },
  {
    id: 'RDS203',
    family: 'compatibility',
    defaultSeverity: 'error',
    title: 'Per-user licensing in a workgroup',
    description: 'A workgroup session host uses perUser mode, or a workgroup license server holds per-user CALs.',
    rationale: 'Workgroup deployments must use Per Device CALs: per-user CALs cannot be tracked without Active Directory (WSD-CAL, WSD-HOSTS, SUP-XDOM).',
    fix: 'Set the host to perDevice (quick fix) and use per-device CALs, or join the machines to a domain.',
    example: 'joined: workgroup\nlicensingMode: perUser',
  },
];

function run(ctx: RuleContext): void {
  const { index } = ctx;
  for (const server of index.servers) {
    const serverOs = normalizeVersion(server.value.os);
    if (serverOs !== undefined) {
      for (const pack of server.packs) {
        const calVersion = normalizeVersion(pack.value.version);
        if (calVersion === undefined || serverHoldsCal(serverOs, calVersion)) continue;
        ctx.report(
          'RDS202',
          ctx.at([...pack.path, 'version'], 'value'),
          l10n.t(
            '{0} runs Windows Server {1}, which cannot hold Windows Server {2} CALs: install them on a license server running {2} or later, or upgrade this server first.',
            server.name ?? l10n.t('This license server'),
            serverOs,
            calVersion,
          ),
        );
      }
    }
    if (server.value.joined === 'workgroup') {
      for (const pack of server.packs) {
        if (pack.value.type !== 'perUser') continue;
        ctx.report(
          'RDS203',
          ctx.at([...pack.path, 'type'], 'value'),
          l10n.t('{0} is in a workgroup, where per-user CALs cannot be tracked: workgroup deployments use per-device CALs.', server.name ?? l10n.t('This license server')),
        );
      }
    }
  }

  for (const host of index.hosts) {
    const h = host.value;
    if (h.joined === 'workgroup' && h.licensingMode === 'perUser') {
      ctx.report(
        'RDS203',
        ctx.at([...host.path, 'licensingMode'], 'value'),
        l10n.t('{0} is in a workgroup: per-user licensing is not supported there (per-user CALs need Active Directory). Use perDevice.', h.name ?? l10n.t('This host')),
        { kind: 'setLicensingMode', replacement: 'perDevice', mode: 'perDevice' },
      );
    }
    const type = calTypeForMode(h.licensingMode);
    const hostOs = normalizeVersion(h.os);
    if (type === undefined || hostOs === undefined) continue;
    const newest = newestOfType(
      serversOfHost(index, h).known.map((k) => k.server),
      type,
    );
    // No CALs of that type at all is RDS303's finding; CALs recent enough serve the host.
    if (newest === undefined || calServesHost(newest, hostOs)) continue;
    ctx.report(
      'RDS201',
      ctx.at([...host.path, 'os'], 'value'),
      l10n.t(
        '{0} runs Windows Server {1} but its license servers only hold {2} CALs up to Windows Server {3}: it needs Windows Server {4} CALs or later.',
        h.name ?? l10n.t('This host'),
        hostOs,
        calTypeLabel(type),
        newest,
        minimumCalFor(hostOs),
      ),
    );
  }
}

export const compatibilityCheck: RuleCheck = { family: 'compatibility', run };
