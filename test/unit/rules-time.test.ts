import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, HEADER, ids, lint, pack, server } from './support/inventory';

// TODAY is 2026-11-22; 120 days before is 2026-07-25.
function host(fields: string, servers = `licenseServers:\n${server('LIC', { packs: pack('perUser', 2022) })}\n`) {
  return `${servers}sessionHosts:\n  - name: RDSH01\n${fields
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
}

test('RDS401: grace period over for a host with no usable license server', () => {
  const body = host('licensingMode: perDevice\nlicenseServers: [LIC]\ndeployed: 2026-07-01', `licenseServers:\n${server('LIC')}\n`);
  const found = lint(body).findings;
  assert.deepEqual(ids(found), ['RDS303@10', 'RDS401@12']);
  assert.equal(covered(HEADER + body, found[1]), '2026-07-01');
  assert.match(found[1].message, /ended on 2026-10-29/);
});

test('RDS401 uses gracePeriodStart when given, and passes when the host has a usable server', () => {
  const noServer = 'licensingMode: perUser\ndeployed: 2025-01-01\ngracePeriodStart: 2026-11-01';
  assert.deepEqual(ids(lint(host(noServer, '')).findings), ['RDS310@5']);
  const usable = host('licensingMode: perUser\nlicenseServers: [LIC]\ndeployed: 2020-01-01');
  assert.deepEqual(lint(usable).findings, []);
});

test('RDS402: grace period ending within 14 days', () => {
  const found = lint(host('licensingMode: perUser\ndeployed: 2026-08-01', '')).findings;
  assert.deepEqual(ids(found), ['RDS310@5', 'RDS402@7']);
  assert.match(found[1].message, /ends on 2026-11-29 \(7 days left\)/);
  assert.deepEqual(ids(lint(host('licensingMode: perUser\ndeployed: 2026-09-01', '')).findings), ['RDS310@5']);
});

test('RDS401/402 count from options.today', () => {
  const body = host('licensingMode: perUser\ndeployed: 2026-08-01', '');
  assert.deepEqual(ids(lint(body, { today: '2026-12-01' }).findings), ['RDS310@5', 'RDS401@7']);
  assert.deepEqual(ids(lint(body, { today: '2026-09-01' }).findings), ['RDS310@5']);
  // The day count reads as a person would write it on the last days.
  assert.match(lint(body, { today: '2026-11-28' }).findings[1].message, /ends on 2026-11-29 \(1 day left\)/);
});

test('RDS403: licensing mode not configured, with a fix when the servers hold one type', () => {
  const body = host('licensingMode: notConfigured\nlicenseServers: [LIC]');
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS403');
  assert.equal(covered(HEADER + body, f), 'notConfigured');
  assert.deepEqual(f.fix, { kind: 'setLicensingMode', replacement: 'perUser', mode: 'perUser' });
  assert.deepEqual(lint(host('licensingMode: perUser\nlicenseServers: [LIC]')).findings, []);
});

test('RDS404: a migration pending for more than 30 days', () => {
  const m = (state: string, started: string) =>
    `licenseServers:\n${server('LIC', { packs: pack('perDevice', 2019, 10) })}\nmigrations:\n  - id: MIG-1\n    to: LIC\n    state: ${state}\n    started: ${started}\n`;
  const body = m('pending', '2026-10-01');
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS404');
  assert.equal(covered(HEADER + body, f), 'pending');
  assert.deepEqual(ids(lint(m('waitingForClearinghouse', '2026-09-01')).findings), ['RDS404@15']);
  assert.deepEqual(lint(m('pending', '2026-11-01')).findings, []);
  assert.deepEqual(lint(m('done', '2026-01-01')).findings, []);
});

test('RDS405: a backup not verified for more than 180 days is info', () => {
  const body = `licenseServers:\n${server('LIC')}\n    backup:\n      includesRegistry: true\n      lastVerified: 2026-01-10\n`;
  const found = lint(body).findings;
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity, covered(HEADER + body, f)]), [['RDS405', 'info', '2026-01-10']]);
  assert.deepEqual(lint(body.replace('2026-01-10', '2026-10-01')).findings, []);
});
