// Runbook placeholders and "New runbook from template": the values an admin sees filled in come
// from their inventory (examples/contoso-paris.rdslic.yaml here), unresolvable ones stay for them
// to write with a reason, checklist boxes start empty, and no other byte of the template changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseInventory } from '../../src/core/inventory/parse';
import {
  PLACEHOLDERS,
  findPlaceholders,
  placeholderAt,
  resolvePlaceholder,
  formatInventoryPath,
  instantiateTemplate,
  parseRunbook,
  serializeRunbook,
  listSteps,
  countSteps,
  lintRunbook,
} from '../../src/core/runbook';
import type { PlaceholderResolution } from '../../src/core/runbook';

const ROOT = path.resolve(__dirname, '../../..');
const contoso = parseInventory(fs.readFileSync(path.join(ROOT, 'examples/contoso-paris.rdslic.yaml'), 'utf8')).inventory;
const SERVER = 'LICSRV03.contoso.local';
const SERVER_ID = '03852-19476-62018-44731-90265-17384-55029';
const PACK_1 = '8H3WQ2N7KD5RT9XC4MB6JP1VF0LZG3SY7A2';

function value(r: PlaceholderResolution): string {
  assert.ok(r.resolved, `resolved (reason: ${r.resolved ? '' : r.reason})`);
  return r.value;
}

function reason(r: PlaceholderResolution): string {
  assert.ok(!r.resolved, `left unresolved (got ${r.resolved ? r.value : ''})`);
  return r.reason;
}

test('the placeholder table in code is the table of runbooks/README.md, row for row', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'runbooks/README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\|\s*`\{\{([^}]+)\}\}`\s*\|\s*`([^`]+)`/gm)].map((m) => ({ name: m[1], inventoryKey: m[2] }));
  assert.ok(rows.length >= 10, 'the README has the placeholder table');
  assert.deepEqual(
    PLACEHOLDERS.map((p) => ({ name: p.name, inventoryKey: p.inventoryKey })),
    rows,
  );
});

test('findPlaceholders gives names and offsets, spaces inside the braces allowed, unknown names included', () => {
  const text = 'ID {{server.serverId}} and {{ pack.keyPackId }}, {{nope.x}}, {{ bad }, {{1x}}';
  const found = findPlaceholders(text);
  assert.deepEqual(
    found.map((p) => [p.name, text.slice(p.offset, p.offset + p.length), Boolean(p.definition)]),
    [
      ['server.serverId', '{{server.serverId}}', true],
      ['pack.keyPackId', '{{ pack.keyPackId }}', true],
      ['nope.x', '{{nope.x}}', false],
    ],
  );
  assert.equal(placeholderAt(text, 3)?.name, 'server.serverId', 'on the first brace');
  assert.equal(placeholderAt(text, 22)?.name, 'server.serverId', 'just after the last brace');
  assert.equal(placeholderAt(text, 24), undefined);
});

test('server, inventory and pack values of Contoso come from the named server, with their inventory path', () => {
  const context = { inventory: contoso, serverName: 'licsrv03.CONTOSO.local.' };
  const id = resolvePlaceholder('server.serverId', context);
  assert.equal(value(id), SERVER_ID);
  assert.equal(formatInventoryPath(id.resolved ? id.path : []), 'licenseServers[2].serverId');
  assert.equal(value(resolvePlaceholder('server.name', context)), SERVER);
  assert.equal(value(resolvePlaceholder('server.os', context)), '2022', 'a number is written as it reads');
  assert.equal(value(resolvePlaceholder('server.connectionMethod', context)), 'telephone');
  assert.equal(value(resolvePlaceholder('server.backup.location', context)), '\\\\backup01\\rds-licensing\\LICSRV03');
  assert.equal(value(resolvePlaceholder('inventory.organization', context)), 'Contoso');
  assert.equal(value(resolvePlaceholder('inventory.site', context)), 'Paris');
  // Two packs and two migrations to LICSRV03: which one is meant is the admin's call.
  assert.match(reason(resolvePlaceholder('pack.keyPackId', context)), /2 CAL packs/);
  assert.match(reason(resolvePlaceholder('migration.from', context)), /MIG-2026-01, MIG-2026-02/);
  // Unless the caller says which.
  const chosen = { ...context, pack: PACK_1.toLowerCase(), migration: 'MIG-2026-02' };
  assert.equal(value(resolvePlaceholder('pack.keyPackId', chosen)), PACK_1);
  assert.equal(value(resolvePlaceholder('pack.quantity', chosen)), '20');
  assert.equal(value(resolvePlaceholder('pack.program', { ...context, pack: 1 })), 'enterpriseAgreement');
  assert.equal(value(resolvePlaceholder('migration.from', chosen)), 'LICSRV02.contoso.local');
});

test('an unknown placeholder (the reason its hover shows) is a typo of the closest one, as RDS606 says', () => {
  const typo = reason(resolvePlaceholder('server.servrId', { inventory: contoso, serverName: SERVER }));
  assert.equal(typo, '{{server.servrId}} is not a placeholder rdslic knows: did you mean {{server.serverId}}? (see runbooks/README.md)');
  // Same text as the RDS606 warning on the same placeholder: one source.
  const lint = lintRunbook('---\ntitle: t\n---\nID: {{server.servrId}}\n').find((f) => f.ruleId === 'RDS606');
  assert.equal(typo, lint?.message);
  // Whatever the inventory holds (here nothing), the name is what is wrong.
  assert.match(reason(resolvePlaceholder('pack.keyPackID', { inventory: {} as never })), /did you mean \{\{pack\.keyPackId\}\}\?/);
  // Nothing close: the placeholders of its scope instead of a guess.
  assert.match(reason(resolvePlaceholder('server.bogus', { inventory: contoso, serverName: SERVER })), /The server\.\* placeholders are: \{\{server\.name\}\}/);
});

test('unresolvable placeholders say why', () => {
  assert.match(reason(resolvePlaceholder('server.serverId', { inventory: contoso })), /server:/);
  assert.match(reason(resolvePlaceholder('server.serverId', { inventory: contoso, serverName: '{{server.name}}' })), /server:/);
  assert.match(reason(resolvePlaceholder('server.serverId', { inventory: contoso, serverName: 'LICSRV09' })), /LICSRV09/);
  // LICSRV02's ID was never recorded.
  assert.match(reason(resolvePlaceholder('server.serverId', { inventory: contoso, serverName: 'LICSRV02.contoso.local' })), /licenseServers\[\]\.serverId/);
  assert.match(reason(resolvePlaceholder('pack.keyPackId', { inventory: contoso, serverName: 'LICSRV01.contoso.local' })), /licenseServers\[\]\.packs|packs\[\]\.keyPackId/);
  assert.match(reason(resolvePlaceholder('migration.from', { inventory: contoso, serverName: 'LICSRV01.contoso.local' })), /No migration/);
  assert.match(reason(resolvePlaceholder('server.secret', { inventory: contoso, serverName: SERVER })), /\{\{server\.secret\}\}/);
  // Values that would break the runbook's structure or are not values.
  const odd = { licenseServers: [{ name: 'A', serverId: 'x\ny', backup: 'not a mapping', os: { a: 1 } }] } as never;
  assert.match(reason(resolvePlaceholder('server.serverId', { inventory: odd, serverName: 'A' })), /several lines/);
  assert.match(reason(resolvePlaceholder('server.backup.location', { inventory: odd, serverName: 'A' })), /not filled in/);
  assert.match(reason(resolvePlaceholder('server.os', { inventory: odd, serverName: 'A' })), /single value/);
  // Wrong shapes of the whole inventory do not throw.
  assert.equal(resolvePlaceholder('server.name', { inventory: { licenseServers: 'x' } as never, serverName: 'A' }).resolved, false);
  assert.equal(resolvePlaceholder('inventory.site', { inventory: null as never }).resolved, false);
});

/** What instantiation must give, computed the plain way: the known values swapped in. */
function expectedText(template: string, values: Record<string, string>, frontMatter: Record<string, string>): string {
  let out = template;
  for (const [key, v] of Object.entries(frontMatter)) out = out.replace(new RegExp(`^${key}:.*$`, 'm'), `${key}: ${v}`);
  out = out.replace(/\{\{\s*([A-Za-z.]+)\s*\}\}/g, (m, name: string) => values[name] ?? m);
  return out.replace(/^(\s*[-*+] )\[[xX]\]/gm, '$1[ ]');
}

for (const lang of ['en', 'fr']) {
  for (const file of fs.readdirSync(path.join(ROOT, 'runbooks', lang)).filter((f) => f.endsWith('.runbook.md'))) {
    test(`runbooks/${lang}/${file}: instantiated for Contoso's LICSRV03, values in, boxes empty, other bytes unchanged`, () => {
      const template = fs.readFileSync(path.join(ROOT, 'runbooks', lang, file), 'utf8');
      const result = instantiateTemplate(template, { inventory: contoso, serverName: SERVER, inventoryPath: '../contoso-paris.rdslic.yaml' });
      assert.equal(result.frontMatterProblem, undefined);
      const values: Record<string, string> = {
        'inventory.organization': 'Contoso',
        'inventory.site': 'Paris',
        'server.name': SERVER,
        'server.serverId': SERVER_ID,
        'server.os': '2022',
        'server.connectionMethod': 'telephone',
        'server.backup.location': '\\\\backup01\\rds-licensing\\LICSRV03',
      };
      const expected = expectedText(template, values, { inventory: '../contoso-paris.rdslic.yaml', server: `"${SERVER}"` });
      assert.equal(result.text, expected);
      assert.doesNotMatch(result.text, /\{\{\s*(server|inventory)\./, 'no server or inventory placeholder is left');
      if (template.includes('{{server.serverId}}')) assert.ok(result.text.includes(SERVER_ID));
      for (const u of result.unresolved) assert.match(u.name, /^(pack|migration)\./, `only ambiguous pack/migration values stay (${u.name})`);
      const doc = parseRunbook(result.text);
      assert.equal(serializeRunbook(doc), result.text, 'the new runbook round-trips through the notebook serializer');
      assert.deepEqual(doc.frontMatter?.data && { inventory: (doc.frontMatter.data as Record<string, unknown>).inventory, server: (doc.frontMatter.data as Record<string, unknown>).server }, {
        inventory: '../contoso-paris.rdslic.yaml',
        server: SERVER,
      });
      assert.equal(countSteps(result.text).done, 0);
      assert.equal(countSteps(result.text).total, countSteps(template).total, 'no step lost or added');
    });
  }
}

test('ticked boxes are reset through the checklist model, CRLF and BOM kept, other bytes untouched', () => {
  const template =
    '\uFEFF---\r\ntitle: "Move {{server.name}}"   # comment {{server.name}} stays\r\nlang: en\r\ninventory: inventory.rdslic.yaml\r\nserver: \'{{server.name}}\'\r\n---\r\n' +
    '# {{server.name}}\r\n\r\n- [x] ticked, ID {{server.serverId}}\r\n  - [X] nested ticked\r\n- [ ] open {{pack.keyPackId}}\r\n\r\n```text\r\n- [x] not a step (in code)\r\n```\r\n\r\n* [x] star item\r\n';
  const result = instantiateTemplate(template, { inventory: contoso, serverName: SERVER, inventoryPath: 'sites/contoso.rdslic.yaml', pack: 0 });
  assert.equal(
    result.text,
    '\uFEFF---\r\ntitle: "Move LICSRV03.contoso.local"   # comment {{server.name}} stays\r\nlang: en\r\ninventory: sites/contoso.rdslic.yaml\r\nserver: \'LICSRV03.contoso.local\'\r\n---\r\n' +
      `# ${SERVER}\r\n\r\n- [ ] ticked, ID ${SERVER_ID}\r\n  - [ ] nested ticked\r\n- [ ] open ${PACK_1}\r\n\r\n\`\`\`text\r\n- [x] not a step (in code)\r\n\`\`\`\r\n\r\n* [ ] star item\r\n`,
  );
  assert.equal(result.stepsReset, 3);
  assert.deepEqual(listSteps(result.text).map((s) => s.checked), [false, false, false, false]);
  assert.deepEqual(result.filled.find((f) => f.name === 'server.name'), { name: 'server.name', count: 2, value: SERVER });
});

test('front matter: missing keys are added, empty ones filled, values that need quotes get them, invalid YAML kept', () => {
  const inventory = { organization: 'A: B #1', licenseServers: [{ name: 'LIC1' }] };
  const opts = { inventory, serverName: 'LIC1', inventoryPath: 'my inventory.rdslic.yaml' };
  const added = instantiateTemplate('---\ntitle: T\n---\nbody\n', opts);
  assert.equal(added.text, '---\ntitle: T\ninventory: "my inventory.rdslic.yaml"\nserver: LIC1\n---\nbody\n');
  const empty = instantiateTemplate('---\ninventory:\nserver: # later\ntitle: For {{inventory.organization}}\n---\n', opts);
  assert.equal(empty.text, '---\ninventory: "my inventory.rdslic.yaml"\nserver: LIC1 # later\ntitle: "For A: B #1"\n---\n');
  assert.equal((parseRunbook(empty.text).frontMatter?.data as Record<string, unknown>).title, 'For A: B #1');
  const none = instantiateTemplate('# {{inventory.organization}}\n', opts);
  assert.equal(none.text, '---\ninventory: "my inventory.rdslic.yaml"\nserver: LIC1\n---\n# A: B #1\n');
  const invalid = instantiateTemplate('---\ntitle: [unclosed\n---\n{{server.name}}\n', opts);
  assert.ok(invalid.frontMatterProblem);
  assert.equal(invalid.text, '---\ntitle: [unclosed\n---\nLIC1\n');
  const mapping = instantiateTemplate('---\nserver:\n  a: 1\n---\n', opts);
  assert.match(mapping.frontMatterProblem ?? '', /server:/);
});
