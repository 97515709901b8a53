// RDS1xx: identifiers written in the inventory, checked by the formats of domain/identifiers.ts.
import * as l10n from '@vscode/l10n';
import { checkId, ID_FORMATS, IdKind, idWording } from '../domain/identifiers';
import { programInfo, REFERENCE_FIELDS, ReferenceField } from '../domain/programs';
import type { InventoryPath } from '../inventory/parse';
import { scalarReplacement } from '../inventory/parse';
import { asList, asString } from './inventory-index';
import type { RuleCheck, RuleContext, RuleDoc } from './types';

export const IDENTIFIER_RULES: RuleDoc[] = [
  {
    id: 'RDS101',
    family: 'identifiers',
    defaultSeverity: 'error',
    title: 'License Server ID is not 35 characters',
    description: 'serverId must have exactly 35 letters or digits once "-" and spaces are removed.',
    rationale:
      'The License Server ID is what the Clearinghouse asks for to migrate or recover CALs; Microsoft documents it as 35 characters, shown in 7 groups of 5 (WSD-MIG, W32-ACT, W32-GETID). A wrong one stops a recovery on the phone.',
    fix: 'Copy the ID again from RD Licensing Manager (Manage RDS CALs wizard, or server Properties) or from Win32_TSLicenseServer.GetLicenseServerId().',
    example: 'serverId: "12345-67890-12345"',
  },
  {
    id: 'RDS102',
    family: 'identifiers',
    defaultSeverity: 'warning',
    title: 'License Server ID contains letters',
    description: 'serverId has the right length but contains letters.',
    rationale:
      "Microsoft's pages disagree: the migration page says \"a 35-digit number, in groups of 5 numerals\" (WSD-MIG), the WMI documentation \"a 35-character alphanumeric string\" (W32-ACT). A letter often is a misread digit (O/0, I/1), so check it; it is a warning, not an error, because the format is not settled.",
    fix: 'Compare the ID with the one RD Licensing Manager shows; if it really has letters, keep it and disable the rule for that line.',
    example: 'serverId: "12345-67890-12345-67890-12345-67890-1234O"',
  },
  {
    id: 'RDS103',
    family: 'identifiers',
    defaultSeverity: 'error',
    title: 'License key pack ID is not 35 letters and digits',
    description: 'keyPackId (and each migrations[].keyPackIds entry) must be exactly 35 letters or digits once separators are removed.',
    rationale:
      'The Clearinghouse issues the license key pack ID as "the 35-character alphanumeric character string", typed without hyphens on the Obtain Client License Key Pack page (W32-KPID, W32-IMPOFF); Microsoft says to keep a copy of it (WSD-MIG). A 25-character value is a retail license code, not a key pack ID.',
    fix: 'Copy the license key pack ID again from the Clearinghouse web page or e-mail, or from the notes taken during the phone call.',
    example: 'keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ"',
  },
  {
    id: 'RDS104',
    family: 'identifiers',
    defaultSeverity: 'warning',
    title: 'Identifier not written in its canonical form',
    description:
      'An identifier is right once normalised but is written with separators or lower case: key pack IDs, Open License and agreement numbers are written without separators, License Server IDs as 7 groups of 5 (or 35 characters in one run).',
    rationale:
      'The wizards take these IDs without hyphens, in upper case (W32-KPID, W32-OPEN, W32-AGR, W32-ACT); one canonical form also makes them searchable and comparable across files.',
    fix: 'Apply the quick fix: it rewrites the ID in its canonical form.',
    example: 'keyPackId: "7k2qh-4m9px-r3t8w-c6vjd-1nb5f-z0gyl-s2a9e"',
  },
  {
    id: 'RDS105',
    family: 'identifiers',
    defaultSeverity: 'error',
    title: 'Open License number is not 8 digits',
    description: 'licenseNumber must be 8 digits.',
    rationale: 'InstallOpenLicenseKeyPack takes "an 8-character numeric string ... [that] cannot contain hyphens" (W32-OPEN); the wizard says the same (bizlog.tech).',
    fix: 'Copy the license number from the Open License order confirmation header; quote it so that leading zeros are kept.',
    example: 'licenseNumber: "1234567"',
  },
  {
    id: 'RDS106',
    family: 'identifiers',
    defaultSeverity: 'error',
    title: 'Open License authorization number is not 15 letters and digits',
    description: 'authorizationNumber must be 15 letters or digits.',
    rationale: 'InstallOpenLicenseKeyPack takes "a 15-character alphanumeric string ... [that] cannot contain hyphens" (W32-OPEN).',
    fix: 'Copy the authorization number from the Open License confirmation.',
    example: 'authorizationNumber: "ABC123"',
  },
  {
    id: 'RDS107',
    family: 'identifiers',
    defaultSeverity: 'error',
    title: 'Agreement / enrollment number is not 7 or 8 digits',
    description:
      'agreementNumber must be digits only: 7 or 8 for Select, Enterprise, Campus, School and SPLA; any length for Select Plus and Other Agreement.',
    rationale:
      'InstallAgreementLicenseKeyPack documents "the enrollment number (seven numeric digits)" (W32-AGR); an 8-digit SPLA number is seen in a public provisioning script (RDSPROV).',
    fix: 'Copy the enrollment number from the signed agreement form; quote it so that leading zeros are kept.',
    example: 'agreementNumber: "12-34-5"',
  },
  {
    id: 'RDS108',
    family: 'identifiers',
    defaultSeverity: 'warning',
    title: 'Agreement number is not the documented 7 digits',
    description: 'agreementNumber is digits only but not 7 long (e.g. 8 digits).',
    rationale:
      'Microsoft documents 7 digits (W32-AGR) but 8-digit SPLA numbers are used in practice (RDSPROV), and no length is given for Other Agreement: a warning so that you check it, not an error.',
    fix: 'Check the number on the agreement; if it is right, disable the rule for that line (# rdslic-disable-next-line RDS108).',
    example: 'agreementNumber: "88637253"',
  },
  {
    id: 'RDS109',
    family: 'identifiers',
    defaultSeverity: 'warning',
    title: "Pack lacks its license program's reference",
    description:
      'A pack names a program but not the reference that program needs: agreementNumber for volume programs, licenseNumber and authorizationNumber for openLicense, retailCodeLast5 for retail.',
    rationale:
      'The Install Licenses wizard and the Clearinghouse ask for the program\'s own reference to install, migrate or recover CALs ("the license code or an agreement number, [which] varies depending on the license program", WSD-INST; fields per program: W32-AGR, W32-OPEN, W32-RET). Without it a recovery depends on finding the paperwork during the incident.',
    fix: 'Add the reference (from the agreement, the Open License confirmation, or the last five characters of the retail code).',
    example: 'program: openLicense\nlicenseNumber: "12345678"   # authorizationNumber missing',
  },
  {
    id: 'RDS110',
    family: 'identifiers',
    defaultSeverity: 'warning',
    title: "Reference does not belong to the pack's program",
    description: 'A pack carries a reference that its program does not use (e.g. licenseNumber on an enterpriseAgreement pack).',
    rationale: 'Each program asks for its own reference (§2.1 of the facts sheet: W32-AGR, W32-OPEN, W32-RET); a reference of another program usually means the program is wrong.',
    fix: 'Fix the program, or move the reference to the right field.',
    example: 'program: enterpriseAgreement\nlicenseNumber: "12345678"',
  },
];

const FIELD_LABEL: Record<ReferenceField, string> = {
  agreementNumber: 'agreementNumber',
  licenseNumber: 'licenseNumber',
  authorizationNumber: 'authorizationNumber',
  retailCodeLast5: 'retailCodeLast5',
};

/** What is wrong with one identifier: a rule id and its message (and the canonical form for RDS104). */
export interface IdVerdict {
  ruleId: string;
  message: string;
  /** RDS104: the canonical form the quick fix writes. */
  normalized?: string;
}

/**
 * The findings an identifier gets, wherever it is written (an inventory value, a runbook's text):
 * `formatRule` is the rule for a wrong length or character set (RDS101, RDS103, RDS105-RDS107).
 */
export function identifierVerdicts(kind: IdKind, text: string, formatRule: string): IdVerdict[] {
  const check = checkId(kind, text);
  const format = ID_FORMATS[kind];
  const wording = idWording(kind);
  if (check.problems.includes('charset') || check.problems.includes('length')) {
    const expected = format.lengths.length > 0 ? format.lengths.join(l10n.t(' or ')) : l10n.t('one or more');
    const chars = format.charset === 'digits' ? l10n.t('digits') : l10n.t('letters or digits');
    let message: string;
    if (check.problems.includes('charset')) {
      message = l10n.t('The {0} may only contain {1} (separators aside): "{2}" has other characters. Expected {3} {1}.', wording.label, chars, text, expected);
    } else if (kind === 'keyPackId' && check.length === 25) {
      message = l10n.t(
        'A license key pack ID has 35 letters and digits; this value has 25, which is the length of a retail license code (a secret: see RDS501). Use the key pack ID given by the Clearinghouse.',
      );
    } else {
      message = l10n.t('The {0} must have {1} {2} once separators are removed; "{3}" has {4}.', wording.label, expected, chars, text, check.length);
    }
    return [{ ruleId: formatRule, message }];
  }
  const verdicts: IdVerdict[] = [];
  if (check.problems.includes('lettersInServerId')) {
    verdicts.push({
      ruleId: 'RDS102',
      message: l10n.t(
        'This License Server ID contains letters. Microsoft describes it as 35 digits in one place and as 35 letters or digits in another: check it against RD Licensing Manager (a letter O or I is often a misread 0 or 1).',
      ),
    });
  }
  if (check.problems.includes('unusualLength')) {
    verdicts.push({
      ruleId: 'RDS108',
      message:
        kind === 'agreementNumber'
          ? l10n.t('Microsoft documents agreement/enrollment numbers as 7 digits; this one has {0}. 8-digit SPLA numbers exist: check it against the agreement.', check.length)
          : l10n.t('This agreement number has {0} digits; the program information gives no length, the WMI documentation says 7: check it against the agreement.', check.length),
    });
  }
  if (check.problems.includes('notCanonical') && check.normalized !== undefined) {
    verdicts.push({ ruleId: 'RDS104', message: l10n.t('Write the {0} as {1}: {2}.', wording.label, wording.canonical, check.normalized), normalized: check.normalized });
  }
  return verdicts;
}

function checkIdentifier(ctx: RuleContext, path: InventoryPath, value: unknown, kind: IdKind, formatRule: string): void {
  const text = asString(value);
  if (text === undefined) return; // wrong type: a schema finding already says so
  const verdicts = identifierVerdicts(kind, text, formatRule);
  if (verdicts.length === 0) return;
  const range = ctx.at(path, 'value');
  for (const v of verdicts) {
    const fix = v.normalized !== undefined ? { kind: 'normalizeId', replacement: scalarReplacement(ctx.parsed, path, v.normalized) } : undefined;
    ctx.report(v.ruleId, range, v.message, fix);
  }
}

function run(ctx: RuleContext): void {
  for (const server of ctx.index.servers) {
    if (server.value.serverId !== undefined) checkIdentifier(ctx, [...server.path, 'serverId'], server.value.serverId, 'licenseServerId', 'RDS101');
  }
  for (const { value: pack, path } of ctx.index.packs) {
    if (pack.keyPackId !== undefined) checkIdentifier(ctx, [...path, 'keyPackId'], pack.keyPackId, 'keyPackId', 'RDS103');
    const info = programInfo(pack.program);
    const formatRuleOf: Record<string, string> = {
      openLicenseNumber: 'RDS105',
      openAuthorizationNumber: 'RDS106',
      agreementNumber: 'RDS107',
      otherAgreementNumber: 'RDS107',
    };
    // Reference formats: by the program's own format, or by the field's usual one.
    if (pack.licenseNumber !== undefined) checkIdentifier(ctx, [...path, 'licenseNumber'], pack.licenseNumber, 'openLicenseNumber', 'RDS105');
    if (pack.authorizationNumber !== undefined) {
      checkIdentifier(ctx, [...path, 'authorizationNumber'], pack.authorizationNumber, 'openAuthorizationNumber', 'RDS106');
    }
    if (pack.agreementNumber !== undefined) {
      const kind = info?.formats.agreementNumber ?? 'agreementNumber';
      checkIdentifier(ctx, [...path, 'agreementNumber'], pack.agreementNumber, kind, formatRuleOf[kind]);
    }
    if (!info) continue;
    const missing = info.required.filter((field) => pack[field] === undefined || pack[field] === null || pack[field] === '');
    if (missing.length > 0) {
      ctx.report(
        'RDS109',
        ctx.at([...path, 'program'], 'value'),
        l10n.t(
          'This {0} pack needs {1}: the Clearinghouse asks for it to install, migrate or recover these CALs. Add it from the purchase documents.',
          info.label,
          missing.map((f) => FIELD_LABEL[f]).join(l10n.t(' and ')),
        ),
      );
    }
    for (const field of REFERENCE_FIELDS) {
      if (pack[field] === undefined || info.required.includes(field)) continue;
      ctx.report(
        'RDS110',
        ctx.at([...path, field], 'key'),
        l10n.t('"{0}" is not a reference of the {1} program (it uses {2}): fix the program or move the value.', field, info.label, info.required.join(', ')),
      );
    }
  }
  for (const { value: migration, path } of ctx.index.migrations) {
    asList(migration.keyPackIds).forEach((id, i) => {
      checkIdentifier(ctx, [...path, 'keyPackIds', i], id, 'keyPackId', 'RDS103');
    });
  }
}

export const identifierCheck: RuleCheck = { family: 'identifiers', run };
