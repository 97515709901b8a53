import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isIgnored, resolveRules, resolveSettings, type ConfigLayer, type RdslicConfig } from '../../src/core/config';

test('rules apply everywhere; overrides apply to matching paths, later overrides win', () => {
  const config: RdslicConfig = {
    rules: { RDS101: 'warning', RDS402: 'off' },
    overrides: [
      { files: ['sites/lab/**'], rules: { RDS301: 'off', RDS101: 'info' } },
      { files: ['sites/lab/old.rdslic.yaml'], rules: { RDS101: 'error' } },
    ],
  };
  assert.deepEqual(resolveRules(config, 'sites/prod/a.rdslic.yaml'), { RDS101: 'warning', RDS402: 'off' });
  assert.deepEqual(resolveRules(config, 'sites/lab/a.rdslic.yaml'), { RDS101: 'info', RDS402: 'off', RDS301: 'off' });
  assert.deepEqual(resolveRules(config, 'sites/lab/old.rdslic.yaml'), { RDS101: 'error', RDS402: 'off', RDS301: 'off' });
});

test('overrides never match a path outside the configuration folder', () => {
  const config = { overrides: [{ files: ['**'], rules: { RDS301: 'off' as const } }] };
  assert.deepEqual(resolveRules(config, '../elsewhere/a.rdslic.yaml'), {});
});

test('ignore: file globs, folder globs and bare folder names cover what is below them', () => {
  assert.equal(isIgnored({ ignore: ['archive/**'] }, 'archive/2019/a.rdslic.yaml'), true);
  assert.equal(isIgnored({ ignore: ['archive'] }, 'archive/2019/a.rdslic.yaml'), true);
  assert.equal(isIgnored({ ignore: ['archive/'] }, 'archive/a.rdslic.yaml'), true);
  assert.equal(isIgnored({ ignore: ['**/*.draft.rdslic.yaml'] }, 'sites/x.draft.rdslic.yaml'), true);
  assert.equal(isIgnored({ ignore: ['archive/**'] }, 'sites/archive.rdslic.yaml'), false);
  assert.equal(isIgnored({ ignore: ['archive/**'] }, '../archive/a.rdslic.yaml'), false);
  assert.equal(isIgnored({}, 'a.rdslic.yaml'), false);
});

test('layers: nearer configuration wins; each resolves globs from its own folder', () => {
  const top = path.resolve('/repo');
  const layers: ConfigLayer[] = [
    { file: path.join(top, '.rdslic.yaml'), directory: top, config: { rules: { RDS101: 'warning', RDS402: 'off' }, overrides: [{ files: ['sites/lab/**'], rules: { RDS301: 'off' } }] } },
    { file: path.join(top, 'sites', '.rdslic.yaml'), directory: path.join(top, 'sites'), config: { rules: { RDS101: 'error' }, ignore: ['old/**'] } },
  ];
  assert.deepEqual(resolveSettings(layers, path.join(top, 'sites', 'lab', 'a.rdslic.yaml')), {
    rules: { RDS101: 'error', RDS402: 'off', RDS301: 'off' },
    ignored: false,
  });
  assert.equal(resolveSettings(layers, path.join(top, 'sites', 'old', 'a.rdslic.yaml')).ignored, true);
  // `old/**` is relative to sites/, not to the top folder.
  assert.equal(resolveSettings(layers, path.join(top, 'old', 'a.rdslic.yaml')).ignored, false);
});
