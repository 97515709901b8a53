// Identifier formats of RDS licensing: the one place that knows them. Used by the inventory
// rules (RDS1xx, RDS501) and by anything that checks IDs written elsewhere (runbooks).
import * as l10n from '@vscode/l10n';

// Facts: ../shared/reference/rds-licensing-facts.md §1 (sources WSD-MIG, W32-ACT, W32-KPID,
// W32-IMPOFF, W32-RET, W32-OPEN, W32-AGR; RDSPROV for 8-digit SPLA numbers).

export type IdKind =
  | 'licenseServerId'
  | 'keyPackId'
  | 'retailCode'
  | 'openLicenseNumber'
  | 'openAuthorizationNumber'
  | 'agreementNumber'
  | 'otherAgreementNumber';

/**
 * What is wrong with an identifier:
 * - `length`/`charset`: not the documented format, even after removing separators (error);
 * - `lettersInServerId`: a License Server ID with letters (Microsoft's pages disagree: warning);
 * - `unusualLength`: an agreement number of 8 digits (documented as 7; 8 seen in practice: warning);
 * - `notCanonical`: right once normalised, but written with separators or lower case.
 */
export type IdProblem = 'length' | 'charset' | 'lettersInServerId' | 'unusualLength' | 'notCanonical';

export interface IdCheck {
  kind: IdKind;
  /** The value as written. */
  value: string;
  /** Problems found, most serious first; empty when the value is fine as written. */
  problems: IdProblem[];
  /** Canonical form, when the value has the right format once normalised. */
  normalized?: string;
  /** Length of the value once separators are removed. */
  length: number;
}

export interface IdFormat {
  kind: IdKind;
  /** English name, for messages and docs. */
  label: string;
  /** Expected length(s) after normalisation. */
  lengths: readonly number[];
  /** Documented length; other accepted lengths are only warnings. */
  documentedLength?: number;
  charset: 'digits' | 'alphanumeric';
  /** How it is written in the inventory once normalised. */
  canonical: string;
  source: string;
}

export const ID_FORMATS: Record<IdKind, IdFormat> = {
  licenseServerId: {
    kind: 'licenseServerId',
    label: 'License Server ID',
    lengths: [35],
    charset: 'alphanumeric',
    canonical: '7 groups of 5 characters separated by "-" (or the 35 characters without separators)',
    source: 'WSD-MIG ("35-digit number, in groups of 5 numerals"), W32-ACT ("35-character alphanumeric string")',
  },
  keyPackId: {
    kind: 'keyPackId',
    label: 'license key pack ID',
    lengths: [35],
    charset: 'alphanumeric',
    canonical: '35 upper-case letters and digits, no hyphens',
    source: 'W32-KPID, W32-IMPOFF',
  },
  retailCode: {
    kind: 'retailCode',
    label: 'retail license code',
    lengths: [25],
    charset: 'alphanumeric',
    canonical: '25 upper-case letters and digits (5 groups of 5)',
    source: 'W32-RET',
  },
  openLicenseNumber: {
    kind: 'openLicenseNumber',
    label: 'Open License number',
    lengths: [8],
    charset: 'digits',
    canonical: '8 digits',
    source: 'W32-OPEN',
  },
  openAuthorizationNumber: {
    kind: 'openAuthorizationNumber',
    label: 'Open License authorization number',
    lengths: [15],
    charset: 'alphanumeric',
    canonical: '15 upper-case letters and digits, no hyphens',
    source: 'W32-OPEN',
  },
  agreementNumber: {
    kind: 'agreementNumber',
    label: 'agreement/enrollment number',
    lengths: [7, 8],
    documentedLength: 7,
    charset: 'digits',
    canonical: '7 digits (8 seen for SPLA)',
    source: 'W32-AGR (7 digits), RDSPROV (8-digit SPLA number)',
  },
  otherAgreementNumber: {
    kind: 'otherAgreementNumber',
    label: 'agreement number',
    lengths: [],
    documentedLength: 7,
    charset: 'digits',
    canonical: 'digits, no separators',
    source: 'W32-AGR (AgreementType 5: no length given)',
  },
};

/** Label and canonical form of an identifier kind, in the active language (for messages). */
export function idWording(kind: IdKind): { label: string; canonical: string } {
  switch (kind) {
    case 'licenseServerId':
      return { label: l10n.t('License Server ID'), canonical: l10n.t('7 groups of 5 characters separated by "-" (or the 35 characters without separators)') };
    case 'keyPackId':
      return { label: l10n.t('license key pack ID'), canonical: l10n.t('35 upper-case letters and digits, no hyphens') };
    case 'retailCode':
      return { label: l10n.t('retail license code'), canonical: l10n.t('25 upper-case letters and digits (5 groups of 5)') };
    case 'openLicenseNumber':
      return { label: l10n.t('Open License number'), canonical: l10n.t('8 digits') };
    case 'openAuthorizationNumber':
      return { label: l10n.t('Open License authorization number'), canonical: l10n.t('15 upper-case letters and digits, no hyphens') };
    case 'agreementNumber':
      return { label: l10n.t('agreement/enrollment number'), canonical: l10n.t('7 digits (8 seen for SPLA)') };
    case 'otherAgreementNumber':
      return { label: l10n.t('agreement number'), canonical: l10n.t('digits, no separators') };
  }
}

/** Separators people write inside IDs: hyphens, spaces, dots, underscores. */
const SEPARATORS = /[\s\-._]/g;

/** The value with separators removed and letters in upper case. */
export function compactId(value: string): string {
  return value.replace(SEPARATORS, '').toUpperCase();
}

/** Canonical form of a valid identifier (undefined when the format is wrong). */
export function normalizeId(kind: IdKind, value: string): string | undefined {
  const check = checkId(kind, value);
  return check.normalized;
}

function canonicalForm(kind: IdKind, compact: string): string {
  if (kind === 'licenseServerId') return compact.match(/.{5}/g)!.join('-');
  return compact;
}

/** Forms accepted as written, without a `notCanonical` remark. */
function isAcceptedAsWritten(kind: IdKind, value: string, compact: string): boolean {
  if (value === compact) return true;
  if (kind === 'licenseServerId') return value === canonicalForm(kind, compact);
  if (kind === 'retailCode') return value === compact.match(/.{5}/g)!.join('-');
  return false;
}

export function checkId(kind: IdKind, value: string): IdCheck {
  const format = ID_FORMATS[kind];
  const compact = compactId(value);
  const problems: IdProblem[] = [];
  const charsetOk = format.charset === 'digits' ? /^\d+$/.test(compact) : /^[A-Z0-9]+$/.test(compact);
  const lengthOk = format.lengths.length === 0 ? compact.length > 0 : format.lengths.includes(compact.length);
  if (!charsetOk) problems.push('charset');
  if (!lengthOk) problems.push('length');
  if (problems.length > 0) return { kind, value, problems, length: compact.length };
  if (kind === 'licenseServerId' && /[A-Z]/.test(compact)) problems.push('lettersInServerId');
  if (format.documentedLength !== undefined && compact.length !== format.documentedLength) problems.push('unusualLength');
  const normalized = canonicalForm(kind, compact);
  if (!isAcceptedAsWritten(kind, value, compact)) problems.push('notCanonical');
  return { kind, value, problems, normalized, length: compact.length };
}

// ---- IDs in free text (runbooks, notes, comments) ----

export interface IdInText {
  kind: 'licenseServerId' | 'keyPackId' | 'retailCode';
  /** Offsets into the text (end exclusive). */
  start: number;
  end: number;
  text: string;
  check: IdCheck;
  /** For retail codes: true when the first four groups are masked (XXXXX, *****). */
  masked?: boolean;
}

// Candidates are delimited so that a group of a longer ID is not taken for a shorter one:
// no letter/digit, and no "-letter/digit", on either side.
const BEFORE = '(?<![A-Za-z0-9])(?<![A-Za-z0-9]-)';
const AFTER = '(?![A-Za-z0-9])(?!-[A-Za-z0-9])';
const G = '[A-Za-z0-9*]{5}';
/** 6 to 8 hyphenated groups of 4 to 6: a License Server ID with a character or a group too many or too few. */
const NEAR_SERVER_ID = '[A-Za-z0-9]{4,6}(?:-[A-Za-z0-9]{4,6}){5,7}';
/**
 * A product key written with spaces or underscores between its groups: upper-case letters and
 * digits only (what keys are printed in) and the same separator throughout, not next to a
 * sixth group (a longer ID written with spaces). Ordinary words are rarely 5 upper-case
 * letters; `findIdsInText` also requires a letter and a digit.
 */
const UG = '[A-Z0-9*]{5}';
const SPACED_RETAIL = `(?<!(?<![A-Za-z0-9])${UG}[ _])${UG}(?<sep>[ _])${UG}(?:\\k<sep>${UG}){3}(?![ _]${UG}(?![A-Za-z0-9]))`;
/**
 * 7×5 grouped (License Server ID), 5×5 grouped with hyphens (retail code), 35 or 25 in one run,
 * near misses of the 7×5 grouping (tried late: an exact form always wins), then 5×5 grouped
 * with spaces or underscores.
 */
const ID_PATTERN = new RegExp(
  `${BEFORE}(?:(${G}(?:-${G}){6})|(${G}(?:-${G}){4})|([A-Za-z0-9]{35})|([A-Za-z0-9*]{25})|(${NEAR_SERVER_ID})|(${SPACED_RETAIL}))${AFTER}`,
  'g',
);

/**
 * A grouped License Server ID mistyped: 7 groups with one or two characters dropped or added
 * (33 to 37 in all), or 6 or 8 groups of 5 (a group dropped or repeated). Other groupings (8×6
 * telephone confirmation blocks, 6×4 serial numbers) are something else.
 */
function isNearServerId(text: string): boolean {
  const groups = text.split('-').map((g) => g.length);
  const total = groups.reduce((a, b) => a + b, 0);
  if (groups.length === 7) return total >= 33 && total <= 37;
  return (groups.length === 6 || groups.length === 8) && groups.every((n) => n === 5);
}

function isMaskedRetail(text: string): boolean {
  return /^[X*]{20}/.test(compactId(text));
}

/**
 * What an ID is called just before it, on the same line: a YAML key (`keyPackId:`,
 * `keyPackIds: [`, `serverId:`), a parameter of the WMI methods that take one in a PowerShell
 * cell (`sLicenseKeyPackId = '…'` of InstallLicenseKeyPack, `sLicenseServerId` of
 * ActivateServer, `sSourceLSProductId`, the source's License Server ID, of
 * ImportLicenseKeyPackOffline) or the words of the runbooks ("key pack ID", "License Server
 * ID", French "ID de/du pack de clés", "ID de/du serveur de licences"), then at most a few
 * punctuation characters (`: "`, `** : \``, ` | `) before the value. The value is letters and
 * digits, with or without hyphens. Never across a line break: text-ids.ts rescans only the
 * lines an edit touched.
 */
const LABELLED_ID = new RegExp(
  String.raw`(?:(?<![A-Za-z0-9])(?:(keyPackIds?)|(serverId))[ 	]*:|(?<![A-Za-z0-9$])\$?(?:(sLicenseKeyPackId)|(sLicenseServerId|sSourceLSProductId))[ 	]*[=:]|(key[ 	]+pack[ 	]+IDs?|ID[ 	]+d[eu][ 	]+packs?[ 	]+de[ 	]+clés(?:[ 	]+de[ 	]+licence)?)|(License[ 	]+Server[ 	]+ID|ID[ 	]+d[eu][ 	]+serveur[ 	]+de[ 	]+licences?))` +
    String.raw`[^A-Za-z0-9{
]{0,8}?(?<![A-Za-z0-9])([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)(?![A-Za-z0-9])(?!-[A-Za-z0-9])`,
  'gi',
);

/** Lengths (once separators are removed) a labelled value must have to be taken for that ID: the 35 of both, give or take two (a character dropped or doubled). */
const LABELLED_MIN = 33;
const LABELLED_MAX = 37;

/** IDs named by what is written before them: a 34-character `keyPackId:` is a key pack ID with a `length` problem, a 7×5 key pack ID is not a License Server ID. */
function labelledIds(text: string): IdInText[] {
  const found: IdInText[] = [];
  LABELLED_ID.lastIndex = 0;
  for (let m = LABELLED_ID.exec(text); m !== null; m = LABELLED_ID.exec(text)) {
    const [whole, keyPackKey, , wmiKeyPackParameter, , keyPackWords, , value] = m;
    const length = compactId(value).length;
    if (length < LABELLED_MIN || length > LABELLED_MAX) continue;
    const kind: IdKind = keyPackKey !== undefined || wmiKeyPackParameter !== undefined || keyPackWords !== undefined ? 'keyPackId' : 'licenseServerId';
    const end = m.index + whole.length;
    found.push({ kind, start: end - value.length, end, text: value, check: checkId(kind, value) });
  }
  return found;
}

/**
 * Finds identifiers written in free text: License Server IDs grouped 7×5, retail codes (5×5,
 * grouped or in one 25-character run with letters and digits), and 35-character runs (key pack
 * IDs, or License Server IDs written without separators). Grouped License Server IDs with a
 * character or a group too many or too few are found too, with a `length` problem. A value
 * after what names it (labelledIds) takes that kind, and is found with 33 to 37 characters
 * too. Two linear scans.
 */
export function findIdsInText(text: string): IdInText[] {
  const labelled = labelledIds(text);
  const unlabelled = unlabelledIds(text);
  if (labelled.length === 0) return unlabelled;
  // Both lists are in text order: merge them, a labelled ID replacing what overlaps it.
  const out: IdInText[] = [];
  let i = 0;
  for (const id of labelled) {
    while (i < unlabelled.length && unlabelled[i].end <= id.start) out.push(unlabelled[i++]);
    while (i < unlabelled.length && unlabelled[i].start < id.end) i++;
    out.push(id);
  }
  while (i < unlabelled.length) out.push(unlabelled[i++]);
  return out;
}

function unlabelledIds(text: string): IdInText[] {
  const found: IdInText[] = [];
  ID_PATTERN.lastIndex = 0;
  for (let m = ID_PATTERN.exec(text); m !== null; m = ID_PATTERN.exec(text)) {
    const [whole, grouped7, grouped5, run35, run25, near, spaced5] = m;
    const start = m.index;
    const end = start + whole.length;
    if (grouped7 !== undefined) {
      if (whole.includes('*')) continue;
      found.push({ kind: 'licenseServerId', start, end, text: whole, check: checkId('licenseServerId', whole) });
    } else if (grouped5 !== undefined || run25 !== undefined || spaced5 !== undefined) {
      // A plain 25-character run (or groups split by spaces) is a product key only if it mixes
      // letters and digits: a long word, a number or a row of capitalised words is not one.
      if ((run25 !== undefined || spaced5 !== undefined) && !(/[A-Za-z]/.test(whole) && /\d/.test(whole))) continue;
      const masked = isMaskedRetail(whole);
      const checked = masked ? { kind: 'retailCode' as const, value: whole, problems: [], length: 25 } : checkId('retailCode', whole);
      found.push({ kind: 'retailCode', start, end, text: whole, check: checked, masked });
    } else if (run35 !== undefined) {
      const kind = /^\d+$/.test(whole) ? 'licenseServerId' : 'keyPackId';
      found.push({ kind, start, end, text: whole, check: checkId(kind, whole) });
    } else if (near !== undefined && isNearServerId(whole)) {
      found.push({ kind: 'licenseServerId', start, end, text: whole, check: checkId('licenseServerId', whole) });
    }
  }
  return found;
}

/** The masked form of a retail code: only the last five characters are kept. */
export function maskRetailCode(code: string): string {
  const compact = compactId(code);
  return `XXXXX-XXXXX-XXXXX-XXXXX-${compact.slice(-5)}`;
}
