// Trust boundaries, checked on the code itself: nothing that reads inventories or runbooks (the
// core, the language server, the CLI) can start a process, evaluate code or reach the network.
// The sources are scanned, and so are the built bundles (dist/), since a dependency brings code
// too. Each exception is listed with why it is harmless; anything new fails this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** What must not appear: starting processes, evaluating strings as code, network access. */
const FORBIDDEN: Record<string, RegExp> = {
  child_process: /\bchild_process\b/g,
  'new Function': /\bnew Function\s*\(/g,
  'eval(': /(?<![.\w$])eval\s*\(/g,
  'fetch(': /(?<![.\w$])fetch\s*\(/g,
  network: /(?:require\(\s*|from\s+|import\(\s*)["'](?:node:)?(?:https?|http2|net|tls|dgram)["']/g,
};

interface Allowed {
  pattern: keyof typeof FORBIDDEN;
  /** The module the occurrence is in: a source path, or the bundle's `// node_modules/...` marker. */
  module: string;
  count: number;
  why: string;
}

/** Sources that may use something forbidden; src/core, src/server and src/cli may not. */
const SOURCE_EXCEPTIONS: Allowed[] = [
  { pattern: 'child_process', module: 'src/extension/runbook/cellRunner.ts', count: 1, why: 'runs a code cell when the user runs it, in a trusted workspace only' },
  { pattern: 'child_process', module: 'src/extension/inventory/lint-workspace.ts', count: 1, why: '"Lint Workspace" runs the bundled CLI (node dist/cli.js lint) on the workspace' },
];

const L10N_FETCH: Allowed = {
  pattern: 'fetch(',
  module: 'node_modules/@vscode/l10n/dist/main.js',
  count: 1,
  why: "@vscode/l10n's config({ uri }) fetches an http(s) bundle; rdslic only passes { contents } (src/cli/l10n.ts), so this path is never taken",
};

const BUNDLE_EXCEPTIONS: Record<string, Allowed[]> = {
  'dist/server.js': [
    L10N_FETCH,
    {
      pattern: 'child_process',
      module: 'node_modules/vscode-languageserver/lib/node/files.js',
      count: 1,
      why: "vscode-languageserver's resolveModulePath/resolveGlobalYarnPath helpers (npm/yarn lookups): exported by the library, never called by rdslic",
    },
    {
      pattern: 'network',
      module: 'node_modules/vscode-jsonrpc/lib/node/main.js',
      count: 1,
      why: "vscode-jsonrpc's pipe and socket transports (`net` for a local named pipe or socket the editor opens); rdslic is started with --stdio or node IPC",
    },
  ],
  'dist/cli.js': [L10N_FETCH],
  'dist/api.js': [L10N_FETCH],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Occurrences of each forbidden pattern, as "pattern in module" → count. */
type Tally = Map<string, number>;

function add(tally: Tally, pattern: string, module: string): void {
  const key = `${pattern} in ${module}`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

function expected(allowed: readonly Allowed[]): Tally {
  const tally: Tally = new Map();
  for (const a of allowed) tally.set(`${a.pattern} in ${a.module}`, a.count);
  return tally;
}

test('src/core, src/server and src/cli start no process, evaluate no code and open no connection; the extension only where listed', () => {
  const found: Tally = new Map();
  for (const dir of ['src/core', 'src/server', 'src/cli', 'src/extension']) {
    for (const file of sourceFiles(dir)) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const [name, re] of Object.entries(FORBIDDEN)) for (const _ of text.matchAll(re)) add(found, name, file);
    }
  }
  assert.deepEqual(Object.fromEntries(found), Object.fromEntries(expected(SOURCE_EXCEPTIONS)));
});

for (const [bundle, allowed] of Object.entries(BUNDLE_EXCEPTIONS)) {
  test(`${bundle} (with its dependencies): only the listed, unused paths of libraries`, () => {
    const file = path.join(ROOT, bundle);
    assert.ok(fs.existsSync(file), `${bundle} is not built: run npm run build`);
    const text = fs.readFileSync(file, 'utf8');
    // esbuild starts each module with a `// path` comment, except in a minified build
    // (npm run package): there only the number of occurrences can be checked.
    const markers = [...text.matchAll(/^\s*\/\/ ((?:node_modules|src)\/\S+)$/gm)].map((m) => ({ at: m.index, module: m[1] }));
    const found: Tally = new Map();
    for (const [name, re] of Object.entries(FORBIDDEN)) {
      for (const m of text.matchAll(re)) {
        let module = '(minified bundle)';
        if (markers.length > 0) for (const marker of markers) if (marker.at < m.index) module = marker.module;
        add(found, name, module);
      }
    }
    if (markers.length > 0) {
      assert.deepEqual(Object.fromEntries(found), Object.fromEntries(expected(allowed)));
    } else {
      for (const name of Object.keys(FORBIDDEN)) {
        const count = [...found].filter(([key]) => key.startsWith(`${name} in`)).reduce((n, [, c]) => n + c, 0);
        const limit = allowed.filter((a) => a.pattern === name).reduce((n, a) => n + a.count, 0);
        assert.ok(count <= limit, `${bundle}: ${count} × ${name}, ${limit} allowed`);
      }
    }
  });
}
