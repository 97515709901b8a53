// What `npm pack` (and so `npm install rdslic`) ships must run on its own: the bundles in dist/
// are git-ignored, and npm falls back to .gitignore when there is no .npmignore, so without one
// the package had src/ and test/ but no dist/, and both `npx rdslic` and `require('rdslic')`
// failed with "Cannot find module". The files npm lists are copied into an empty node_modules
// and used from there, as an installed package is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function packedFiles(): string[] {
  // --ignore-scripts: list what would be packed without rebuilding (dist/ is already built).
  const npm = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  assert.equal(npm.status, 0, npm.stderr);
  const [entry] = JSON.parse(npm.stdout) as { files: { path: string }[] }[];
  return entry.files.map((f) => f.path);
}

test('the npm package ships the bundles, types, schemas and bin, and no sources, tests or source maps', () => {
  const files = packedFiles();
  const types: string = pkg.types.replace(/^\.\//, '');
  for (const needed of ['bin/rdslic.js', 'dist/cli.js', 'dist/api.js', 'dist/server.js', types, 'schemas/inventory.schema.json', 'schemas/config.schema.json', 'docs/rules.md']) {
    assert.ok(files.includes(needed), `${needed} is not in the package`);
  }
  const unwanted = files.filter((f) => /^(src|test|bench|scripts|out|\.ci)\//.test(f) || f.endsWith('.map') || f.endsWith('.vsix'));
  assert.deepEqual(unwanted, []);
});

test('the packed files work installed: npx rdslic lint and require("rdslic") from another project', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-npm-'));
  try {
    const installed = path.join(project, 'node_modules', 'rdslic');
    for (const file of packedFiles()) {
      fs.mkdirSync(path.dirname(path.join(installed, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(installed, file));
    }
    fs.copyFileSync(path.join(ROOT, 'examples', 'mistakes.rdslic.yaml'), path.join(project, 'site.rdslic.yaml'));

    const cli = spawnSync(process.execPath, [path.join(installed, 'bin', 'rdslic.js'), 'lint', '--format', 'json', 'site.rdslic.yaml'], { cwd: project, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    const findings = JSON.parse(cli.stdout) as { ruleId: string }[];
    assert.ok(findings.some((f) => f.ruleId === 'RDS501'), 'the product key in clear is found');

    const script = [
      "const api = require('rdslic');",
      "const text = require('fs').readFileSync('site.rdslic.yaml', 'utf8');",
      'const { findings } = api.lintInventory(text);',
      'process.stdout.write(JSON.stringify(findings.map((f) => f.ruleId)));',
    ].join('\n');
    const api = spawnSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    assert.equal(api.status, 0, api.stderr);
    assert.ok((JSON.parse(api.stdout) as string[]).includes('RDS501'));
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('a TypeScript project type-checks against the installed package (no skipLibCheck), with only its dependencies', () => {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-npm-types-'));
  try {
    const modules = path.join(project, 'node_modules');
    const installed = path.join(modules, 'rdslic');
    for (const file of packedFiles()) {
      fs.mkdirSync(path.dirname(path.join(installed, file)), { recursive: true });
      fs.copyFileSync(path.join(ROOT, file), path.join(installed, file));
    }
    // What `npm install rdslic` brings: the package's dependencies (and theirs, which the
    // declarations never name), and @types/node that a Node project has.
    for (const name of [...Object.keys(pkg.dependencies ?? {}), '@types/node', '@types/markdown-it', '@types/linkify-it', '@types/mdurl']) {
      const from = path.join(ROOT, 'node_modules', name);
      if (!fs.existsSync(from)) continue;
      fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
      fs.symlinkSync(from, path.join(modules, name), 'dir');
    }
    fs.writeFileSync(
      path.join(project, 'use.ts'),
      [
        "import { lintInventory, RULES, type Finding } from 'rdslic';",
        "const findings: Finding[] = lintInventory('kind: RdsLicensingInventory\\nversion: 1\\n').findings;",
        'export const summary: string = `${findings.length} of ${RULES.length}`;',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', types: ['node'] }, files: ['use.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});
