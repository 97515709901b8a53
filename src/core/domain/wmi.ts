// What the numbers of the RDS licensing WMI classes mean: the tables the importer maps by.
// Mapping is by number, never by the localized strings (ProductVersion, TypeAndModel are
// translated: German exports say "Windows Server 2008 oder Windows Server 2008 R2").
// Facts: ../shared/reference/rds-licensing-facts.md §4.1 (W32-KP; ProductVersionID 5-8 and
// the built-in values ProductType 3 / KeyPackType 6 are third-party observations, CMK), §3.3.
import * as l10n from '@vscode/l10n';
import type { CalType, LicenseProgram, LicensingMode } from '../inventory/model';
import { modeFromRegistryValue } from './licensing-modes';
import type { WindowsVersion } from './versions';

/** Win32_TSLicenseKeyPack.ProductVersionID → CAL version (0 and 1: "not supported"). */
export const PRODUCT_VERSION_IDS: Readonly<Record<number, WindowsVersion>> = {
  2: '2008', // W32-KP
  3: '2008 R2', // W32-KP
  4: '2012', // W32-KP: "Windows Server 2012" covers 2012 R2
  5: '2016', // CMK [3P], undocumented by Microsoft
  6: '2019', // CMK [3P]
  7: '2022', // CMK [3P]
  8: '2025', // CMK [3P], newest map
};

export function calVersionFromProductVersionId(id: number): WindowsVersion | undefined {
  return PRODUCT_VERSION_IDS[id];
}

/** ProductVersionID 0 and 1: "Not supported" in the class documentation (W32-KP): no CAL version. */
export function isUnsupportedProductVersionId(id: number): boolean {
  return id === 0 || id === 1;
}

/** Win32_TSLicenseKeyPack.ProductType: 0 per device, 1 per user, 2 not valid, 3 built-in (observed). */
export const PRODUCT_TYPE_PER_DEVICE = 0;
export const PRODUCT_TYPE_PER_USER = 1;
export const PRODUCT_TYPE_BUILT_IN = 3;

export function calTypeFromProductType(productType: number): CalType | undefined {
  if (productType === PRODUCT_TYPE_PER_DEVICE) return 'perDevice';
  if (productType === PRODUCT_TYPE_PER_USER) return 'perUser';
  return undefined;
}

export interface KeyPackTypeInfo {
  value: number;
  /** What the class documentation calls it, in the language l10n is configured for when read. */
  readonly label: string;
  /** The inventory program when the key pack type names one. */
  program?: LicenseProgram;
  /** Built-in or temporary: not a CAL pack anyone bought; never counted. */
  notACalPack?: boolean;
}

/** Win32_TSLicenseKeyPack.KeyPackType (W32-KP). */
export const KEY_PACK_TYPES: readonly KeyPackTypeInfo[] = [
  { value: 0, get label() { return l10n.t('Unknown'); } },
  { value: 1, get label() { return l10n.t('Retail purchase'); }, program: 'retail' },
  // Volume purchase: one of the agreement programs (Select, Enterprise, Campus, School, SPLA,
  // Other...); WMI does not say which, so the admin must complete it.
  { value: 2, get label() { return l10n.t('Volume purchase'); } },
  { value: 3, get label() { return l10n.t('Concurrent license'); } },
  { value: 4, get label() { return l10n.t('Temporary'); }, notACalPack: true },
  { value: 5, get label() { return l10n.t('Open license'); }, program: 'openLicense' },
  // Observed on the built-in "Windows 2000 Server" row (CMK).
  { value: 6, get label() { return l10n.t('Not supported, built-in'); }, notACalPack: true },
];

export function keyPackTypeInfo(value: number): KeyPackTypeInfo | undefined {
  return KEY_PACK_TYPES.find((k) => k.value === value);
}

/** TotalLicenses / AvailableLicenses of built-in and temporary packs: uint32 max, or -1 as VBScript shows it. */
export function isUnlimitedCount(value: number): boolean {
  return value === -1 || value === 4294967295;
}

/** Win32_TSLicenseServer.GetActivationStatus: 0 activated, 1 not activated, 2 unknown (W32-STATUS). */
export const ACTIVATION_STATUS = { activated: 0, notActivated: 1, unknown: 2 } as const;

/**
 * Win32_TerminalServiceSetting.PolicySourceLicensingType / PolicySourceConfiguredLicenseServers:
 * 0 = the server's own setting, 1 = group policy (W32-TSS).
 */
export const POLICY_SOURCE_GROUP_POLICY = 1;

/**
 * Windows Server release from the OS build number (Win32_OperatingSystem.BuildNumber) collected
 * next to the WMI classes. These are Microsoft's published RTM build numbers of each release.
 */
const BUILD_VERSIONS: readonly [number, WindowsVersion][] = [
  [6001, '2008'],
  [6002, '2008'],
  [6003, '2008'],
  [7600, '2008 R2'],
  [7601, '2008 R2'],
  [9200, '2012'],
  [9600, '2012 R2'],
  [14393, '2016'],
  [17763, '2019'],
  [20348, '2022'],
  [26100, '2025'],
];

export function windowsVersionFromBuild(build: number): WindowsVersion | undefined {
  return BUILD_VERSIONS.find(([b]) => b === build)?.[1];
}

/**
 * Licensing mode from Win32_TerminalServiceSetting.LicensingType. Read with the 2/4/5 values of
 * the registry, ChangeMode and Win32_TSDeploymentLicensing: the class page's own 3/4 text
 * contradicts its BitMap qualifier and practice (facts §3.3). 0 and 1 (Personal, Remote Desktop
 * for Administration) and 6 (AAD Per User, not a value of the inventory format) give undefined.
 */
export function licensingModeFromLicensingType(value: number): LicensingMode | undefined {
  const info = modeFromRegistryValue(value);
  return info && info.mode !== 'aadPerUser' ? info.mode : undefined;
}
