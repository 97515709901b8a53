// Bundles the four faces of rdslic. Each bundle is self-contained (no node_modules at run time),
// so the VSIX ships only dist/ and the CLI starts without resolving hundreds of modules.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  // VS Code extension host entry: `vscode` is provided by the host.
  // The banner marks when the host starts evaluating the bundle, so the activation time the
  // extension reports includes loading its code, as VS Code's own "activation time" does.
  {
    entryPoints: { extension: 'src/extension/extension.ts' },
    external: ['vscode'],
    banner: { js: 'var __rdslicLoadStart = performance.now();' },
  },
  // vscode-languageclient, required by the extension when the server first starts.
  { entryPoints: { 'language-client': 'src/extension/inventory/language-client-module.ts' }, external: ['vscode'] },
  // Language server: started by the extension over IPC, or by `rdslic lsp --stdio`.
  { entryPoints: { server: 'src/server/main.ts' } },
  // CLI.
  { entryPoints: { cli: 'src/cli/main.ts' } },
  // Programmatic API (package.json "exports").
  { entryPoints: { api: 'src/core/index.ts' } },
  // Notebook renderer: runs in the notebook webview (browser, ES module), extends VS Code's
  // markdown-it renderer with clickable runbook checkboxes.
  {
    entryPoints: { 'notebook-renderer': 'src/extension/runbook/renderer/notebook-renderer.ts' },
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
  },
];

async function main() {
  // The schemas' validators are compiled here, not at start-up (scripts/gen-validators.js).
  require('./scripts/gen-validators').writeAll();
  const contexts = await Promise.all(
    bundles.map((b) =>
      esbuild.context({
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        outdir: 'dist',
        minify: production,
        // Source maps without absolute paths of the build machine.
        sourcemap: production ? false : 'linked',
        sourceRoot: '',
        sourcesContent: false,
        logLevel: 'warning',
        ...b,
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
