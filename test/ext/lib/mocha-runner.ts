// Runs the mocha tests of one suite folder inside the extension host. Each suite's index.ts
// is `export function run() { return runSuite(__dirname); }`: VS Code calls run() after the
// workbench and the extension under test have loaded, and the returned promise's outcome is
// the tests' exit code (the runner test/ext/run.js relays it).
import * as fs from 'fs';
import * as path from 'path';

// mocha 12 is an ES module package; its CommonJS build is required directly so that the
// extension host's CommonJS loader does not depend on require(esm).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha: typeof import('mocha') = require('mocha/lib/mocha.cjs');

export function runSuite(suiteDir: string, options: { timeoutMs?: number } = {}): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: options.timeoutMs ?? 30_000, reporter: 'spec' });
  const files = fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(suiteDir, f));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js in ${suiteDir}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
