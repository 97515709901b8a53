// `rdslic gen hosts`: a PowerShell script that gives each session host the licensing mode and
// license servers the inventory records, the way the inventory says they are set (facts sheet
// §3.3-3.5, §4.4), so that running it does not change how a host is managed:
// - configuredBy gpo or registry: the policy values under
//   HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services, LicensingMode (REG_DWORD
//   2/4) and LicenseServers (REG_SZ, comma-separated), which win over every other setting;
// - configuredBy wmi: Win32_TerminalServiceSetting's ChangeMode(LicensingType 2/4) and
//   SetSpecifiedLicenseServerList (what Server Manager and Microsoft's WMI examples use: no
//   policy value, so the host stays configurable outside Group Policy);
// - configuredBy broker: Set-RDLicenseConfiguration -Mode -LicenseServer -ConnectionBroker.
// The script runs on a host (or is pushed with Invoke-Command -FilePath) and applies that host's
// entry; it compares before it sets, and supports -WhatIf / -Confirm.
import * as l10n from '@vscode/l10n';
import { modeInfo } from '../domain/licensing-modes';
import type { Inventory, SessionHost } from '../inventory/model';
import { buildIndex, isRetired, serversOfHost, type InventoryIndex } from '../rules/inventory-index';
import { psArray, psCommentText, psString } from './powershell';

export interface GenInput {
  file: string;
  inventory: Inventory;
}

export interface HostEntry {
  name: string;
  configuredBy: 'gpo' | 'registry' | 'broker' | 'wmi';
  /** Set-RDLicenseConfiguration -Mode value (PerUser, PerDevice). */
  mode?: string;
  /** Registry LicensingMode value (4, 2). */
  modeValue?: number;
  licenseServers: string[];
  /** RD Connection Broker of a broker-configured host's deployment, when the inventory says. */
  connectionBroker?: string;
  source: string;
}

export interface GenResult {
  script: string;
  hosts: HostEntry[];
  /** Hosts left out or completed with a default, for stderr. */
  notes: string[];
}

export const POLICY_KEY = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';

export function hostEntries(inputs: readonly GenInput[], only?: string): { hosts: HostEntry[]; notes: string[] } {
  const hosts: HostEntry[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const { file, inventory } of inputs) {
    const index = buildIndex(inventory);
    const list = Array.isArray(inventory.sessionHosts) ? (inventory.sessionHosts as SessionHost[]) : [];
    for (const h of list) {
      if (typeof h !== 'object' || h === null || typeof h.name !== 'string' || h.name.trim() === '') continue;
      const name = h.name.trim();
      if (only !== undefined && !sameHost(name, only)) continue;
      const key = name.toLowerCase();
      if (seen.has(key)) {
        notes.push(l10n.t('{0}: session host {1} is listed again; the first entry is used.', file, name));
        continue;
      }
      seen.add(key);
      const info = typeof h.licensingMode === 'string' ? modeInfo(h.licensingMode) : undefined;
      const settable = info && (info.mode === 'perUser' || info.mode === 'perDevice') ? info : undefined;
      const servers = usableServers(index, h, file, name, notes);
      if (!settable && servers.length === 0) {
        notes.push(l10n.t('{0}: {1} has neither a licensing mode (perUser, perDevice) nor license servers to set; left out.', file, name));
        continue;
      }
      if (h.licensingMode === 'notConfigured') notes.push(l10n.t('{0}: {1} has licensingMode notConfigured: its mode is left alone (choose perUser or perDevice in the inventory).', file, name));
      let configuredBy = h.configuredBy;
      if (configuredBy !== 'gpo' && configuredBy !== 'registry' && configuredBy !== 'broker' && configuredBy !== 'wmi') {
        notes.push(l10n.t('{0}: {1} does not say how it is configured (configuredBy); the policy registry values are used.', file, name));
        configuredBy = 'registry';
      }
      const broker = typeof h.connectionBroker === 'string' && h.connectionBroker.trim() !== '' ? h.connectionBroker.trim() : undefined;
      if (broker && configuredBy !== 'broker') notes.push(l10n.t('{0}: {1} has a connectionBroker but is configured by {2}: the broker is not used.', file, name, configuredBy));
      hosts.push({
        name,
        configuredBy,
        mode: settable?.powershell,
        modeValue: settable?.registryValue,
        licenseServers: servers,
        ...(broker && configuredBy === 'broker' ? { connectionBroker: broker } : {}),
        source: file,
      });
    }
  }
  return { hosts, notes };
}

/**
 * The host's license servers that can issue CALs: a name the inventory does not list (RDS302)
 * or a server it records as lost or decommissioned (RDS312) is left out with a warning, so the
 * script never points a host at a server that cannot serve it.
 */
function usableServers(index: InventoryIndex, host: SessionHost, file: string, name: string, notes: string[]): string[] {
  const { known, unknown } = serversOfHost(index, host);
  const skipped = new Set<number>();
  for (const u of unknown) {
    skipped.add(u.item);
    notes.push(l10n.t('{0}: warning: {1} names license server {2}, which the inventory does not list (RDS302); left out of the script.', file, name, u.name.trim()));
  }
  for (const k of known) {
    const status = k.server.value.status;
    if (!isRetired(status)) continue;
    skipped.add(k.item);
    notes.push(l10n.t('{0}: warning: {1} names license server {2}, which is {3} (RDS312); left out of the script.', file, name, k.server.name ?? '', status));
  }
  const names = Array.isArray(host.licenseServers) ? (host.licenseServers as unknown[]) : [];
  return names.flatMap((s, i) => (typeof s === 'string' && s.trim() !== '' && !skipped.has(i) ? [s.trim()] : []));
}

/** FQDN or short name, without regard to case. */
function sameHost(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.split('.')[0] === y || y.split('.')[0] === x;
}

export function generateHostsScript(inputs: readonly GenInput[], only?: string): GenResult {
  const { hosts, notes } = hostEntries(inputs, only);
  const files = inputs.map((i) => i.file).join(', ');
  const table = hosts.map((h) => {
    const fields = [
      `Name = ${psString(h.name)}`,
      `ConfiguredBy = ${psString(h.configuredBy)}`,
      `Mode = ${h.mode !== undefined ? psString(h.mode) : '$null'}`,
      `ModeValue = ${h.modeValue !== undefined ? String(h.modeValue) : '$null'}`,
      `LicenseServers = ${psArray(h.licenseServers)}`,
      `ConnectionBroker = ${h.connectionBroker !== undefined ? psString(h.connectionBroker) : '$null'}`,
    ];
    return `    @{ ${fields.join('; ')} }`;
  });
  const hasBroker = hosts.some((h) => h.configuredBy === 'broker');
  const hasWmi = hosts.some((h) => h.configuredBy === 'wmi');
  const hasGpo = hosts.some((h) => h.configuredBy === 'gpo');
  const script = [
    '<#',
    '.SYNOPSIS',
    '    Sets the Remote Desktop licensing mode and license servers of this session host, as the',
    '    inventory records them.',
    '',
    '.DESCRIPTION',
    `    Generated by \`rdslic gen hosts\` from ${psCommentText(files)}.`,
    '    Do not edit: change the inventory and generate the script again.',
    '',
    '    Run it as an administrator on a session host, or push it to several:',
    '        Invoke-Command -ComputerName RDSH01, RDSH02 -FilePath .\\Set-RdsLicensing.ps1',
    '    It applies the entry of the computer it runs on (-ComputerName to choose another entry),',
    '    compares each value before setting it, and changes nothing that is already right.',
    '    -WhatIf shows what would change; -Confirm asks before each change. A switch cannot be',
    '    passed through Invoke-Command -FilePath -ArgumentList; to try a remote run, send the text:',
    "        Invoke-Command -ComputerName RDSH01 -ArgumentList (Get-Content -Raw .\\Set-RdsLicensing.ps1) -ScriptBlock {",
    '            param($Text) & ([scriptblock]::Create($Text)) -WhatIf }',
    '',
    '    configuredBy gpo, registry: the policy values the Group Policy settings "Set the Remote',
    '    Desktop licensing mode" and "Use the specified Remote Desktop license servers" write',
    `    (${POLICY_KEY}: LicensingMode REG_DWORD, 2 Per Device / 4 Per User;`,
    '    LicenseServers REG_SZ, comma-separated). They win over any other setting.',
    ...(hasGpo
      ? ['    For gpo hosts, set the same values in the GPO as well: the next policy refresh would', '    otherwise put the GPO\'s values back.']
      : []),
    ...(hasWmi
      ? [
          '    configuredBy wmi: the Win32_TerminalServiceSetting methods ChangeMode (LicensingType 2 Per',
          '    Device / 4 Per User) and SetSpecifiedLicenseServerList, as Server Manager sets them (no',
          '    policy value: a Group Policy setting, if any, still wins over them).',
        ]
      : []),
    '    configuredBy broker: Set-RDLicenseConfiguration on the RD Connection Broker (module',
    '    RemoteDesktop), for the whole deployment: -ConnectionBroker if given, else the host\'s',
    '    connectionBroker in the inventory, else this computer.',
    '#>',
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param(',
    '    # The session host entry to apply: this computer by default.',
    '    [string]$ComputerName = $env:COMPUTERNAME,',
    '    # RD Connection Broker for broker-configured hosts: overrides the inventory\'s connectionBroker',
    '    # (default: that one, else this computer, as Set-RDLicenseConfiguration does).',
    '    [string]$ConnectionBroker',
    ')',
    '',
    'Set-StrictMode -Version 2.0',
    "$ErrorActionPreference = 'Stop'",
    '',
    `$PolicyKey = ${psString(POLICY_KEY)}`,
    '$SessionHosts = @(',
    table.join(',\n'),
    ')',
    '',
    '# Sets one policy value unless it already has this value and type.',
    'function Set-PolicyValue {',
    '    [CmdletBinding(SupportsShouldProcess = $true)]',
    '    param([string]$Name, $Value, [Microsoft.Win32.RegistryValueKind]$Kind)',
    '    $current = $null',
    '    $currentKind = $null',
    '    if (Test-Path -LiteralPath $PolicyKey) {',
    '        $key = Get-Item -LiteralPath $PolicyKey',
    '        if ($key.GetValueNames() -contains $Name) {',
    '            $current = $key.GetValue($Name)',
    '            $currentKind = $key.GetValueKind($Name)',
    '        }',
    '    }',
    '    if ($currentKind -eq $Kind -and [string]$current -eq [string]$Value) {',
    "        Write-Verbose (\"{0} is already {1}.\" -f $Name, $Value)",
    '        return',
    '    }',
    "    if ($PSCmdlet.ShouldProcess(('{0}\\{1}' -f $PolicyKey, $Name), ('Set {0} {1} (was: {2})' -f $Kind, $Value, $current))) {",
    '        # Confirmed above: -Confirm:$false so that -Confirm asks once per change, not once per cmdlet.',
    '        if (-not (Test-Path -LiteralPath $PolicyKey)) { New-Item -Path $PolicyKey -Force -Confirm:$false | Out-Null }',
    '        New-ItemProperty -LiteralPath $PolicyKey -Name $Name -Value $Value -PropertyType $Kind -Force -Confirm:$false | Out-Null',
    "        Write-Host ('{0} set to {1}.' -f $Name, $Value)",
    '    }',
    '}',
    '',
    ...(hasBroker
      ? [
          '# Sets the deployment\'s licensing through the RD Connection Broker unless it is already so.',
          'function Set-BrokerLicensing {',
          '    [CmdletBinding(SupportsShouldProcess = $true)]',
          '    param([string]$Mode, [string[]]$LicenseServer, [string]$Broker)',
          '    Import-Module RemoteDesktop',
          '    $target = @{}',
          '    if ($Broker) { $target.ConnectionBroker = $Broker }',
          '    $current = Get-RDLicenseConfiguration @target',
          '    $set = @{}',
          "    if ($Mode -and [string]$current.Mode -ne $Mode) { $set.Mode = $Mode }",
          "    if ($LicenseServer.Count -gt 0 -and ((@($current.LicenseServer) -join ',') -ne ($LicenseServer -join ','))) { $set.LicenseServer = $LicenseServer }",
          '    if ($set.Count -eq 0) {',
          "        Write-Verbose 'The deployment licensing is already as recorded.'",
          '        return',
          '    }',
          "    $what = ($set.GetEnumerator() | ForEach-Object { '-{0} {1}' -f $_.Key, (@($_.Value) -join ',') }) -join ' '",
          "    if ($PSCmdlet.ShouldProcess(('RD deployment of {0}' -f $(if ($Broker) { $Broker } else { 'this computer' })), ('Set-RDLicenseConfiguration {0}' -f $what))) {",
          '        Set-RDLicenseConfiguration @set @target -Force',
          "        Write-Host ('Set-RDLicenseConfiguration {0}' -f $what)",
          '    }',
          '}',
          '',
        ]
      : []),
    ...(hasWmi
      ? [
          '# Sets the licensing mode and license servers through WMI unless they are already so.',
          'function Set-WmiLicensing {',
          '    [CmdletBinding(SupportsShouldProcess = $true)]',
          '    param($ModeValue, [string[]]$LicenseServer)',
          "    $setting = Get-CimInstance -Namespace 'root/cimv2/TerminalServices' -ClassName Win32_TerminalServiceSetting",
          '    if ($null -ne $ModeValue -and [int]$setting.LicensingType -ne [int]$ModeValue) {',
          "        if ($PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', ('ChangeMode {0} (was: {1})' -f $ModeValue, $setting.LicensingType))) {",
          '            $result = Invoke-CimMethod -InputObject $setting -MethodName ChangeMode -Arguments @{ LicensingType = [uint32]$ModeValue }',
          "            if ($result.ReturnValue -ne 0) { throw ('ChangeMode {0} failed: {1}' -f $ModeValue, $result.ReturnValue) }",
          "            Write-Host ('Licensing mode set to {0}.' -f $ModeValue)",
          '        }',
          '    } else {',
          "        Write-Verbose 'The licensing mode is already as recorded.'",
          '    }',
          '    if ($LicenseServer.Count -eq 0) { return }',
          '    $current = @((Invoke-CimMethod -InputObject $setting -MethodName GetSpecifiedLicenseServerList).SpecifiedLSList)',
          "    if (($current -join ',') -eq ($LicenseServer -join ',')) {",
          "        Write-Verbose 'The license servers are already as recorded.'",
          '        return',
          '    }',
          "    if ($PSCmdlet.ShouldProcess('Win32_TerminalServiceSetting', ('SetSpecifiedLicenseServerList {0} (was: {1})' -f ($LicenseServer -join ','), ($current -join ',')))) {",
          '        $result = Invoke-CimMethod -InputObject $setting -MethodName SetSpecifiedLicenseServerList -Arguments @{ SpecifiedLSList = [string[]]$LicenseServer }',
          "        if ($result.ReturnValue -ne 0) { throw ('SetSpecifiedLicenseServerList failed: {0}' -f $result.ReturnValue) }",
          "        Write-Host ('License servers set to {0}.' -f ($LicenseServer -join ','))",
          '    }',
          '}',
          '',
        ]
      : []),
    '$short = ($ComputerName -split \'\\.\')[0]',
    '$entry = $SessionHosts | Where-Object { $_.Name -eq $ComputerName -or ($_.Name -split \'\\.\')[0] -eq $short } | Select-Object -First 1',
    'if ($null -eq $entry) {',
    "    throw ('{0} is not a session host of the inventory. Known hosts: {1}' -f $ComputerName, (($SessionHosts | ForEach-Object { $_.Name }) -join ', '))",
    '}',
    '',
    "if ($entry.ConfiguredBy -eq 'broker') {",
    ...(hasBroker
      ? [
          '    $broker = $ConnectionBroker',
          '    if (-not $broker) { $broker = $entry.ConnectionBroker }',
          '    Set-BrokerLicensing -Mode $entry.Mode -LicenseServer $entry.LicenseServers -Broker $broker',
        ]
      : ["    throw 'No broker-configured host in this script.'"]),
    ...(hasWmi ? ["} elseif ($entry.ConfiguredBy -eq 'wmi') {", '    Set-WmiLicensing -ModeValue $entry.ModeValue -LicenseServer $entry.LicenseServers'] : []),
    '} else {',
    "    if ($null -ne $entry.ModeValue) { Set-PolicyValue -Name 'LicensingMode' -Value ([int]$entry.ModeValue) -Kind DWord }",
    "    if ($entry.LicenseServers.Count -gt 0) { Set-PolicyValue -Name 'LicenseServers' -Value ($entry.LicenseServers -join ',') -Kind String }",
    '}',
    '',
  ].join('\n');
  return { script, hosts, notes };
}
