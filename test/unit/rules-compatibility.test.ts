import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, HEADER, lint, only, pack, server } from './support/inventory';

function host(fields: string) {
  return `sessionHosts:\n  - name: RDSH01.contoso.local\n${fields
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
}

test('RDS201: a 2022 host whose server only holds 2019 CALs of its type', () => {
  const body = `licenseServers:\n${server('LIC', { os: 2022, packs: pack('perUser', 2019) })}\n${host('os: 2022\nlicensingMode: perUser\nlicenseServers: [LIC]')}`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS201');
  assert.equal(covered(HEADER + body, f), '2022');
  assert.match(f.message, /Windows Server 2022 CALs or later/);
});

test('RDS201 passes: 2012 CALs cover 2012 R2 hosts; later CALs serve earlier hosts', () => {
  const r2 = `licenseServers:\n${server('LIC', { os: 2016, packs: pack('perDevice', 2012) })}\n${host('os: "2012 R2"\nlicensingMode: perDevice\nlicenseServers: [LIC]')}`;
  assert.deepEqual(lint(r2).findings, []);
  const later = `licenseServers:\n${server('LIC', { os: 2025, packs: pack('perUser', 2025) })}\n${host('os: 2016\nlicensingMode: perUser\nlicenseServers: [LIC]')}`;
  assert.deepEqual(lint(later).findings, []);
});

test('RDS201 only looks at CALs of the host\'s mode type', () => {
  const body = `licenseServers:\n${server('LIC', { os: 2022, packs: pack('perUser', 2019) + '\n' + pack('perDevice', 2022) })}\n${host('os: 2022\nlicensingMode: perUser\nlicenseServers: [LIC]')}`;
  assert.deepEqual(only(lint(body).findings, 'RDS201').length, 1);
});

test('RDS202: a license server older than the CALs it holds', () => {
  const body = `licenseServers:\n${server('LIC', { os: 2019, packs: pack('perUser', 2022) })}\n`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS202');
  assert.equal(covered(HEADER + body, f), '2022');
  assert.match(f.message, /2019, which cannot hold Windows Server 2022 CALs/);
});

test('RDS202 passes: a server holds CALs of its version or earlier', () => {
  assert.deepEqual(lint(`licenseServers:\n${server('LIC', { os: 2022, packs: pack('perUser', 2022) + '\n' + pack('perUser', 2016) })}\n`).findings, []);
});

test('RDS203: a workgroup host in per-user mode, with a fix to perDevice', () => {
  const body = `licenseServers:\n${server('LIC', { packs: pack('perUser', 2022) })}\n${host('os: 2022\nlicensingMode: perUser\njoined: workgroup\nlicenseServers: [LIC]')}`;
  const [f] = only(lint(body).findings, 'RDS203');
  assert.equal(covered(HEADER + body, f), 'perUser');
  assert.deepEqual(f.fix, { kind: 'setLicensingMode', replacement: 'perDevice', mode: 'perDevice' });
});

test('RDS203: per-user CALs on a workgroup license server', () => {
  const body = `licenseServers:\n${server('LIC', { packs: pack('perUser', 2022) })}\n    joined: workgroup\n`;
  assert.deepEqual(lint(body).findings.map((f) => f.ruleId), ['RDS203']);
});

test('RDS203 passes: workgroup in per-device mode, domain in per-user mode', () => {
  const body = `licenseServers:\n${server('LIC', { packs: pack('perDevice', 2022) + '\n' + pack('perUser', 2022) })}\n${host('os: 2022\nlicensingMode: perDevice\njoined: workgroup\nlicenseServers: [LIC]')}  - name: RDSH02\n    os: 2022\n    licensingMode: perUser\n    joined: domain\n    licenseServers: [LIC]\n`;
  assert.deepEqual(lint(body).findings, []);
});
