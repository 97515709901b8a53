// RDS3xx: the inventory against itself — names that must match, CALs that must exist, packs
// that must not be in two places, counts that must add up.
import * as l10n from '@vscode/l10n';
import { compactId } from '../domain/identifiers';
import { calTypeForMode, calTypeLabel } from '../domain/licensing-modes';
import type { CalType } from '../inventory/model';
import { asString, holdingsOf, holdsType, isInService, isRetired, PackEntry, quantityOf, serverKey, serversOfHost } from './inventory-index';
import type { RuleCheck, RuleContext, RuleDoc } from './types';

export const CONSISTENCY_RULES: RuleDoc[] = [
  {
    id: 'RDS301',
    family: 'consistency',
    defaultSeverity: 'error',
    title: 'Duplicate license server name',
    description: 'Two license servers have the same name (compared without regard to case or a final dot).',
    rationale: 'Session hosts and migrations refer to servers by name; with two entries of one name, which one they mean is ambiguous.',
    fix: 'Merge the two entries, or rename one (a reinstalled server keeps one entry with status reinstalled).',
    example: 'licenseServers:\n  - name: LICSRV01.contoso.local\n  - name: licsrv01.CONTOSO.local',
  },
  {
    id: 'RDS302',
    family: 'consistency',
    defaultSeverity: 'error',
    title: 'Session host points at an unknown license server',
    description: "A name in a session host's licenseServers is not listed under licenseServers.",
    rationale:
      'Since Windows Server 2008 R2 a session host does not discover license servers: it uses the ones specified by GPO, registry or Set-RDLicenseConfiguration (SUP-XDOM, WSD-MULTI). A server the inventory does not know cannot be checked for CALs.',
    fix: 'Fix the name, or add the server to licenseServers (quick fix: add a stub).',
    example: 'licenseServers: [LICSRV99.contoso.local]',
  },
  {
    id: 'RDS303',
    family: 'consistency',
    defaultSeverity: 'error',
    title: "No CALs of the host's licensing mode on its license servers",
    description: "A session host in perUser or perDevice mode points at license servers, but none of its active servers holds CALs of that type.",
    rationale:
      'The licensing mode must match the type of the RDS CALs available (event 1069 text, PREV-EV ee891144; facts §7 item 6): a per-device host cannot use per-user CALs and the reverse. After the 120-day grace period, connections are refused.',
    fix: 'Install CALs of that type on the host\'s license server, or change the host\'s mode to the type its servers hold (quick fix when it is unambiguous).',
    example: 'licensingMode: perDevice   # its server only holds perUser packs',
  },
  {
    id: 'RDS304',
    family: 'consistency',
    defaultSeverity: 'error',
    title: 'Same license key pack on two servers',
    description: 'The same license key pack ID is listed twice (on two servers, or twice on one).',
    rationale:
      'A key pack is registered to one License Server ID; installing it again elsewhere fails as "already activated" (SEED4), and a reissue by the Clearinghouse produces a new key pack ID (SEED2; WSD-MIG). Two entries mean CALs counted twice or a reissue not recorded.',
    fix: 'Keep the pack on the server that holds it; record the reissue with the new key pack ID and a migration from the old server.',
    example: 'keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"   # also on LICSRV02',
  },
  {
    id: 'RDS305',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'CALs left on a lost or decommissioned server',
    description: 'A server with status lost or decommissioned still lists CAL packs, and no migration moves CALs away from it.',
    rationale:
      'CALs stay registered to the old License Server ID until they are migrated or the Clearinghouse reissues them (WSD-MIG; SEED2). Continuing to use CALs on a source server after migrating breaches the license terms; leaving them on a lost server wastes them.',
    fix: 'Record the migration or reissue (migrations: from this server), e.g. with the recover-lost-cals runbook.',
    example: 'status: lost\npacks:\n  - type: perUser\n    version: 2022\n    quantity: 20   # and no migration from this server',
  },
  {
    id: 'RDS306',
    family: 'consistency',
    defaultSeverity: 'error',
    title: 'Migration names an unknown server',
    description: 'A migration\'s "from" or "to" names a server that is not listed under licenseServers.',
    rationale: 'A lost source server stays listed (status lost) so that the migration can be checked against it; the target must be listed to check its CALs.',
    fix: 'Fix the name, or add the server to licenseServers (with status lost for a source that is gone).',
    example: 'migrations:\n  - id: MIG-1\n    from: LICSRV-OLD.contoso.local   # not listed\n    to: LICSRV01.contoso.local\n    state: done',
  },
  {
    id: 'RDS307',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'Migrated CALs not found on the target server',
    description:
      'The done migrations to a server add up to more CALs (of their calType, when given) than the server holds.',
    rationale:
      'After a migration or reissue the target holds the CALs (WSD-MIG step: install the key pack ID on the target); a shortfall means a pack was not installed or not recorded.',
    fix: 'Add the packs received to the target server, or correct the migration\'s licenses.',
    example: 'licenses: 40   # the target server lists 20 CALs',
  },
  {
    id: 'RDS308',
    family: 'consistency',
    defaultSeverity: 'error',
    title: 'More per-device CALs issued than installed',
    description: 'A per-device pack has issued greater than quantity.',
    rationale: 'Per-device CALs cannot be over-allocated (WSD-CAL): the figures are wrong or were read from different packs.',
    fix: 'Read the figures again from RD Licensing Manager or Win32_TSLicenseKeyPack (IssuedLicenses, TotalLicenses).',
    example: 'type: perDevice\nquantity: 10\nissued: 12',
  },
  {
    id: 'RDS309',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'Per-user CALs over-allocated',
    description: 'A per-user pack has issued greater than quantity.',
    rationale: 'Per-user CALs can be over-allocated because "licensing isn\'t enforced", but that breaches the license terms (WSD-CAL).',
    fix: 'Buy more per-user CALs, or remove users who do not need Remote Desktop access.',
    example: 'type: perUser\nquantity: 20\nissued: 25',
  },
  {
    id: 'RDS310',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'Session host without license server',
    description: 'A session host lists no license server.',
    rationale:
      'Automatic discovery of license servers is not supported since Windows Server 2008 R2: the servers must be specified (SUP-XDOM, WSD-MULTI). Without one, the host stops accepting connections at the end of its grace period (SUP-NOLS).',
    fix: 'List the license servers the host uses (GPO "Use the specified Remote Desktop license servers").',
    example: 'sessionHosts:\n  - name: RDSH03.contoso.local\n    licensingMode: perUser',
  },
  {
    id: 'RDS311',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'Duplicate session host name',
    description: 'Two session hosts have the same name (compared without regard to case).',
    rationale: 'One of the entries is stale, or a copy-paste left a host unnamed: checks and reports count it twice.',
    fix: 'Merge the entries.',
    example: 'sessionHosts:\n  - name: RDSH01.contoso.local\n  - name: rdsh01.contoso.local',
  },
  {
    id: 'RDS312',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'Session host points at a lost or decommissioned server',
    description: "A name in a session host's licenseServers is a server with status lost or decommissioned.",
    rationale: 'The host tries the servers in order (ADMX help text); a server that is gone delays or breaks licensing, the classic "no Remote Desktop license servers available" error (SUP-NOLS).',
    fix: 'Replace it with the server the CALs were migrated to, in the GPO and in the inventory.',
    example: 'licenseServers: [LICSRV-OLD.contoso.local]   # status: lost',
  },
  {
    id: 'RDS313',
    family: 'consistency',
    defaultSeverity: 'warning',
    title: 'License server backup without the registry',
    description: 'An active server\'s backup is a file copy of the LServer folder, or is marked includesRegistry: false.',
    rationale:
      'Microsoft: RD Licensing "depends on several registry keys being backed up and therefore needs to be backed up and restored together with the registry" (W32-VSS); a copy of TLSLic.edb alone cannot be restored on another server.',
    fix: 'Back up with the TermServLicensing VSS writer or a system-state backup, then set method and includesRegistry.',
    example: 'backup:\n  method: fileCopy\n  includesRegistry: false',
  },
];

function checkServers(ctx: RuleContext): void {
  const { index } = ctx;
  const seen = new Map<string, string>();
  for (const server of index.servers) {
    if (server.key === undefined) continue;
    const first = seen.get(server.key);
    if (first !== undefined) {
      ctx.report('RDS301', ctx.at([...server.path, 'name'], 'value'), l10n.t('License server "{0}" is already listed as "{1}": names must be unique (case is ignored).', server.name ?? '', first));
    } else {
      seen.set(server.key, server.name ?? server.key);
    }
    const status = server.value.status;
    if (isRetired(status) && server.packs.length > 0 && !index.migrationsFrom.has(server.key)) {
      const total = server.packs.reduce((sum, p) => sum + quantityOf(p.value), 0);
      ctx.report(
        'RDS305',
        ctx.at([...server.path, 'status'], 'value'),
        l10n.t(
          '{0} is {1} but still lists {2} CALs, and no migration moves them away: record the migration or the Clearinghouse reissue (migrations: from {0}).',
          server.name ?? '',
          status,
          total,
        ),
      );
    }
    const backup = server.value.backup;
    if (isInService(server.value) && backup && typeof backup === 'object') {
      if (backup.includesRegistry === false) {
        ctx.report('RDS313', ctx.at([...server.path, 'backup', 'includesRegistry'], 'value'), l10n.t('The backup of {0} does not include the registry: RD Licensing must be backed up and restored together with the registry (use the TermServLicensing VSS writer or a system-state backup).', server.name ?? ''));
      } else if (backup.method === 'fileCopy' && backup.includesRegistry !== true) {
        ctx.report('RDS313', ctx.at([...server.path, 'backup', 'method'], 'value'), l10n.t('A file copy of the LServer folder is not enough to restore {0}: RD Licensing must be backed up together with the registry (TermServLicensing VSS writer or system state).', server.name ?? ''));
      }
    }
  }
}

function checkPacks(ctx: RuleContext): void {
  const firstByKeyPack = new Map<string, PackEntry>();
  for (const pack of ctx.index.packs) {
    const p = pack.value;
    const id = asString(p.keyPackId);
    if (id !== undefined && id.trim() !== '') {
      const key = compactId(id);
      const first = firstByKeyPack.get(key);
      if (first) {
        const where = first.server === pack.server ? l10n.t('earlier on the same server') : l10n.t('on {0}', first.server.name ?? '');
        ctx.report(
          'RDS304',
          ctx.at([...pack.path, 'keyPackId'], 'value'),
          l10n.t(
            'This license key pack is already listed {0} (line {1}). A pack is registered to one license server: installing it again is refused as "already activated", and a Clearinghouse reissue gives a new key pack ID.',
            where,
            ctx.at([...first.path, 'keyPackId'], 'value').start.line + 1,
          ),
        );
      } else {
        firstByKeyPack.set(key, pack);
      }
    }
    if (typeof p.issued === 'number' && typeof p.quantity === 'number' && p.issued > p.quantity) {
      if (p.type === 'perDevice') {
        ctx.report('RDS308', ctx.at([...pack.path, 'issued'], 'value'), l10n.t('{0} per-device CALs issued from a pack of {1}: per-device CALs cannot be over-allocated, so a figure is wrong. Read them again from RD Licensing Manager.', p.issued, p.quantity));
      } else if (p.type === 'perUser') {
        ctx.report('RDS309', ctx.at([...pack.path, 'issued'], 'value'), l10n.t('{0} per-user CALs issued from a pack of {1}: over-allocation is not enforced but breaches the license terms. Buy {2} more or reduce the users.', p.issued, p.quantity, p.issued - p.quantity));
      }
    }
  }
}

function checkHosts(ctx: RuleContext): void {
  const { index } = ctx;
  const seenHosts = new Set<string>();
  for (const host of index.hosts) {
    const h = host.value;
    const hostKey = serverKey(h.name);
    if (hostKey !== undefined) {
      if (seenHosts.has(hostKey)) {
        ctx.report('RDS311', ctx.at([...host.path, 'name'], 'value'), l10n.t('Session host "{0}" is listed twice: merge the entries.', h.name ?? ''));
      }
      seenHosts.add(hostKey);
    }
    const { known, unknown } = serversOfHost(index, h);
    for (const u of unknown) {
      ctx.report(
        'RDS302',
        ctx.at([...host.path, 'licenseServers', u.item], 'value'),
        l10n.t('"{0}" is not a license server of this inventory: fix the name or add it under licenseServers.', u.name),
        { kind: 'addServerStub', name: u.name },
      );
    }
    // Only when nothing is listed: a value of the wrong type (a plain string) is the schema's
    // finding (SCHEMA003), and saying "no license server" too would be wrong.
    const listsNothing = h.licenseServers === undefined || h.licenseServers === null || (Array.isArray(h.licenseServers) && h.licenseServers.length === 0);
    if (listsNothing && known.length === 0 && unknown.length === 0) {
      ctx.report('RDS310', ctx.at([...host.path, 'name'], 'value'), l10n.t('{0} lists no license server: since Windows Server 2008 R2 a session host must be told which license servers to use (GPO, registry or Set-RDLicenseConfiguration).', h.name ?? l10n.t('This host')));
    }
    for (const k of known) {
      const status = k.server.value.status;
      if (isRetired(status)) {
        ctx.report('RDS312', ctx.at([...host.path, 'licenseServers', k.item], 'value'), l10n.t('{0} is {1}: point this host at the server its CALs were moved to.', k.server.name ?? '', status));
      }
    }
    const type = calTypeForMode(h.licensingMode);
    if (type === undefined || known.length === 0) continue;
    const servers = known.map((k) => k.server);
    if (holdsType(servers, type)) continue;
    const active = servers.filter((s) => isInService(s.value));
    const heldTypes = new Set<CalType>();
    for (const s of active) for (const t of ['perUser', 'perDevice'] as const) if (holdingsOf(s).has(t)) heldTypes.add(t);
    const other = heldTypes.size === 1 ? [...heldTypes][0] : undefined;
    const message =
      active.length === 0
        ? l10n.t('None of the license servers of {0} is active, so no {1} CAL can be issued to it: point it at an active license server.', h.name ?? l10n.t('this host'), calTypeLabel(type))
        : other !== undefined
          ? l10n.t('{0} is in {1} mode but its license servers only hold {2} CALs: set the mode to {3}, or install {1} CALs.', h.name ?? l10n.t('This host'), calTypeLabel(type), calTypeLabel(other), other)
          : l10n.t('{0} is in {1} mode but its license servers hold no {1} CALs: install {1} CALs on them or point the host at a server that has some.', h.name ?? l10n.t('This host'), calTypeLabel(type));
    ctx.report('RDS303', ctx.at([...host.path, 'licensingMode'], 'value'), message, other !== undefined ? { kind: 'setLicensingMode', replacement: other, mode: other } : undefined);
  }
}

function checkMigrations(ctx: RuleContext): void {
  const { index } = ctx;
  // Running totals of done migrations per target (and CAL type), compared with what it holds.
  const migrated = new Map<string, number>();
  for (const migration of index.migrations) {
    const m = migration.value;
    for (const end of ['from', 'to'] as const) {
      const name = asString(m[end]);
      const key = serverKey(name);
      if (key === undefined || index.serverByKey.has(key)) continue;
      ctx.report(
        'RDS306',
        ctx.at([...migration.path, end], 'value'),
        end === 'from'
          ? l10n.t('"{0}" is not a license server of this inventory: list it under licenseServers (with status lost if it is gone) so that its CALs can be followed.', name ?? '')
          : l10n.t('"{0}" is not a license server of this inventory: fix the name or add the target server under licenseServers.', name ?? ''),
        { kind: 'addServerStub', name },
      );
    }
    if (m.state !== 'done' || typeof m.licenses !== 'number') continue;
    const target = index.serverByKey.get(serverKey(m.to) ?? '');
    if (!target) continue;
    const type = m.calType === 'perUser' || m.calType === 'perDevice' ? m.calType : undefined;
    const bucket = `${target.key}|${type ?? '*'}`;
    const total = (migrated.get(bucket) ?? 0) + m.licenses;
    migrated.set(bucket, total);
    const held = target.packs.filter((p) => type === undefined || p.value.type === type).reduce((sum, p) => sum + quantityOf(p.value), 0);
    if (total > held) {
      ctx.report(
        'RDS307',
        ctx.at([...migration.path, 'licenses'], 'value'),
        type
          ? l10n.t('Done migrations to {0} add up to {1} {2} CALs, but it lists {3}: add the packs received or correct the figures.', target.name ?? '', total, calTypeLabel(type), held)
          : l10n.t('Done migrations to {0} add up to {1} CALs, but it lists {2}: add the packs received or correct the figures.', target.name ?? '', total, held),
      );
    }
  }
}

function run(ctx: RuleContext): void {
  checkServers(ctx);
  checkPacks(ctx);
  checkHosts(ctx);
  checkMigrations(ctx);
}

export const consistencyCheck: RuleCheck = { family: 'consistency', run };

