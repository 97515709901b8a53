// Built-in inventory templates for "New Inventory from Template". The site template follows
// inventory format v1 (SPEC.md) with values that pass every rule, so a new inventory starts
// clean and the user replaces values one by one.
import * as vscode from 'vscode';

export interface InventoryTemplate {
  id: string;
  label: string;
  detail: string;
  /** File name proposed for the new inventory. */
  fileName: string;
  text(today: string): string;
}

export const TEMPLATES: InventoryTemplate[] = [
  {
    id: 'site',
    label: vscode.l10n.t('One site'),
    detail: vscode.l10n.t('A license server with a CAL pack and a session host that uses it'),
    fileName: 'site',
    text: (today) => `# RDS licensing inventory (format v1). Replace the example values with yours.
kind: RdsLicensingInventory
version: 1
organization: Contoso
site: Paris
licenseServers:
  - name: LICSRV01.contoso.local
    serverId: "12345-67890-12345-67890-12345-67890-12345"
    os: 2022
    status: active
    connectionMethod: automatic
    activated: ${today}
    publishedInAD: true
    packs:
      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        program: enterpriseAgreement
        agreementNumber: "1234567"
        type: perUser
        version: 2022
        quantity: 20
        installed: ${today}
sessionHosts:
  - name: RDSH01.contoso.local
    os: 2022
    licensingMode: perUser
    licenseServers: [LICSRV01.contoso.local]
    configuredBy: gpo
    joined: domain
    deployed: ${today}
`,
  },
  {
    id: 'empty',
    label: vscode.l10n.t('Empty'),
    detail: vscode.l10n.t('Only the header: kind, version and organization'),
    fileName: 'inventory',
    text: () => `kind: RdsLicensingInventory
version: 1
organization: Contoso
licenseServers: []
sessionHosts: []
`,
  },
];

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
