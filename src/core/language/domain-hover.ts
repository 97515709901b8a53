// What a value means in Windows, for hovers: the registry value and GPO setting behind a
// licensing mode, which hosts a CAL version serves and which servers can hold it. The facts
// come from the domain tables (src/core/domain); this file only puts them into words.
import * as l10n from '@vscode/l10n';
import { calServesHost, serverHoldsCal } from '../domain/compatibility';
import { modeInfo } from '../domain/licensing-modes';
import { normalizeVersion, WINDOWS_VERSIONS, type WindowsVersion } from '../domain/versions';
import type { PathSegment } from './ast';
import type { DomainExplainer } from './hover';

const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

function pathKey(path: readonly PathSegment[]): string {
  return path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');
}

function list(versions: readonly WindowsVersion[]): string {
  return versions.map((v) => `\`${v}\``).join(', ');
}

function licensingMode(value: unknown): string | undefined {
  const info = typeof value === 'string' ? modeInfo(value) : undefined;
  if (!info) return undefined;
  const lines = [
    l10n.t('**{0}** — registry value `LicensingMode` = **{1}** (REG_DWORD) under `{2}`.', info.label, info.registryValue, POLICY_KEY),
    l10n.t('GPO: Computer Configuration › Administrative Templates › Windows Components › Remote Desktop Services › Remote Desktop Session Host › Licensing › *Set the Remote Desktop licensing mode*.'),
  ];
  if (info.powershell) lines.push(l10n.t('PowerShell: `Set-RDLicenseConfiguration -Mode {0}`.', info.powershell));
  if (info.calType) lines.push(l10n.t('Consumes {0} CALs.', info.calType));
  return lines.join('\n\n');
}

function calVersion(value: unknown): string | undefined {
  const version = normalizeVersion(value);
  if (!version) return undefined;
  const hosts = WINDOWS_VERSIONS.filter((h) => calServesHost(version, h));
  const servers = WINDOWS_VERSIONS.filter((s) => serverHoldsCal(s, version));
  return [
    l10n.t('**{0} CALs** serve session hosts running {1}.', version, list(hosts)),
    l10n.t('A license server must run {0} to hold them.', list(servers)),
  ].join('\n\n');
}

function hostOs(value: unknown): string | undefined {
  const version = normalizeVersion(value);
  if (!version) return undefined;
  const cals = WINDOWS_VERSIONS.filter((c) => calServesHost(c, version));
  return l10n.t('A **{0}** session host needs CALs of version {1}.', version, list(cals));
}

function serverOs(value: unknown): string | undefined {
  const version = normalizeVersion(value);
  if (!version) return undefined;
  const cals = WINDOWS_VERSIONS.filter((c) => serverHoldsCal(version, c));
  return l10n.t('A **{0}** license server can hold CALs of version {1}.', version, list(cals));
}

const EXPLAINERS: Record<string, (value: unknown) => string | undefined> = {
  'sessionHosts.[].licensingMode': licensingMode,
  'licenseServers.[].packs.[].version': calVersion,
  'sessionHosts.[].os': hostOs,
  'licenseServers.[].os': serverOs,
};

export const explainDomain: DomainExplainer = (path, value) => {
  if (value === undefined || value === null) return undefined;
  return EXPLAINERS[pathKey(path)]?.(value);
};
