import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calTotals, graceEntries, hostsByMode, inventoryTotals, pendingMigrations } from '../../src/core/report/totals';
import type { Inventory } from '../../src/core/inventory/model';

test('calTotals groups by canonical version and type, in release order, device before user', () => {
  const totals = calTotals([
    { version: 2022, type: 'perUser', quantity: 20, issued: 14 },
    { version: '2012R2', type: 'perDevice', quantity: 5 },
    { version: '2022', type: 'perUser', quantity: 20 },
    { version: 2022, type: 'perDevice', quantity: 10, issued: 10 },
    { version: 'Windows Server 2012 R2', type: 'perDevice', quantity: 7, issued: 1 },
    { type: 'perUser', quantity: 3 },
  ]);
  assert.deepEqual(
    totals.map((t) => [t.version, t.type, t.quantity, t.issued, t.issuedOf, t.packs]),
    [
      ['2012 R2', 'perDevice', 12, 1, 7, 2],
      ['2022', 'perDevice', 10, 10, 10, 1],
      ['2022', 'perUser', 40, 14, 20, 2],
      ['?', 'perUser', 3, 0, 0, 1],
    ],
  );
});

test('partial packs never throw: missing or bad quantities count 0', () => {
  const totals = calTotals([{ version: 2019, type: 'perUser' }, { version: 2019, type: 'perUser', quantity: -4 }, {} as never]);
  assert.deepEqual(totals.map((t) => [t.version, t.type, t.quantity, t.packs]), [['2019', 'perUser', 0, 2], ['?', '?', 0, 1]]);
});

test('overall counts servers in service only; lost, decommissioned and reinstalled servers are shown apart', () => {
  const inv: Inventory = {
    licenseServers: [
      { name: 'A', status: 'active', packs: [{ version: 2022, type: 'perUser', quantity: 20 }] },
      { name: 'B', packs: [{ version: 2022, type: 'perUser', quantity: 5 }] },
      { name: 'OLD', status: 'lost', packs: [{ version: 2019, type: 'perDevice', quantity: 40 }] },
      { name: 'RE', status: 'reinstalled', packs: [{ version: 2022, type: 'perUser', quantity: 8 }] },
    ],
  };
  const t = inventoryTotals([inv], '2026-11-22');
  assert.deepEqual(t.overall.map((x) => [x.version, x.type, x.quantity]), [['2022', 'perUser', 25]]);
  assert.equal(t.overallQuantity, 25);
  assert.deepEqual(t.outOfService.map((x) => [x.version, x.type, x.quantity]), [['2019', 'perDevice', 40], ['2022', 'perUser', 8]]);
  assert.deepEqual(t.servers.map((s) => [s.name, s.inService, s.quantity]), [['A', true, 20], ['B', true, 5], ['OLD', false, 40], ['RE', false, 8]]);
});

test('several inventories add up', () => {
  const a: Inventory = { licenseServers: [{ name: 'A', packs: [{ version: 2022, type: 'perUser', quantity: 20 }] }] };
  const b: Inventory = { licenseServers: [{ name: 'B', packs: [{ version: 2022, type: 'perUser', quantity: 30, issued: 3 }] }] };
  const t = inventoryTotals([a, b], '2026-11-22');
  assert.deepEqual(t.overall.map((x) => [x.quantity, x.issued, x.issuedOf]), [[50, 3, 30]]);
});

test('grace period ends 120 days after gracePeriodStart, else deployed; sorted by days left', () => {
  const entries = graceEntries(
    [
      { name: 'H1', deployed: '2026-09-01', licenseServers: ['A'] },
      { name: 'H2', deployed: '2026-01-05' },
      { name: 'H3', deployed: '2026-01-05', gracePeriodStart: '2026-07-01' },
      { name: 'H4' },
      { name: 'H5', deployed: 'soon' },
    ],
    '2026-11-22',
  );
  assert.deepEqual(
    entries.map((e) => [e.host, e.start, e.end, e.daysLeft]),
    [
      ['H2', '2026-01-05', '2026-05-05', -201],
      ['H3', '2026-07-01', '2026-10-29', -24],
      ['H1', '2026-09-01', '2026-12-30', 38],
    ],
  );
});

test('hosts by mode and pending migrations', () => {
  assert.deepEqual(
    hostsByMode([{ name: 'A', licensingMode: 'perDevice' }, { name: 'B', licensingMode: 'perUser' }, { name: 'C' }, { name: 'D', licensingMode: 'perUser' }]),
    [
      { mode: 'perUser', hosts: ['B', 'D'] },
      { mode: 'perDevice', hosts: ['A'] },
      { mode: '?', hosts: ['C'] },
    ],
  );
  const pending = pendingMigrations(
    [
      { id: 'M1', state: 'done', started: '2026-01-01' },
      { id: 'M2', state: 'pending', started: '2026-11-01', from: 'OLD', to: 'NEW', licenses: 40 },
    ],
    '2026-11-22',
  );
  assert.deepEqual(pending.map((m) => [m.id, m.state, m.daysOpen, m.licenses]), [['M2', 'pending', 21, 40]]);
});
