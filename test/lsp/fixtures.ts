// A throw-away workspace with two inventories that refer to each other's servers, one YAML
// file recognised by its kind line, and one YAML file that is not an inventory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileUri } from './client';

export const SERVERS = `kind: RdsLicensingInventory
version: 1
organization: Contoso
licenseServers:
  - name: LICSRV01.contoso.local
    serverId: "12345-67890-12345-67890-12345-67890-12345"
    os: 2022
    status: active
    packs:
      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        type: perUser
        version: 2022
        quantity: 20
      - keyPackId: "8K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        type: perUser
        version: 2022
        quantity: 15
      - keyPackId: "9K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        type: perDevice
        version: 2019
        quantity: 5
  - name: LICSRV02.contoso.local
    os: 2025
    status: active
`;

export const HOSTS = `kind: RdsLicensingInventory
version: 1
organization: Contoso
site: Lyon
sessionHosts:
  - name: RDSH01.contoso.local
    os: 2022
    licensingMode: perUser
    licenseServers: [LICSRV01.contoso.local, LICSRV02.contoso.local]
  - name: RDSH02.contoso.local
    os: 2022
    licenseServers:
      - licsrv01.contoso.local
migrations:
  - id: MIG-2026-01
    from: LICSRV-OLD.contoso.local
    to: "LICSRV01.contoso.local"
`;

export const BY_KIND = `# no special file name, but the kind line makes it an inventory
kind: RdsLicensingInventory
version: 1
sessionHosts:
  - name: RDSH09.contoso.local
    licenseServers: [LICSRV02.contoso.local]
`;

/** Three findings: RDS104 (serverId separators), RDS303 (mode vs CAL type), RDS302 (unknown server). */
export const WITH_PROBLEMS = `kind: RdsLicensingInventory
version: 1
organization: Contoso
licenseServers:
  - name: LICSRV01.contoso.local
    serverId: "12345 67890 12345 67890 12345 67890 12345"
    os: 2022
    status: active
    connectionMethod: telephone
    activated: 2026-01-10
    publishedInAD: true
    packs:
      - keyPackId: "7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E"
        program: enterpriseAgreement
        agreementNumber: "1234567"
        type: perDevice
        version: 2022
        quantity: 20
        installed: 2026-01-10
sessionHosts:
  - name: RDSH01.contoso.local
    os: 2022
    licensingMode: perUser
    licenseServers: [LICSRV01.contoso.local, LICSRV09.contoso.local]
    configuredBy: gpo
    joined: domain
    deployed: 2026-01-05
`;

/** Time rules depend on today's date: the tests switch them off, as a team could. */
export const CONFIG = 'rules:\n  RDS401: off\n';

export const NOT_INVENTORY = `name: build
on: [push]
licenseServers:
  - name: LICSRV01.contoso.local
`;

export interface Workspace {
  dir: string;
  servers: string;
  hosts: string;
  byKind: string;
  other: string;
  problems: string;
  config: string;
  uri: (file: string) => string;
}

/** `withProblems`: also write checks/problems.rdslic.yaml (it defines servers of its own). */
export function makeWorkspace(withProblems = false): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-lsp-'));
  const write = (rel: string, text: string) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  return {
    dir,
    servers: write('paris/servers.rdslic.yaml', SERVERS),
    hosts: write('lyon/hosts.rdslic.yml', HOSTS),
    byKind: write('inventory.yaml', BY_KIND),
    other: write('.github/workflow.yaml', NOT_INVENTORY),
    problems: withProblems ? write('checks/problems.rdslic.yaml', WITH_PROBLEMS) : '',
    config: write('.rdslic.yaml', CONFIG),
    uri: (file: string) => fileUri(file),
  };
}
