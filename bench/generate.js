// Generators of realistic, deterministic benchmark inputs: inventories of a target number of
// lines (servers with CAL packs, session hosts, migrations, a sprinkling of mistakes so that
// rules have findings to report) and runbooks (headings, checklists, code cells, tables).
'use strict';

/** Small deterministic PRNG (mulberry32) so every run measures the same text. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERSIONS = [2016, 2019, 2022, 2025];
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}
function code(rand, n, alphabet = ALNUM) {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}
function serverId(rand) {
  const digits = code(rand, 35, '0123456789');
  return digits.match(/.{5}/g).join('-');
}
function date(rand, year) {
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * An inventory of about `targetLines` lines. Proportions follow a large estate: one license
 * server per ~40 hosts, 3–6 packs per server, one migration per ~10 servers.
 */
function generateInventory(targetLines, seed = 42) {
  const rand = prng(seed);
  const out = ['kind: RdsLicensingInventory', 'version: 1', 'organization: Fabrikam', 'site: Benchmark', 'licenseServers:'];
  const hostLines = [];
  const migrationLines = [];
  const servers = [];
  let lines = out.length + 2;
  let s = 0;
  while (lines < targetLines) {
    s++;
    const name = `LICSRV${String(s).padStart(4, '0')}.fabrikam.local`;
    servers.push(name);
    const os = pick(rand, [2022, 2025]);
    const block = [
      `  - name: ${name}`,
      `    serverId: "${serverId(rand)}"`,
      `    os: ${os}`,
      `    status: ${s % 25 === 0 ? 'lost' : 'active'}`,
      `    connectionMethod: ${pick(rand, ['automatic', 'web', 'telephone'])}`,
      `    activated: ${date(rand, 2025)}`,
      `    publishedInAD: true`,
      `    backup:`,
      `      location: '\\\\backup01\\rds-licensing\\${s}'`,
      `      includesRegistry: true`,
      `      lastVerified: 2026-10-01`,
      `    packs:`,
    ];
    const packs = 3 + Math.floor(rand() * 4);
    for (let p = 0; p < packs; p++) {
      // Every 50th pack has a lowercase, dashed key pack ID: an identifier finding with a fix.
      const kp = code(rand, 35);
      block.push(
        `      - keyPackId: "${p % 50 === 7 ? kp.toLowerCase().replace(/(.{7})/g, '$1-').replace(/-$/, '') : kp}"`,
        `        localId: ${p + 2}`,
        `        program: enterpriseAgreement`,
        `        agreementNumber: "${code(rand, 7, '0123456789')}"`,
        `        type: ${pick(rand, ['perUser', 'perDevice'])}`,
        `        version: ${pick(rand, VERSIONS.filter((v) => v <= os))}`,
        `        quantity: ${10 * (1 + Math.floor(rand() * 20))}`,
        `        installed: ${date(rand, 2025)}`,
        `        evidence: "Invoice ${2025}-${s}-${p}"`,
      );
    }
    out.push(...block);
    lines += block.length;
    // About 40 hosts per server (8 lines each).
    for (let h = 0; h < 40 && lines < targetLines; h++) {
      const host = [
        `  - name: RDSH${String(s).padStart(4, '0')}-${String(h).padStart(2, '0')}.fabrikam.local`,
        `    os: ${pick(rand, [2019, 2022])}`,
        `    licensingMode: ${pick(rand, ['perUser', 'perDevice'])}`,
        // Every 97th host points at a server nobody declared: a consistency finding.
        `    licenseServers: [${h % 97 === 13 ? 'MISSING.fabrikam.local' : name}]`,
        `    configuredBy: ${pick(rand, ['gpo', 'registry', 'broker'])}`,
        `    joined: domain`,
        `    deployed: ${date(rand, 2025)}`,
      ];
      // Every 7th server's host 29 has a misspelt extra key: a shape finding, which a plain
      // JSON Schema validator (yaml-language-server) reports too.
      if (s % 7 === 3 && h === 29) host.push('    licenceMode: perUser');
      hostLines.push(...host);
      lines += host.length;
    }
    if (s % 10 === 0 && s > 1) {
      const m = [
        `  - id: MIG-${s}`,
        `    from: ${servers[s - 2]}`,
        `    to: ${name}`,
        `    reason: ${pick(rand, ['sourceReplaced', 'sourceNotRunning'])}`,
        `    method: ${pick(rand, ['automatic', 'web', 'telephone'])}`,
        `    state: done`,
        `    licenses: 40`,
        `    started: 2026-01-08`,
        `    completed: 2026-01-10`,
      ];
      migrationLines.push(...m);
      lines += m.length;
    }
  }
  // concat, not push(...): spreading 100k lines overflows the call stack.
  let all = out.concat('sessionHosts:', hostLines);
  if (migrationLines.length) all = all.concat('migrations:', migrationLines);
  return all.join('\n') + '\n';
}

/** A runbook of about `targetLines` lines: sections with prose, task lists, code and tables. */
function generateRunbook(targetLines, seed = 7) {
  const rand = prng(seed);
  const out = ['---', 'title: Benchmark runbook', 'lang: en', 'applies-to: [2022]', '---', ''];
  let section = 0;
  while (out.length < targetLines) {
    section++;
    out.push(`## ${section}. Step group ${section}`, '', `Why: the license server must be ${pick(rand, ['activated', 'backed up', 'migrated'])} first.`, '');
    const steps = 3 + Math.floor(rand() * 5);
    for (let i = 0; i < steps; i++) {
      out.push(`- [${rand() < 0.4 ? 'x' : ' '}] Step ${section}.${i}: open **RD Licensing Manager** and check the key pack`);
      if (rand() < 0.3) out.push(`  - [ ] Sub-step ${section}.${i}.1 note the License Server ID`);
    }
    out.push('');
    if (rand() < 0.6) {
      out.push('```powershell', 'Get-CimInstance -ClassName Win32_TSLicenseKeyPack |', '  Select-Object KeyPackId, ProductVersionID, TotalLicenses', '```', '');
    }
    if (rand() < 0.2) out.push('| Field | Value |', '|---|---|', '| Server | LICSRV01 |', '');
  }
  return out.join('\n');
}

module.exports = { generateInventory, generateRunbook, prng };

if (require.main === module) {
  const [kind = 'inventory', lines = '1000'] = process.argv.slice(2);
  const n = Number(lines);
  process.stdout.write(kind === 'runbook' ? generateRunbook(n) : generateInventory(n));
}
