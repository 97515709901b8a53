// Remote Desktop licensing modes of a session host, with the values Windows stores for them.
// Facts: ../shared/reference/rds-licensing-facts.md §3.3 (UNATTEND, ADMX, W32-CM, W32-DEPL,
// PSD-SET). W32-TSS documents 3/4 for per user/not configured, which contradicts its own
// BitMap qualifier and ChangeMode: treated as a documentation error.
import * as l10n from '@vscode/l10n';
import type { CalType, LicensingMode } from '../inventory/model';

export interface LicensingModeInfo {
  mode: LicensingMode | 'aadPerUser';
  /** REG_DWORD `LicensingMode` (policy and RCM\Licensing Core). */
  registryValue: number;
  /** `Set-RDLicenseConfiguration -Mode` value, when there is one. */
  powershell?: string;
  /** The CAL type this mode consumes, if any. */
  calType?: CalType;
  deprecated?: boolean;
  label: string;
}

export const LICENSING_MODES: readonly LicensingModeInfo[] = [
  { mode: 'perUser', registryValue: 4, powershell: 'PerUser', calType: 'perUser', label: 'Per User' },
  { mode: 'perDevice', registryValue: 2, powershell: 'PerDevice', calType: 'perDevice', label: 'Per Device' },
  { mode: 'notConfigured', registryValue: 5, powershell: 'NotConfigured', label: 'Not configured' },
  // ADMX only; "deprecated on Windows 11 and above". Not a value of the inventory format.
  { mode: 'aadPerUser', registryValue: 6, deprecated: true, label: 'AAD Per User' },
];

export function modeInfo(mode: string): LicensingModeInfo | undefined {
  return LICENSING_MODES.find((m) => m.mode === mode);
}

/** Licensing mode for a registry / WMI value (2, 4, 5, 6). */
export function modeFromRegistryValue(value: number): LicensingModeInfo | undefined {
  return LICENSING_MODES.find((m) => m.registryValue === value);
}

/** The CAL type a host in `mode` needs (undefined for notConfigured). */
export function calTypeForMode(mode: unknown): CalType | undefined {
  return mode === 'perUser' || mode === 'perDevice' ? mode : undefined;
}

export const CAL_TYPE_LABELS: Record<CalType, string> = { perUser: 'per-user', perDevice: 'per-device' };

/** "per-user" / "per-device" in the active language (for messages). */
export function calTypeLabel(type: CalType): string {
  return type === 'perUser' ? l10n.t('per-user') : l10n.t('per-device');
}

/** Grace period of an RD Session Host before it needs a license server (WSD-CAL). */
export const GRACE_PERIOD_DAYS = 120;
