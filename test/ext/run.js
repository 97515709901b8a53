#!/usr/bin/env node
// Runs extension test suites inside a real VS Code extension host on a machine with no
// desktop VS Code: code-server (VS Code 1.100.3 server, installed by
// scripts/setup-vscode-host.sh) + headless Debian chromium driven by playwright-core.
// The workbench URL carries extensionDevelopmentPath/extensionTestsPath as in `code
// --extensionDevelopmentPath`; the page relays the tests' output (codeAutomationLog) and
// exit code (codeAutomationExit). Builds nothing: run `npm run build` and the ext tests'
// tsc first (`npm run test:ext` does both).
//
// Usage:
//   node test/ext/run.js --all                     every suite under out/test/ext/suite/
//   node test/ext/run.js --suite inventory [--workspace test/ext/fixtures/inventory]
//        [--trust]            workspace trust on (the folder opens untrusted)
//        [--install-vsix F]   install F into a scratch extensions dir and run with an empty
//                             stand-in as development extension (tests the packaged extension)
//        [--screenshots DIR]  save the screenshots the tests ask for (test/ext/lib/screenshot.ts)
//                             as DIR/<suite>-<name>.png
// Tests may also ask the runner to click an element, or wait for one, in any frame of the page
// (notebook output webviews are nested iframes): test/ext/lib/webview.ts.
//        [--locale fr]        UI language of VS Code (code-server --locale, browser language)
//        [--timeout S]        overall limit per suite (default 150 s)
//        [--keep]             keep the scratch folder (code-server log, profile)
//        [--skip NAME]        with --all: leave suite NAME out (repeatable)
//   node test/ext/run.js --extensionDevelopmentPath=D --extensionTestsPath=T [FOLDER]
//        the `code` command line, for @vscode/test-electron (test/ext/code-cli.sh)
// The workspace fixture is copied into a scratch folder first: tests may edit and save.
// A suite may carry defaults in test/ext/suite/<name>/suite.json:
//   { "workspace": "test/ext/fixtures/x", "trust": false, "installVsix": "dist/rdslic.vsix", "locale": "fr" }
// Exit code: the tests' (0 = all passed), 124 on timeout, 2 on a setup problem.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO = path.resolve(__dirname, '../..');
const HOST_DIR =
  process.env.RDSLIC_VSCODE_HOST_DIR || path.join(os.homedir(), '.cache', 'rdslic-vscode-host');
const CODE_SERVER = path.join(HOST_DIR, 'cs', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.RDSLIC_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Line a test prints to ask for a screenshot (see test/ext/lib/screenshot.ts). */
const SCREENSHOT_REQUEST = /^\[rdslic-ext\] screenshot ([\w.-]+)$/;
// What src/extension/extension.ts logs once activated (bundle loading + activate()).
const ACTIVATION_LINE = /^rdslic: activated, activation_ms=([\d.]+)/;
// Where the activation times of this run go; bench/run.js reads them (figure 4).
const ACTIVATION_FILE = path.join(REPO, 'out', 'ext-activation.json');

/** Keeps each suite's activation time in ACTIVATION_FILE (merged with earlier suites of the run). */
function recordActivation(cfg, ms) {
  let record = { suites: {} };
  try {
    record = JSON.parse(fs.readFileSync(ACTIVATION_FILE, 'utf8'));
  } catch {
    /* first suite of the run */
  }
  record.suites[cfg.name] = { activationMs: ms, packaged: Boolean(cfg.installVsix), date: new Date().toISOString() };
  fs.mkdirSync(path.dirname(ACTIVATION_FILE), { recursive: true });
  fs.writeFileSync(ACTIVATION_FILE, JSON.stringify(record, null, 2));
}

/** Line a test prints to have an element clicked or waited for (see test/ext/lib/webview.ts). */
const FRAME_REQUEST = /^\[rdslic-ext\] (click|find) ([\w.-]+) (.+)$/;

/**
 * Finds the first element matching `selector` (Playwright syntax; CSS pierces open shadow roots,
 * where notebook renderers put cells) in any frame of the page, then clicks it (a real mouse
 * click, with Playwright's visibility and hit-target checks) or just reports it is there.
 * Frames come and go as webviews load, so they are looked at again until the deadline.
 */
async function actInFrames(page, action, selector, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const target = frame.locator(selector).first();
      if ((await target.count().catch(() => 0)) === 0) continue;
      if (action === 'click') await target.click({ timeout: Math.max(1000, deadline - Date.now()) });
      return;
    }
    if (Date.now() >= deadline) throw new Error(`no frame has ${selector} after ${timeoutMs / 1000}s`);
    await page.waitForTimeout(250);
  }
}

/** Every live code-server process group, killed on any exit path. */
const liveGroups = new Set();
function killGroups() {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    liveGroups.delete(pgid);
  }
}
process.on('exit', killGroups);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    console.error(`ext tests: ${signal} received, stopping code-server`);
    killGroups();
    process.exit(code);
  });
}

function fail(message) {
  console.error(`ext tests: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { all: false, suite: undefined, workspace: undefined, trust: undefined };
  opts.installVsix = undefined;
  opts.screenshots = undefined;
  opts.timeout = 150;
  opts.keep = false;
  opts.skip = [];
  // The `code` command line, as @vscode/test-electron's runTests passes it to the
  // vscodeExecutablePath it is given (test/ext/code-cli.sh): --extensionTestsPath=,
  // --extensionDevelopmentPath=, a folder; Electron-only flags are ignored.
  if (argv.some((a) => a.startsWith('--extensionTestsPath='))) {
    for (const a of argv) {
      if (a.startsWith('--extensionTestsPath=')) opts.testsPath = path.resolve(a.slice(a.indexOf('=') + 1));
      else if (a.startsWith('--extensionDevelopmentPath=')) opts.devPath = path.resolve(a.slice(a.indexOf('=') + 1));
      else if (!a.startsWith('-')) opts.workspace = a;
    }
    const inSuite = /[\\/]out[\\/]test[\\/]ext[\\/]suite[\\/]([^\\/]+)[\\/]/.exec(opts.testsPath);
    opts.suite = inSuite ? inSuite[1] : 'custom';
    return opts;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--all') opts.all = true;
    else if (a === '--suite') opts.suite = value();
    else if (a === '--workspace') opts.workspace = value();
    else if (a === '--trust') opts.trust = true;
    else if (a === '--install-vsix') opts.installVsix = value();
    else if (a === '--screenshots') opts.screenshots = value();
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a === '--locale') opts.locale = value();
    else if (a === '--keep') opts.keep = true;
    else if (a === '--skip') opts.skip.push(value());
    else fail(`unknown argument ${a} (see the header of test/ext/run.js)`);
  }
  if (!opts.all && !opts.suite) fail('give --suite NAME or --all');
  if (!(opts.timeout > 0)) fail('--timeout takes a number of seconds');
  return opts;
}

function suiteNames() {
  const dir = path.join(REPO, 'out/test/ext/suite');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, 'index.js')))
    .sort();
}

/** Command-line options win over the suite's suite.json, which wins over defaults. */
function suiteConfig(name, cli) {
  const file = path.join(REPO, 'test/ext/suite', name, 'suite.json');
  const fromFile = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const pick = (key, fallback) => (cli[key] !== undefined ? cli[key] : fromFile[key] ?? fallback);
  const testsPath = cli.testsPath ?? path.join(REPO, 'out/test/ext/suite', name, 'index.js');
  if (!fs.existsSync(testsPath)) fail(`${path.relative(REPO, testsPath)} not found: compile the ext tests first (npm run compile-ext-tests)`);
  const workspace = pick('workspace', undefined);
  const installVsix = pick('installVsix', undefined);
  const locale = pick('locale', undefined);
  if (locale !== undefined && !/^[a-z]{2}(-[A-Za-z]{2})?$/.test(locale)) fail(`locale ${JSON.stringify(locale)} is not a language tag like fr or fr-CA`);
  return {
    locale,
    name,
    testsPath,
    devPath: cli.devPath,
    workspace: workspace ? path.resolve(REPO, workspace) : undefined,
    trust: Boolean(pick('trust', false)),
    installVsix: installVsix ? path.resolve(REPO, installVsix) : undefined,
    screenshots: cli.screenshots ? path.resolve(cli.screenshots) : undefined,
    timeoutMs: cli.timeout * 1000,
    keep: cli.keep,
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function writeUserSettings(userDataDir, trust) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': trust,
    'security.workspace.trust.startupPrompt': 'never',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'git.enabled': false,
    'files.watcherExclude': { '**/node_modules/**': true },
    'files.autoSave': 'off',
    'files.hotExit': 'off',
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * VS Code takes a display language only when a language pack provides it (else it falls back to
 * English, and so does vscode.env.language). No pack can be downloaded here: an empty one (no
 * translations: the workbench stays English, extensions get the locale) is declared where the
 * server looks for installed packs, <user-data>/languagepacks.json.
 */
function writeLanguagePack(userDataDir, locale) {
  const language = locale.toLowerCase();
  const translations = path.join(userDataDir, 'rdslic-test-language-pack', `${language}.i18n.json`);
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const packs = { [language]: { hash: `rdslic-test-${language}`, extensions: [{ extensionIdentifier: { id: `rdslic-test.language-pack-${language}` }, version: '0.0.0' }], translations: { vscode: translations }, label: language } };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/** The environment code-server and its extension host see: a scratch HOME and XDG dirs. */
function scratchEnv(scratch) {
  const home = path.join(scratch, 'home');
  const env = { ...process.env };
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: path.join(scratch, 'tmp'),
  });
  // test/ext/lib/screenshot.ts writes its requests' acknowledgements here.
  env.RDSLIC_EXT_SCREENSHOT_DIR = path.join(scratch, 'screenshots');
  fs.mkdirSync(env.RDSLIC_EXT_SCREENSHOT_DIR, { recursive: true });
  // No extension gallery: these machines reach none, and every lookup would log an error.
  env.EXTENSIONS_GALLERY = '{}';
  // Variables that would make VS Code's own node processes behave differently.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  fs.mkdirSync(env.XDG_CONFIG_HOME, { recursive: true });
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  return env;
}

function installVsix(vsix, userDataDir, extensionsDir, env) {
  if (!fs.existsSync(vsix)) fail(`${vsix} not found: run npm run package first`);
  const r = spawnSync(
    CODE_SERVER,
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) fail(`code-server --install-extension ${vsix} failed:\n${r.stdout}${r.stderr}`);
  process.stdout.write(r.stdout);
}

/** Starts code-server in its own process group; resolves once it listens. */
function startCodeServer({ port, userDataDir, extensionsDir, trust, locale, env, logFile, timeoutMs }) {
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--log', 'info',
  ];
  if (!trust) args.push('--disable-workspace-trust');
  if (locale) args.push('--locale', locale);
  const log = fs.openSync(logFile, 'w');
  // setsid(1): code-server and every process it starts (extension host, language servers,
  // file watchers) share one process group that we kill as a whole.
  const child = spawn('setsid', [CODE_SERVER, ...args], { env, stdio: ['ignore', 'pipe', log] });
  liveGroups.add(child.pid);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`code-server did not listen on port ${port} within ${timeoutMs / 1000}s; log: ${logFile}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk) => {
      fs.appendFileSync(logFile, chunk);
      if (out !== null) {
        out += chunk;
        if (/HTTP server listening on/.test(out)) {
          out = null;
          clearTimeout(timer);
          resolve(child);
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      liveGroups.delete(child.pid);
      reject(new Error(`code-server exited early (${signal ?? code}); log: ${logFile}`));
    });
  });
}

async function runSuite(cfg) {
  const t0 = Date.now();
  const seconds = () => ((Date.now() - t0) / 1000).toFixed(1);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `rdslic-ext-${cfg.name}-`));
  const env = scratchEnv(scratch);
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, cfg.trust);
  if (cfg.locale) writeLanguagePack(userDataDir, cfg.locale);
  const logFile = path.join(scratch, 'code-server.log');
  // The fixture is copied, so tests may edit and save files without touching the repository;
  // a suite without a fixture gets an empty folder.
  if (cfg.workspace && !fs.existsSync(cfg.workspace)) fail(`workspace ${cfg.workspace} not found`);
  const workspace = path.join(scratch, 'workspace', cfg.workspace ? path.basename(cfg.workspace) : cfg.name);
  if (cfg.workspace) fs.cpSync(cfg.workspace, workspace, { recursive: true });
  else fs.mkdirSync(workspace, { recursive: true });

  console.log(`ext tests: suite ${cfg.name}${cfg.installVsix ? ` (installed ${path.basename(cfg.installVsix)})` : ''}, workspace ${cfg.workspace ? path.relative(REPO, cfg.workspace) : '(empty)'}${cfg.trust ? ', trust on' : ''}${cfg.locale ? `, locale ${cfg.locale}` : ''}`);
  if (cfg.installVsix) installVsix(cfg.installVsix, userDataDir, extensionsDir, env);

  let browser;
  let child;
  let overall;
  try {
    const port = await freePort();
    const deadline = t0 + cfg.timeoutMs;
    child = await startCodeServer({ port, userDataDir, extensionsDir, trust: cfg.trust, locale: cfg.locale, env, logFile, timeoutMs: cfg.timeoutMs });
    const base = `http://127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    // VS Code runs extensionTestsPath only alongside a development extension: with an
    // installed VSIX, that is an empty stand-in, so rdslic itself comes from the VSIX.
    const devPath = cfg.installVsix ? path.join(__dirname, 'vsix-host') : (cfg.devPath ?? REPO);
    const payload = [
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(cfg.testsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...(cfg.locale ? { locale: cfg.locale } : {}) });
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', async (_type, args) => {
      const frameRequest = typeof args[0] === 'string' && FRAME_REQUEST.exec(args[0]);
      if (frameRequest) {
        // The answer is a file: <name>.done, or <name>.failed holding the reason.
        const [, action, name, selectorJson] = frameRequest;
        const answer = (suffix, text) => fs.writeFileSync(path.join(env.RDSLIC_EXT_SCREENSHOT_DIR, `${name}.${suffix}`), text);
        try {
          await actInFrames(page, action, JSON.parse(selectorJson), 15_000);
          answer('done', '');
        } catch (e) {
          answer('failed', String(e.message ?? e));
        }
        return;
      }
      const shot = typeof args[0] === 'string' && SCREENSHOT_REQUEST.exec(args[0]);
      const activation = typeof args[0] === 'string' && ACTIVATION_LINE.exec(args[0]);
      if (activation) recordActivation(cfg, Number(activation[1]));
      if (!shot) return console.log(...args);
      // A test asked for a picture of the workbench as it is now; it waits for the `.done` file.
      if (cfg.screenshots) {
        fs.mkdirSync(cfg.screenshots, { recursive: true });
        const file = path.join(cfg.screenshots, `${cfg.name}-${shot[1]}.png`);
        await page.screenshot({ path: file }).catch((e) => console.error(`ext tests: screenshot failed: ${e.message}`));
        console.log(`ext tests: screenshot ${file}`);
      }
      fs.writeFileSync(path.join(env.RDSLIC_EXT_SCREENSHOT_DIR, `${shot[1]}.done`), '');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    if (process.env.RDSLIC_EXT_DEBUG) page.on('console', (m) => console.error(`[page ${m.type()}] ${m.text()}`));
    overall = setTimeout(
      () => {
        console.error(`ext tests: suite ${cfg.name} timed out after ${cfg.timeoutMs / 1000}s (no exit from the extension host; code-server log: ${logFile}, kept)`);
        cfg.keep = true;
        finish(124);
      },
      Math.max(1000, deadline - Date.now()),
    );
    await page.goto(url);
    const code = await finished;
    console.log(`ext tests: suite ${cfg.name} finished with exit code ${code} after ${seconds()}s`);
    if (code !== 0) cfg.keep = true;
    return code;
  } catch (e) {
    console.error(`ext tests: suite ${cfg.name} could not run: ${e.message}`);
    cfg.keep = true;
    return 2;
  } finally {
    clearTimeout(overall);
    if (browser) await browser.close().catch(() => {});
    if (child) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      liveGroups.delete(child.pid);
    }
    if (cfg.keep) console.error(`ext tests: scratch folder kept: ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const cli = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CODE_SERVER)) {
    fail(`no VS Code host in ${HOST_DIR}: run scripts/setup-vscode-host.sh (CI runs it)`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} not found: run scripts/setup-vscode-host.sh (CI runs it)`);
  const names = cli.all ? suiteNames().filter((n) => !cli.skip.includes(n)) : [cli.suite];
  if (names.length === 0) fail('no suite found under out/test/ext/suite/ (compile the ext tests first)');
  const failed = [];
  for (const name of names) {
    const code = await runSuite(suiteConfig(name, cli));
    if (code !== 0) failed.push(`${name} (exit ${code})`);
  }
  if (failed.length) {
    console.error(`ext tests: failed suites: ${failed.join(', ')}`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(`ext tests: runner failed: ${e.stack ?? e}`);
  process.exit(2);
});
