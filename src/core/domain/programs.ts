// License programs of the Install Licenses wizard and the reference each one asks for.
// Facts: ../shared/reference/rds-licensing-facts.md §2.1 (W32-AGR, W32-OPEN, W32-RET; bizlog.tech
// for the wizard list; Select Plus has no documented WMI AgreementType).
import type { LicenseProgram } from '../inventory/model';
import type { IdKind } from './identifiers';

/** Reference fields of a CAL pack that name the purchase. */
export type ReferenceField = 'agreementNumber' | 'licenseNumber' | 'authorizationNumber' | 'retailCodeLast5';

export interface ProgramInfo {
  program: LicenseProgram;
  /** Wizard label. */
  label: string;
  /** WMI AgreementType for InstallAgreementLicenseKeyPack, when the program uses it. */
  agreementType?: number;
  /** Fields the Clearinghouse asks for with this program. */
  required: readonly ReferenceField[];
  /** How each field is checked. */
  formats: Partial<Record<ReferenceField, IdKind>>;
}

const AGREEMENT = ['agreementNumber'] as const;

export const PROGRAMS: Record<LicenseProgram, ProgramInfo> = {
  retail: { program: 'retail', label: 'License Pack (Retail Purchase)', required: ['retailCodeLast5'], formats: {} },
  openLicense: {
    program: 'openLicense',
    label: 'Open License',
    required: ['licenseNumber', 'authorizationNumber'],
    formats: { licenseNumber: 'openLicenseNumber', authorizationNumber: 'openAuthorizationNumber' },
  },
  select: { program: 'select', label: 'Select License', agreementType: 0, required: AGREEMENT, formats: { agreementNumber: 'agreementNumber' } },
  selectPlus: { program: 'selectPlus', label: 'Select Plus', required: AGREEMENT, formats: { agreementNumber: 'otherAgreementNumber' } },
  enterpriseAgreement: {
    program: 'enterpriseAgreement',
    label: 'Enterprise Agreement',
    agreementType: 1,
    required: AGREEMENT,
    formats: { agreementNumber: 'agreementNumber' },
  },
  campus: { program: 'campus', label: 'Campus Agreement', agreementType: 2, required: AGREEMENT, formats: { agreementNumber: 'agreementNumber' } },
  school: { program: 'school', label: 'School Agreement', agreementType: 3, required: AGREEMENT, formats: { agreementNumber: 'agreementNumber' } },
  spla: {
    program: 'spla',
    label: 'Services Provider License Agreement',
    agreementType: 4,
    required: AGREEMENT,
    formats: { agreementNumber: 'agreementNumber' },
  },
  other: { program: 'other', label: 'Other Agreement', agreementType: 5, required: AGREEMENT, formats: { agreementNumber: 'otherAgreementNumber' } },
};

export const REFERENCE_FIELDS: readonly ReferenceField[] = ['agreementNumber', 'licenseNumber', 'authorizationNumber', 'retailCodeLast5'];

export function programInfo(program: unknown): ProgramInfo | undefined {
  return typeof program === 'string' && Object.prototype.hasOwnProperty.call(PROGRAMS, program)
    ? PROGRAMS[program as LicenseProgram]
    : undefined;
}
