// Reads the JSON that PowerShell writes for the RDS licensing WMI classes, in every shape an
// admin may hand us (facts sheet §4.6):
// - `Get-CimInstance Win32_TSLicenseKeyPack | Select-Object ... | ConvertTo-Json`: an array, or a
//   single object when there is one pack; extra CIM properties (CimClass, PSComputerName...);
// - Windows PowerShell 5.1 dates "\/Date(ms)\/" (or {"value": ..., "DateTime": ...} when not
//   selected first), PowerShell 7 ISO dates, raw DMTF dates from Get-WmiObject;
// - -1 or 4294967295 for "unlimited";
// - the collector's one-file document (scripts/Export-RdsLicensing.ps1) with its sections;
// - a bare Win32_TSLicenseServer or Win32_TerminalServiceSetting object.
// Nothing here trusts a localized string: numbers only.
import * as l10n from '@vscode/l10n';
import type { WindowsVersion } from '../domain/versions';
import { normalizeVersion } from '../domain/versions';
import { isUnlimitedCount, windowsVersionFromBuild } from '../domain/wmi';
import { jsonErrorOffset } from './json-error';

export interface ImportMessage {
  severity: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
  /** 1-based, when the message is about a place in the file. */
  line?: number;
  column?: number;
}

export interface WmiKeyPack {
  keyPackId?: number;
  description?: string;
  keyPackType?: number;
  productType?: number;
  /** Localized text: shown to the user, never used to decide anything. */
  productVersion?: string;
  productVersionId?: number;
  /** 'unlimited' for -1 / 4294967295. */
  totalLicenses?: number | 'unlimited';
  issuedLicenses?: number;
  availableLicenses?: number | 'unlimited';
  /** ISO date (YYYY-MM-DD) when the date could be read. */
  expirationDate?: string;
  typeAndModel?: string;
  /** 1-based index of the pack in its file, for messages. */
  index: number;
  /**
   * Fields that were written but could not be read as a count or code (a string, null, a
   * number out of range...), as they are shown in messages: a field missing from the export
   * is absent here.
   */
  unreadable?: Partial<Record<UnreadableField, string>>;
}

export type UnreadableField = 'keyPackType' | 'productType' | 'productVersionId' | 'totalLicenses';

export interface MachineFacts {
  /** Fully qualified name when known, else the computer name. */
  name?: string;
  os?: WindowsVersion;
  /** True when the machine is in a domain, false in a workgroup. */
  partOfDomain?: boolean;
  domain?: string;
}

export interface WmiLicenseServer extends MachineFacts {
  productId?: string;
  /** 0 activated, 1 not activated, 2 unknown. */
  activationStatus?: number;
  licenseServerId?: string;
  publishedInAD?: boolean;
  onDomainController?: boolean;
}

export interface WmiSessionHost extends MachineFacts {
  /** Win32_TerminalServiceSetting.LicensingType, or the policy LicensingMode value. */
  licensingType?: number;
  /** True when a group policy sets the mode or the servers. */
  setByPolicy?: boolean;
  licenseServers?: string[];
  gracePeriodDays?: number;
}

export interface WmiCollection {
  file: string;
  keyPacks: WmiKeyPack[];
  licenseServer?: WmiLicenseServer;
  sessionHosts: WmiSessionHost[];
  /** ISO date the collector ran, when it says. */
  collectedAt?: string;
  messages: ImportMessage[];
}

/**
 * Fields where ConvertTo-Json (default -Depth 2) wrote a nested object or list as its type
 * name or a "@{...}" string: read as missing, and reported once per file.
 */
type CutFields = Set<string>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Parses one file's text. Never throws: problems become messages. */
export function readWmiJson(text: string, file: string): WmiCollection {
  const out: WmiCollection = { file, keyPacks: [], sessionHosts: [], messages: [] };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    out.messages.push({ severity: 'error', file, message: l10n.t('The file is empty: expected the JSON written by ConvertTo-Json or by Export-RdsLicensing.ps1.') });
    return out;
  }
  let data: Json;
  try {
    data = JSON.parse(body) as Json;
  } catch (e) {
    out.messages.push(jsonErrorMessage(e, body, file));
    return out;
  }

  const cut: CutFields = new Set();
  if (Array.isArray(data)) {
    readBareKeyPacks(data, out, cut);
  } else if (isObject(data)) {
    if (isKeyPack(data)) readBareKeyPacks([data], out, cut);
    else if (isCollectorDocument(data)) readCollectorDocument(data, out, cut);
    else if (isLicenseServer(data)) out.licenseServer = readLicenseServer(data, undefined, cut);
    else if (isTerminalServiceSetting(data)) out.sessionHosts.push(readSessionHost(data, {}, cut));
    else unknownShape(out);
  } else {
    unknownShape(out);
  }
  if (cut.size > 0) {
    out.messages.push({
      severity: 'warning',
      file,
      message: l10n.t(
        'ConvertTo-Json cut this export at its default depth, writing a type name or "@{...}" text instead of the values of: {0}. They were read as missing. Export again with ConvertTo-Json -Depth 6, or with scripts/Export-RdsLicensing.ps1.',
        [...cut].join(', '),
      ),
    });
  }
  return out;
}

/**
 * What Windows PowerShell's ConvertTo-Json writes for an object or list deeper than -Depth:
 * its ToString(), e.g. "System.Object[]", "System.Collections.Specialized.OrderedDictionary",
 * "Microsoft.Management.Infrastructure.CimInstance", or "@{Caption=...; BuildNumber=...}".
 */
function isDepthArtefact(v: Json | undefined): boolean {
  if (typeof v !== 'string') return false;
  const s = v.trim();
  return /^@\{.*\}$/s.test(s) || /^(System|Microsoft)\.[\w.`]+(\[\])?$/.test(s);
}

/** A nested value, or undefined (noted in `cut`) when ConvertTo-Json replaced it with text. */
function nested(o: JsonObject, key: string, cut: CutFields): Json | undefined {
  const v = get(o, key);
  if (!isDepthArtefact(v)) return v;
  cut.add(key);
  return undefined;
}

function unknownShape(out: WmiCollection): void {
  out.messages.push({
    severity: 'error',
    file: out.file,
    message: l10n.t(
      'This JSON is not a Win32_TSLicenseKeyPack list, a Win32_TSLicenseServer or Win32_TerminalServiceSetting object, or the output of Export-RdsLicensing.ps1.',
    ),
  });
}

/**
 * A license server always lists at least its built-in pack, so an empty list means the export
 * did not see the licensing provider: another machine, or an account without the rights.
 */
function noKeyPack(out: WmiCollection): void {
  out.messages.push({
    severity: 'warning',
    file: out.file,
    message: l10n.t('No key pack in {0}: was it run as an administrator on the license server?', out.file),
  });
}

// --- shapes ------------------------------------------------------------------------------

const KEY_PACK_SECTIONS = ['KeyPacks', 'Win32_TSLicenseKeyPack'];
const LICENSE_SERVER_SECTIONS = ['LicenseServer', 'Win32_TSLicenseServer'];
const SESSION_HOST_SECTIONS = ['SessionHosts', 'SessionHost', 'Win32_TerminalServiceSetting'];

function isKeyPack(o: JsonObject): boolean {
  return has(o, 'KeyPackId') || (has(o, 'ProductVersionID') && has(o, 'TotalLicenses'));
}
function isLicenseServer(o: JsonObject): boolean {
  return has(o, 'ProductId') || has(o, 'DatabasePath') || has(o, 'ServerRole') || has(o, 'LicenseServerId');
}
function isTerminalServiceSetting(o: JsonObject): boolean {
  return has(o, 'LicensingType') || has(o, 'TerminalServiceSetting');
}
function isCollectorDocument(o: JsonObject): boolean {
  return [...KEY_PACK_SECTIONS, ...LICENSE_SERVER_SECTIONS, ...SESSION_HOST_SECTIONS].some((s) => has(o, s));
}

function readCollectorDocument(doc: JsonObject, out: WmiCollection, cut: CutFields): void {
  const machine = readMachine(doc, cut);
  out.collectedAt = toIsoDate(get(doc, 'CollectedAt'));
  const packs = section(doc, KEY_PACK_SECTIONS, cut);
  if (packs !== undefined && packs !== null) {
    if (Array.isArray(packs)) readKeyPackList(packs, out, cut);
    else if (isObject(packs)) readKeyPackList([packs], out, cut);
    if (out.keyPacks.length === 0 && cut.size === 0) noKeyPack(out);
  }
  const server = section(doc, LICENSE_SERVER_SECTIONS, cut);
  if (isObject(server)) out.licenseServer = readLicenseServer(server, machine, cut);
  else if (out.keyPacks.length > 0 && machine.name) out.licenseServer = { ...machine };
  const hosts = section(doc, SESSION_HOST_SECTIONS, cut);
  const hostList = Array.isArray(hosts) ? hosts : isObject(hosts) ? [hosts] : [];
  for (const h of hostList) {
    if (isDepthArtefact(h)) cut.add('SessionHosts');
    if (!isObject(h)) continue;
    // A host section of the collector names its own machine; a bare setting takes the file's.
    const own = readMachine(h, cut);
    out.sessionHosts.push(readSessionHost(h, own.name ? own : machine, cut));
  }
}

/**
 * A plain ConvertTo-Json of key packs: the server is the one the CIM/WMI objects name
 * (PSComputerName, __SERVER), when they all name the same one.
 */
function readBareKeyPacks(list: Json[], out: WmiCollection, cut: CutFields): void {
  readKeyPackList(list, out, cut);
  if (out.keyPacks.length === 0 && cut.size === 0) noKeyPack(out);
  const names = new Set(
    list.filter(isObject).map((o) => str(get(o, 'PSComputerName')) ?? str(get(o, '__SERVER')) ?? ''),
  );
  const [name] = [...names];
  if (names.size === 1 && name) out.licenseServer = { name };
}

function readKeyPackList(list: Json[], out: WmiCollection, cut: CutFields): void {
  list.forEach((item, i) => {
    if (isDepthArtefact(item)) {
      cut.add('KeyPacks');
      return;
    }
    if (!isObject(item)) {
      out.messages.push({ severity: 'warning', file: out.file, message: l10n.t('Key pack {0} is not an object ({1}); it was skipped.', i + 1, describeValue(item)) });
      return;
    }
    const unreadable: Partial<Record<UnreadableField, string>> = {};
    // Reads a field, remembering how it was written when it is there but not usable.
    const read = <T>(field: UnreadableField, key: string, parse: (v: Json | undefined) => T | undefined): T | undefined => {
      const raw = get(item, key);
      const value = parse(raw);
      if (value === undefined && raw !== undefined) unreadable[field] = describeValue(raw);
      return value;
    };
    out.keyPacks.push({
      index: i + 1,
      keyPackId: num(get(item, 'KeyPackId')),
      description: str(get(item, 'Description')),
      keyPackType: read('keyPackType', 'KeyPackType', num),
      productType: read('productType', 'ProductType', num),
      productVersion: str(get(item, 'ProductVersion')),
      productVersionId: read('productVersionId', 'ProductVersionID', num),
      totalLicenses: read('totalLicenses', 'TotalLicenses', count),
      issuedLicenses: plainCount(get(item, 'IssuedLicenses')),
      availableLicenses: count(get(item, 'AvailableLicenses')),
      expirationDate: toIsoDate(get(item, 'ExpirationDate')),
      typeAndModel: str(get(item, 'TypeAndModel')),
      ...(Object.keys(unreadable).length > 0 ? { unreadable } : {}),
    });
  });
}

/** A JSON value as a message shows it: what the export really says, kept short. */
function describeValue(v: Json | undefined): string {
  if (v === undefined) return l10n.t('missing');
  // JSON.parse turns 1e400 into Infinity: the text is gone, say why it cannot be used.
  if (typeof v === 'number' && !Number.isFinite(v)) return l10n.t('a number too large to read');
  const text = typeof v === 'number' ? String(v) : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function readMachine(o: JsonObject, cut: CutFields): MachineFacts {
  const os = nested(o, 'OperatingSystem', cut);
  const cs = nested(o, 'ComputerSystem', cut);
  const build = isObject(os) ? num(get(os, 'BuildNumber')) : undefined;
  const caption = isObject(os) ? str(get(os, 'Caption')) : undefined;
  const partOfDomain = isObject(cs) ? bool(get(cs, 'PartOfDomain')) : undefined;
  const domain = isObject(cs) ? str(get(cs, 'Domain')) : undefined;
  const name = str(get(o, 'Fqdn')) ?? str(get(o, 'ComputerName')) ?? str(get(o, 'PSComputerName'));
  return {
    name: name || undefined,
    os: (build !== undefined ? windowsVersionFromBuild(build) : undefined) ?? versionFromCaption(caption),
    partOfDomain,
    domain: partOfDomain ? domain : undefined,
  };
}

/** "Microsoft Windows Server 2022 Standard", "Microsoft Windows Server 2012 R2 Datacenter"... */
function versionFromCaption(caption: string | undefined): WindowsVersion | undefined {
  const m = caption ? /Windows Server (\d{4})( R2)?/i.exec(caption) : null;
  return m ? normalizeVersion(m[1] + (m[2] ?? '')) : undefined;
}

function readLicenseServer(o: JsonObject, machine: MachineFacts | undefined, cut: CutFields): WmiLicenseServer {
  const own = readMachine(o, cut);
  const id = str(get(o, 'LicenseServerId'));
  // Win32_TSLicenseServer.Version / VersionNumber: the licensing service's build, the OS's
  // ("10.0.17763.1" on 2019): the Windows version of a bare export that has no OS section.
  const serviceBuild = /^\s*\d+\.\d+\.(\d+)/.exec(str(get(o, 'VersionNumber')) ?? str(get(o, 'Version')) ?? '');
  const serviceOs = serviceBuild ? windowsVersionFromBuild(Number(serviceBuild[1])) : undefined;
  return {
    ...(serviceOs ? { os: serviceOs } : {}),
    ...definedOnly(machine ?? {}),
    ...definedOnly(own),
    productId: str(get(o, 'ProductId')) || undefined,
    activationStatus: num(get(o, 'ActivationStatus')),
    licenseServerId: id || undefined,
    publishedInAD: bool(get(o, 'IsLSPublished')),
    onDomainController: bool(get(o, 'IsLSonDC')),
  };
}

function readSessionHost(o: JsonObject, machine: MachineFacts, cut: CutFields): WmiSessionHost {
  // The collector nests the WMI object; a bare export is the object itself.
  const nestedSetting = nested(o, 'TerminalServiceSetting', cut);
  const setting = isObject(nestedSetting) ? nestedSetting : o;
  const nestedPolicy = nested(o, 'Policy', cut);
  const policy = isObject(nestedPolicy) ? nestedPolicy : undefined;
  const policyMode = policy ? num(get(policy, 'LicensingMode')) : undefined;
  const policyServers = policy ? serverList(nested(policy, 'LicenseServers', cut)) : undefined;
  const wmiServers = serverList(nested(o, 'SpecifiedLicenseServers', cut)) ?? serverList(nested(setting, 'SpecifiedLicenseServers', cut));
  const sourceMode = num(get(setting, 'PolicySourceLicensingType'));
  const sourceServers = num(get(setting, 'PolicySourceConfiguredLicenseServers'));
  const name = machine.name ?? str(get(setting, 'ServerName')) ?? str(get(setting, 'PSComputerName'));
  return {
    ...machine,
    name: name || undefined,
    // Policy values win over the server's own (SUP-GUIDE); the WMI value already reflects them.
    licensingType: num(get(setting, 'LicensingType')) ?? policyMode,
    setByPolicy: policyMode !== undefined || policyServers !== undefined || sourceMode === 1 || sourceServers === 1 ? true : sourceMode === 0 ? false : undefined,
    licenseServers: wmiServers && wmiServers.length > 0 ? wmiServers : policyServers,
    gracePeriodDays: num(get(o, 'GracePeriodDays')),
  };
}

/** A list of servers as an array, or the policy's comma-separated REG_SZ. */
function serverList(v: Json | undefined): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const parts = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : typeof v === 'string' ? v.split(',') : [];
  const names = parts.map((s) => s.trim()).filter((s) => s !== '');
  return [...new Set(names)];
}

// --- values -------------------------------------------------------------------------------

function has(o: JsonObject, key: string): boolean {
  return get(o, key) !== undefined;
}

/** Property by name, case-insensitive (PowerShell is). */
function get(o: JsonObject, key: string): Json | undefined {
  if (Object.prototype.hasOwnProperty.call(o, key)) return o[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

function section(o: JsonObject, names: string[], cut: CutFields): Json | undefined {
  for (const n of names) {
    const v = nested(o, n, cut);
    if (v !== undefined) return v;
  }
  return undefined;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function num(v: Json | undefined): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  // PowerShell 5.1 without Select-Object can wrap values: {"value": 3, ...}.
  if (isObject(v) && get(v, 'value') !== undefined) return num(get(v, 'value'));
  return undefined;
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function bool(v: Json | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  return undefined;
}

/** A uint32 count as WMI writes it: whole, 0..4294967295, or -1 for "unlimited". */
function count(v: Json | undefined): number | 'unlimited' | undefined {
  const n = num(v);
  if (n === undefined) return undefined;
  if (isUnlimitedCount(n)) return 'unlimited';
  return Number.isInteger(n) && n >= 0 && n < 4294967295 ? n : undefined;
}

function plainCount(v: Json | undefined): number | undefined {
  const n = count(v);
  return typeof n === 'number' ? n : undefined;
}

/**
 * A date in any of the forms PowerShell and WMI write, as YYYY-MM-DD (UTC for the epoch forms,
 * the local date as written for ISO and DMTF, which carry the server's own clock).
 */
export function toIsoDate(v: Json | undefined): string | undefined {
  if (isObject(v)) return toIsoDate(get(v, 'value') ?? get(v, 'DateTime'));
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  // Windows PowerShell 5.1: "\/Date(1700000000000)\/" (the JSON escape leaves "/Date(...)/"),
  // possibly with an offset "+0100" that does not change the instant.
  const ms = /^\/?Date\((-?\d+)(?:[+-]\d{4})?\)\/?$/.exec(s);
  if (ms) {
    const d = new Date(Number(ms[1]));
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
  }
  // DMTF: yyyymmddHHMMSS.mmmmmmsUUU (Get-WmiObject, VBScript).
  const dmtf = /^(\d{4})(\d{2})(\d{2})\d{6}(?:\.\d{6}[+-]\d{3})?$/.exec(s);
  if (dmtf) return validDate(dmtf[1], dmtf[2], dmtf[3]);
  // PowerShell 7: ISO 8601.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (iso) return validDate(iso[1], iso[2], iso[3]);
  return undefined;
}

function validDate(y: string, m: string, d: string): string | undefined {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : undefined;
}

function jsonErrorMessage(e: unknown, text: string, file: string): ImportMessage {
  const raw = e instanceof Error ? e.message : String(e);
  const detail = raw.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  const base: ImportMessage = { severity: 'error', file, message: l10n.t('Not valid JSON: {0}', detail) };
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return base;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { ...base, line, column };
}
