// Inventory format v1 as TypeScript types (the contract of ../shared/SPEC.md §1). The JSON
// Schema in schemas/inventory.schema.json is the source of truth for validation; these types
// describe what the rules, the language server, the importer and the report read once a
// document has been parsed. Every field is optional here because rules must run on partial,
// invalid documents while the user types.
import type { WindowsVersion } from '../domain/versions';

export type ServerStatus = 'active' | 'decommissioned' | 'lost' | 'reinstalled';
export type ConnectionMethod = 'automatic' | 'web' | 'telephone';
export type LicenseProgram =
  | 'retail'
  | 'openLicense'
  | 'select'
  | 'selectPlus'
  | 'enterpriseAgreement'
  | 'campus'
  | 'school'
  | 'spla'
  | 'other';
export type CalType = 'perUser' | 'perDevice';
export type LicensingMode = 'perUser' | 'perDevice' | 'notConfigured';
export type ConfiguredBy = 'gpo' | 'registry' | 'broker' | 'wmi';
export type Joined = 'domain' | 'workgroup';
export type MigrationReason = 'sourceReplaced' | 'sourceNotRunning' | 'reinstalled';
export type MigrationState = 'planned' | 'waitingForClearinghouse' | 'pending' | 'done';

/** Version as written (2022, "2012 R2", "2012R2"); use normalizeVersion() to compare. */
export type VersionValue = number | string;

export interface Backup {
  location?: string;
  method?: 'systemState' | 'vss' | 'fileCopy';
  includesRegistry?: boolean;
  lastVerified?: string;
}

export interface CalPack {
  keyPackId?: string;
  localId?: number;
  program?: LicenseProgram;
  agreementNumber?: string;
  licenseNumber?: string;
  authorizationNumber?: string;
  retailCodeLast5?: string;
  type?: CalType;
  version?: VersionValue;
  quantity?: number;
  issued?: number;
  installed?: string;
  evidence?: string;
  description?: string;
  notes?: string;
}

export interface LicenseServer {
  name?: string;
  serverId?: string;
  productId?: string;
  os?: VersionValue;
  status?: ServerStatus;
  connectionMethod?: ConnectionMethod;
  activated?: string;
  publishedInAD?: boolean;
  domainController?: boolean;
  joined?: Joined;
  backup?: Backup;
  packs?: CalPack[];
  notes?: string;
}

export interface SessionHost {
  name?: string;
  os?: VersionValue;
  licensingMode?: LicensingMode;
  licenseServers?: string[];
  configuredBy?: ConfiguredBy;
  /** RD Connection Broker of the deployment, for `configuredBy: broker`. */
  connectionBroker?: string;
  joined?: Joined;
  deployed?: string;
  /** Start of the 120-day grace period when it differs from `deployed`. */
  gracePeriodStart?: string;
  notes?: string;
}

export interface Migration {
  id?: string;
  from?: string;
  to?: string;
  reason?: MigrationReason;
  method?: ConnectionMethod;
  state?: MigrationState;
  licenses?: number;
  calType?: CalType;
  started?: string;
  completed?: string;
  clearinghouseReference?: string;
  keyPackIds?: string[];
  runbook?: string;
  notes?: string;
}

export interface Inventory {
  kind?: 'RdsLicensingInventory';
  version?: 1;
  organization?: string;
  site?: string;
  notes?: string;
  licenseServers?: LicenseServer[];
  sessionHosts?: SessionHost[];
  migrations?: Migration[];
}

export type { WindowsVersion };
