// Turns what the WMI exports say into an inventory (format v1), and says what WMI cannot know:
// each gap becomes a TODO note attached to the server, pack or host it concerns, which the
// YAML writer turns into `# TODO:` comments for the admin to complete.
import * as l10n from '@vscode/l10n';
import type { CalPack, Inventory, LicenseServer, SessionHost, VersionValue } from '../inventory/model';
import { todayUtc } from '../domain/dates';
import type { WindowsVersion } from '../domain/versions';
import {
  ACTIVATION_STATUS,
  calTypeFromProductType,
  calVersionFromProductVersionId,
  isUnsupportedProductVersionId,
  keyPackTypeInfo,
  licensingModeFromLicensingType,
  PRODUCT_TYPE_BUILT_IN,
} from '../domain/wmi';
import type { ImportMessage, UnreadableField, WmiCollection, WmiKeyPack, WmiLicenseServer, WmiSessionHost } from './wmi-json';

/** Where a TODO goes: before the item at `path` (a server, a pack, a host) or the top-level key. */
export interface TodoNote {
  path: readonly (string | number)[];
  text: string;
}

export interface ImportOptions {
  /** License server name to use (overrides what the export says). */
  server?: string;
  organization?: string;
  /** YYYY-MM-DD a pack's expiration is judged against when the export has no CollectedAt (default: today). */
  today?: string;
}

export interface ImportResult {
  inventory: Inventory;
  todos: TodoNote[];
  messages: ImportMessage[];
  /** Packs left out because they are not CAL packs (built-in, temporary). */
  skipped: { file: string; pack: WmiKeyPack; reason: string }[];
}

const PLACEHOLDER_ORGANIZATION = 'TODO';

export function buildInventory(collections: readonly WmiCollection[], options: ImportOptions = {}): ImportResult {
  const result: ImportResult = { inventory: {}, todos: [], messages: [], skipped: [] };
  for (const c of collections) result.messages.push(...c.messages);

  const servers: LicenseServer[] = [];
  const hosts: SessionHost[] = [];
  const serverSources = collections.filter((c) => c.licenseServer || c.keyPacks.length > 0);
  const distinctNames = new Set(serverSources.map((c) => c.licenseServer?.name?.toLowerCase() ?? ''));
  if (options.server && distinctNames.size > 1) {
    result.messages.push({
      severity: 'error',
      message: l10n.t('--server names one license server, but the input describes {0} different license servers.', distinctNames.size),
    });
    return result;
  }

  // One server may come in several files (its key packs in one, Win32_TSLicenseServer in
  // another): gather what each says before writing the server, the first file's value first.
  const byServer = new Map<string, { name: string; facts: WmiLicenseServer; packs: { pack: WmiKeyPack; file: string; collectedAt?: string }[] }>();
  for (const c of serverSources) {
    const name = options.server ?? c.licenseServer?.name;
    if (!name) {
      result.messages.push({
        severity: 'error',
        file: c.file,
        message: l10n.t('This export does not say which license server it comes from: pass --server NAME (its fully qualified name).'),
      });
      continue;
    }
    const entry = byServer.get(name.toLowerCase()) ?? { name, facts: {}, packs: [] };
    byServer.set(name.toLowerCase(), entry);
    for (const [key, value] of Object.entries(c.licenseServer ?? {})) {
      const facts = entry.facts as Record<string, unknown>;
      if (value !== undefined && facts[key] === undefined) facts[key] = value;
    }
    for (const pack of c.keyPacks) entry.packs.push({ pack, file: c.file, collectedAt: c.collectedAt });
  }
  const today = options.today ?? todayUtc();
  for (const { name, facts, packs } of byServer.values()) {
    const server = serverFrom(name, facts, servers.length, result);
    servers.push(server);
    for (const { pack, file, collectedAt } of packs) addPack(server, servers.length - 1, pack, file, collectedAt ?? today, result);
  }

  for (const c of collections) {
    for (const h of c.sessionHosts) {
      const host = hostFrom(h, hosts.length, c.file, result);
      if (host) hosts.push(host);
    }
  }

  if (servers.length === 0 && hosts.length === 0 && !result.messages.some((m) => m.severity === 'error')) {
    // Nothing to write: an inventory with only TODOs would hide that the export was empty.
    result.messages.push({ severity: 'error', message: l10n.t('Nothing to import: no license server, key pack or session host in {0}.', collections.map((c) => c.file).join(', ')) });
    return result;
  }

  const domain = collections.map((c) => c.licenseServer?.domain ?? c.sessionHosts.find((h) => h.domain)?.domain).find((d) => d);
  const organization = options.organization ?? domain;
  if (!options.organization) {
    result.todos.push({
      path: ['organization'],
      text: domain
        ? l10n.t('organization: taken from the AD domain ({0}); write the organization name.', domain)
        : l10n.t('organization: write the organization name.'),
    });
  }
  result.inventory = {
    kind: 'RdsLicensingInventory',
    version: 1,
    organization: organization ?? PLACEHOLDER_ORGANIZATION,
    ...(servers.length > 0 ? { licenseServers: servers } : {}),
    ...(hosts.length > 0 ? { sessionHosts: hosts } : {}),
  };
  return result;
}

function serverFrom(name: string, facts: WmiLicenseServer | undefined, index: number, result: ImportResult): LicenseServer {
  const path = ['licenseServers', index];
  const server: LicenseServer = { name };
  if (facts?.licenseServerId) server.serverId = facts.licenseServerId;
  if (facts?.productId) server.productId = facts.productId;
  if (facts?.os) server.os = versionValue(facts.os);
  else result.todos.push({ path, text: l10n.t('os: the Windows Server version of this license server.') });
  // A server that answers WMI runs; whether it is the one CALs should live on is the admin's call.
  server.status = 'active';
  if (facts?.activationStatus === ACTIVATION_STATUS.notActivated) {
    result.todos.push({ path, text: l10n.t('This license server is NOT activated: it can only issue temporary per-device CALs (90 days) or per-user CALs. Activate it (runbook activate-license-server).') });
  } else if (facts?.activationStatus === ACTIVATION_STATUS.activated) {
    result.todos.push({ path, text: l10n.t('activated, connectionMethod: the activation date and method (automatic, web, telephone) are not in WMI.') });
  }
  if (facts?.publishedInAD !== undefined) server.publishedInAD = facts.publishedInAD;
  if (facts?.partOfDomain !== undefined) server.joined = facts.partOfDomain ? 'domain' : 'workgroup';
  if (facts?.onDomainController !== undefined) server.domainController = facts.onDomainController;
  result.todos.push({ path, text: l10n.t('backup: where the system-state backup of this server is kept, and when it was last verified.') });
  return server;
}

function addPack(server: LicenseServer, serverIndex: number, raw: WmiKeyPack, file: string, asOf: string, result: ImportResult): void {
  const label = raw.keyPackId !== undefined ? `KeyPackId ${raw.keyPackId}` : `#${raw.index}`;
  const notCal = notACalPackReason(raw);
  if (notCal) {
    result.skipped.push({ file, pack: raw, reason: notCal });
    result.messages.push({ severity: 'info', file, message: l10n.t('Key pack {0} left out: {1}', label, notCal) });
    return;
  }
  // An expired pack issues no CAL: counting it would overstate what the server can hand out.
  if (raw.expirationDate !== undefined && raw.expirationDate < asOf) {
    const reason = l10n.t('it expired on {0} (WMI ExpirationDate) and issues no CAL, so it is not counted.', raw.expirationDate);
    result.skipped.push({ file, pack: raw, reason });
    result.messages.push({ severity: 'warning', file, message: l10n.t('Key pack {0} left out: {1}', label, reason) });
    return;
  }
  const type = raw.productType !== undefined ? calTypeFromProductType(raw.productType) : undefined;
  const version = raw.productVersionId !== undefined ? calVersionFromProductVersionId(raw.productVersionId) : undefined;
  const pack: CalPack = {};
  const todos: string[] = [];
  if (raw.keyPackId !== undefined) pack.localId = raw.keyPackId;
  if (raw.description) pack.description = raw.description;
  todos.push(l10n.t('keyPackId: the 35-character license key pack ID the Clearinghouse gave for this pack (not in WMI).'));

  const kind = raw.keyPackType !== undefined ? keyPackTypeInfo(raw.keyPackType) : undefined;
  if (kind?.program) {
    pack.program = kind.program;
    todos.push(
      kind.program === 'retail'
        ? l10n.t('retailCodeLast5: the last 5 characters of the retail license code (never the full code).')
        : l10n.t('licenseNumber, authorizationNumber: from the Open License confirmation.'),
    );
  } else {
    todos.push(
      raw.keyPackType === 2
        ? l10n.t('program: volume purchase; WMI does not say which agreement (select, enterpriseAgreement, campus, school, spla, other...). Add it and its agreementNumber.')
        : l10n.t('program: the license program this pack was bought under, and its reference.'),
    );
  }

  if (type) pack.type = type;
  else {
    result.messages.push({ severity: 'warning', file, message: productTypeProblem(label, raw) });
    todos.push(l10n.t('type: perUser or perDevice (WMI ProductType {0}).', shown(raw, 'productType', raw.productType)));
  }
  if (version) pack.version = versionValue(version);
  else {
    result.messages.push({ severity: 'warning', file, message: productVersionProblem(label, raw) });
    todos.push(l10n.t('version: the CAL version (WMI ProductVersionID {0}, "{1}").', shown(raw, 'productVersionId', raw.productVersionId), raw.productVersion ?? ''));
  }
  if (typeof raw.totalLicenses === 'number') pack.quantity = raw.totalLicenses;
  else {
    const total = raw.totalLicenses === 'unlimited' ? l10n.t('unlimited (-1)') : shown(raw, 'totalLicenses', undefined);
    result.messages.push({ severity: 'warning', file, message: l10n.t('Key pack {0}: TotalLicenses is {1}; quantity left to complete.', label, total) });
    todos.push(l10n.t('quantity: the number of CALs in this pack.'));
  }
  if (raw.issuedLicenses !== undefined) pack.issued = raw.issuedLicenses;
  todos.push(l10n.t('installed, evidence: the install date and where the proof of purchase is kept.'));

  server.packs ??= [];
  const path = ['licenseServers', serverIndex, 'packs', server.packs.length];
  server.packs.push(pack);
  for (const text of todos) result.todos.push({ path, text });
}

/** A field as the export wrote it: its number, what stood there instead, or "missing". */
function shown(raw: WmiKeyPack, field: UnreadableField, value: number | undefined): string {
  return value !== undefined ? String(value) : (raw.unreadable?.[field] ?? l10n.t('missing'));
}

function productTypeProblem(label: string, raw: WmiKeyPack): string {
  if (raw.productType === undefined && raw.unreadable?.productType === undefined) return l10n.t('Key pack {0}: no ProductType in the export; type left to complete.', label);
  return l10n.t('Key pack {0}: ProductType {1} is neither per device (0) nor per user (1); type left to complete.', label, shown(raw, 'productType', raw.productType));
}

function productVersionProblem(label: string, raw: WmiKeyPack): string {
  const text = raw.productVersion ? ` ("${raw.productVersion}")` : '';
  const id = raw.productVersionId;
  if (id !== undefined && isUnsupportedProductVersionId(id)) {
    return l10n.t('Key pack {0}: ProductVersionID {1}{2} is "not supported" in the WMI documentation, not a CAL version; version left to complete.', label, id, text);
  }
  if (id !== undefined) return l10n.t('Key pack {0}: unknown ProductVersionID {1}{2}; version left to complete.', label, id, text);
  if (raw.unreadable?.productVersionId !== undefined) {
    return l10n.t('Key pack {0}: ProductVersionID is {1}{2}, not a number; version left to complete.', label, raw.unreadable.productVersionId, text);
  }
  return l10n.t('Key pack {0}: no ProductVersionID in the export{1}; version left to complete.', label, text);
}

/** Why a key pack is not a CAL pack someone bought, or undefined when it is one. */
export function notACalPackReason(raw: WmiKeyPack): string | undefined {
  const kind = raw.keyPackType !== undefined ? keyPackTypeInfo(raw.keyPackType) : undefined;
  if (kind?.notACalPack) return l10n.t('KeyPackType {0} ({1}) is a built-in or temporary pack, not a CAL pack.', raw.keyPackType ?? '', kind.label);
  if (raw.productType === PRODUCT_TYPE_BUILT_IN) return l10n.t('ProductType 3 is the built-in pack, not a CAL pack.');
  if (raw.typeAndModel && /^built-in/i.test(raw.typeAndModel)) return l10n.t('"{0}" is a built-in pack, not a CAL pack.', raw.typeAndModel);
  return undefined;
}

function hostFrom(h: WmiSessionHost, index: number, file: string, result: ImportResult): SessionHost | undefined {
  if (!h.name) {
    result.messages.push({ severity: 'warning', file, message: l10n.t('A session host section has no computer name; it was skipped.') });
    return undefined;
  }
  const path = ['sessionHosts', index];
  const host: SessionHost = { name: h.name };
  if (h.os) host.os = versionValue(h.os);
  else result.todos.push({ path, text: l10n.t('os: the Windows Server version of this host.') });
  const mode = h.licensingType !== undefined ? licensingModeFromLicensingType(h.licensingType) : undefined;
  if (mode) host.licensingMode = mode;
  else if (h.licensingType !== undefined) {
    result.todos.push({ path, text: l10n.t('licensingMode: WMI LicensingType {0} is not a licensing mode (2 per device, 4 per user, 5 not configured).', String(h.licensingType)) });
  } else {
    result.todos.push({ path, text: l10n.t('licensingMode: not in the export; perUser or perDevice.') });
  }
  if (h.licenseServers && h.licenseServers.length > 0) host.licenseServers = h.licenseServers;
  if (h.setByPolicy === true) host.configuredBy = 'gpo';
  else if (h.setByPolicy === false) result.todos.push({ path, text: l10n.t('configuredBy: not set by Group Policy here; write registry, wmi or broker (Set-RDLicenseConfiguration).') });
  else result.todos.push({ path, text: l10n.t('configuredBy: not in the export; gpo, registry, wmi or broker (Set-RDLicenseConfiguration).') });
  if (h.partOfDomain !== undefined) host.joined = h.partOfDomain ? 'domain' : 'workgroup';
  const graceNote =
    h.gracePeriodDays !== undefined ? l10n.t(' (WMI GetGracePeriodDays said {0} days left when collected)', h.gracePeriodDays) : '';
  result.todos.push({ path, text: l10n.t('deployed: the date the host was first deployed (start of the 120-day grace period){0}.', graceNote) });
  return host;
}

/** Plain years as numbers (`version: 2022`), as the format's examples write them; R2 as a string. */
function versionValue(v: WindowsVersion): VersionValue {
  return /^\d{4}$/.test(v) ? Number(v) : v;
}
