import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, HEADER, ids, lint, only, pack, server } from './support/inventory';

const KP = '7K2QH4M9PXR3T8WC6VJD1NB5FZ0GYLS2A9E';

function hostLines(name: string, fields: string) {
  return `  - name: ${name}\n${fields
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
}

test('RDS301: the same server name twice, whatever the case', () => {
  const body = `licenseServers:\n${server('LICSRV01.contoso.local')}\n${server('licsrv01.CONTOSO.local.')}\n`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS301');
  assert.equal(covered(HEADER + body, f), 'licsrv01.CONTOSO.local.');
  assert.deepEqual(lint(`licenseServers:\n${server('LICSRV01')}\n${server('LICSRV02')}\n`).findings, []);
});

test('RDS302: a host pointing at an unknown server, with an addServerStub fix', () => {
  const body = `licenseServers:\n${server('LIC', { packs: pack('perUser', 2022) })}\nsessionHosts:\n${hostLines('H', 'licensingMode: perUser\nlicenseServers: [LIC, LIC-NEW.contoso.local]')}`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS302');
  assert.equal(covered(HEADER + body, f), 'LIC-NEW.contoso.local');
  assert.deepEqual(f.fix, { kind: 'addServerStub', name: 'LIC-NEW.contoso.local' });
  assert.deepEqual(lint(body.replace(', LIC-NEW.contoso.local', ', lic')).findings, [], 'names are compared without case');
});

test('RDS303: host mode with no CALs of that type, fix to the type the servers hold', () => {
  const body = `licenseServers:\n${server('LIC', { packs: pack('perUser', 2022) })}\nsessionHosts:\n${hostLines('H', 'licensingMode: perDevice\nlicenseServers: [LIC]')}`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS303');
  assert.equal(covered(HEADER + body, f), 'perDevice');
  assert.deepEqual(f.fix, { kind: 'setLicensingMode', replacement: 'perUser', mode: 'perUser' });
});

test('RDS303: no fix when the servers hold no CALs at all; a lost server does not count', () => {
  const empty = `licenseServers:\n${server('LIC')}\nsessionHosts:\n${hostLines('H', 'licensingMode: perDevice\nlicenseServers: [LIC]')}`;
  const [f] = lint(empty).findings;
  assert.equal(f.ruleId, 'RDS303');
  assert.equal(f.fix, undefined);
  const lost = `licenseServers:\n${server('OLD', { status: 'lost', packs: pack('perUser', 2022) })}\nsessionHosts:\n${hostLines('H', 'licensingMode: perUser\nlicenseServers: [OLD]')}migrations:\n  - id: M\n    from: OLD\n    to: OLD\n    state: planned\n`;
  const found = lint(lost).findings;
  assert.ok(only(found, 'RDS303')[0].message.includes('None of the license servers'));
});

test('RDS303 passes when a server of the host holds CALs of its mode', () => {
  const body = `licenseServers:\n${server('A')}\n${server('B', { packs: pack('perDevice', 2022) })}\nsessionHosts:\n${hostLines('H', 'licensingMode: perDevice\nlicenseServers: [A, B]')}`;
  assert.deepEqual(lint(body).findings, []);
});

test('RDS304: the same key pack ID on two servers (the "already activated" case)', () => {
  const body = `licenseServers:\n${server('A', { packs: pack('perDevice', 2019, 10, `        keyPackId: "${KP}"`) })}\n${server('B', { packs: pack('perDevice', 2019, 10, `        keyPackId: "${KP.toLowerCase()}"`) })}\n`;
  const found = only(lint(body).findings, 'RDS304');
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 19);
  assert.match(found[0].message, /on A \(line 12\)/);
  const distinct = body.replace(KP.toLowerCase(), KP.replace('A9E', 'A9F'));
  assert.deepEqual(only(lint(distinct).findings, 'RDS304'), []);
});

test('RDS305: CALs left on a lost server with no migration away from it', () => {
  const body = `licenseServers:\n${server('OLD', { status: 'lost', packs: pack('perUser', 2022) })}\n${server('NEW', { packs: pack('perUser', 2022) })}\n`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS305');
  assert.equal(covered(HEADER + body, f), 'lost');
  const migrated = `${body}migrations:\n  - id: M1\n    from: old\n    to: NEW\n    state: done\n    licenses: 20\n`;
  assert.deepEqual(lint(migrated).findings, []);
});

test('RDS306: a migration naming an unknown server; a listed lost source is fine', () => {
  const body = `licenseServers:\n${server('NEW', { packs: pack('perUser', 2022) })}\nmigrations:\n  - id: M1\n    from: GONE\n    to: NEW\n    state: done\n`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS306');
  assert.equal(covered(HEADER + body, f), 'GONE');
  assert.deepEqual(f.fix, { kind: 'addServerStub', name: 'GONE' });
  const listed = body.replace('licenseServers:\n', `licenseServers:\n${server('GONE', { status: 'lost' })}\n`);
  assert.deepEqual(lint(listed).findings, []);
});

test('RDS307: done migrations adding up to more CALs than the target holds', () => {
  const base = `licenseServers:\n${server('OLD1', { status: 'lost' })}\n${server('OLD2', { status: 'lost' })}\n${server('NEW', { packs: pack('perUser', 2022, 20) })}\nmigrations:\n`;
  const m = (id: string, from: string) => `  - id: ${id}\n    from: ${from}\n    to: NEW\n    state: done\n    licenses: 20\n    calType: perUser\n`;
  const body = base + m('M1', 'OLD1') + m('M2', 'OLD2');
  const found = lint(body).findings;
  assert.deepEqual(ids(found), ['RDS307@29']);
  assert.equal(covered(HEADER + body, found[0]), '20');
  assert.match(found[0].message, /40 per-user CALs, but it lists 20/);
  assert.deepEqual(lint(base + m('M1', 'OLD1')).findings, []);
});

test('RDS308/RDS309: issued above quantity (error per device, warning per user)', () => {
  const dev = lint(`licenseServers:\n${server('A', { packs: pack('perDevice', 2022, 10, '        issued: 12') })}\n`).findings;
  assert.deepEqual(dev.map((f) => [f.ruleId, f.severity]), [['RDS308', 'error']]);
  const user = lint(`licenseServers:\n${server('A', { packs: pack('perUser', 2022, 10, '        issued: 12') })}\n`).findings;
  assert.deepEqual(user.map((f) => [f.ruleId, f.severity]), [['RDS309', 'warning']]);
  assert.deepEqual(lint(`licenseServers:\n${server('A', { packs: pack('perDevice', 2022, 10, '        issued: 10') })}\n`).findings, []);
});

test('RDS310: a session host listing no license server', () => {
  const body = `sessionHosts:\n${hostLines('RDSH09', 'licensingMode: perUser')}`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS310');
  assert.equal(covered(HEADER + body, f), 'RDSH09');
});

test('RDS310 passes: a host listing a license server, by name or in a block list', () => {
  const servers = `licenseServers:\n${server('A', { packs: pack('perUser', 2022) })}\n`;
  assert.deepEqual(lint(`${servers}sessionHosts:\n${hostLines('H1', 'licensingMode: perUser\njoined: domain\nlicenseServers: [A]')}`).findings, []);
  assert.deepEqual(lint(`${servers}sessionHosts:\n${hostLines('H1', 'licensingMode: perUser\njoined: domain\nlicenseServers:\n  - A')}`).findings, []);
});

test('RDS310 leaves licenseServers of the wrong type to the schema (one finding, not two)', () => {
  const body = `licenseServers:\n${server('A', { packs: pack('perUser', 2022) })}\nsessionHosts:\n${hostLines('H1', 'licensingMode: perUser\nlicenseServers: A')}`;
  assert.deepEqual(lint(body).findings.map((f) => f.ruleId), ['SCHEMA003']);
  // An empty list still lists no license server.
  assert.deepEqual(lint(body.replace('licenseServers: A', 'licenseServers: []')).findings.map((f) => f.ruleId), ['RDS310']);
});

test('RDS311: the same session host twice', () => {
  const body = `licenseServers:\n${server('A', { packs: pack('perUser', 2022) })}\nsessionHosts:\n${hostLines('H1', 'licenseServers: [A]')}${hostLines('h1', 'licenseServers: [A]')}`;
  assert.deepEqual(ids(lint(body).findings), ['RDS311@15']);
  assert.deepEqual(lint(body.replace('h1', 'H2')).findings, []);
});

test('RDS312: a host pointing at a lost server', () => {
  const body = `licenseServers:\n${server('OLD', { status: 'lost' })}\n${server('NEW', { packs: pack('perUser', 2022) })}\nsessionHosts:\n${hostLines('H', 'licensingMode: perUser\nlicenseServers: [NEW, OLD]')}`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS312');
  assert.equal(covered(HEADER + body, f), 'OLD');
  assert.deepEqual(lint(body.replace('[NEW, OLD]', '[NEW]')).findings, []);
});

test('RDS313: a backup without the registry', () => {
  const body = `licenseServers:\n${server('A')}\n    backup:\n      method: fileCopy\n`;
  const [f] = lint(body).findings;
  assert.equal(f.ruleId, 'RDS313');
  assert.equal(covered(HEADER + body, f), 'fileCopy');
  assert.deepEqual(ids(lint(`licenseServers:\n${server('A')}\n    backup:\n      includesRegistry: false\n`).findings), ['RDS313@9']);
  assert.deepEqual(lint(`licenseServers:\n${server('A')}\n    backup:\n      method: vss\n      includesRegistry: true\n`).findings, []);
});
