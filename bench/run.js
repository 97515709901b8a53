#!/usr/bin/env node
// `npm run bench [-- --quick]`: every figure is a ratio against a baseline measured in the
// same run, on the same machine, so the verdicts hold on a noisy machine. Prints a table and
// writes bench/results/latest.json. Needs a build (`npm run build`, done by `npm ci`).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const { generateInventory, generateRunbook } = require('./generate');
const { LspClient } = require('./lsp-client');

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
const SIZES = QUICK ? [1000, 10000, 50000] : [1000, 10000, 50000, 150000];
const RUNS = QUICK ? 3 : 5;
const LSP_EDITS = QUICK ? 40 : 100;
const WARMUP_EDITS = 10;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-bench-'));
const CLI = path.join(ROOT, 'bin', 'rdslic.js');
const FLOOR = path.join(__dirname, 'floor.js');
const MAXRSS = path.join(__dirname, 'maxrss.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const fmt = (x, d = 1) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));

/** Wall time (ms) and peak RSS (bytes) of one whole process. */
function measureProcess(args) {
  const rssFile = path.join(TMP, `rss-${process.hrtime.bigint()}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', MAXRSS, ...args], {
    cwd: ROOT,
    env: { ...process.env, RDSLIC_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.split('\n')[0]}`);
  const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, rss, stdout: r.stdout };
}

/**
 * Each command's median over `runs` rounds, the commands taking turns within each round
 * (baseline, then ours, then baseline...), so that a slow spell of a shared machine falls on
 * both sides rather than on whichever was measured during it.
 */
function medianProcesses(commands, runs = RUNS) {
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) commands.forEach((args, i) => samples[i].push(measureProcess(args)));
  return samples.map((xs) => ({ ms: median(xs.map((s) => s.ms)), rss: median(xs.map((s) => s.rss)), stdout: xs[0].stdout }));
}

function inventoryFile(lines) {
  const file = path.join(TMP, `inv-${lines}.rdslic.yaml`);
  if (!fs.existsSync(file)) fs.writeFileSync(file, generateInventory(lines));
  return file;
}

const figures = [];
function figure(id, name, value, goal, pass, details = {}) {
  figures.push({ id, name, value, goal, pass, ...details });
}

/**
 * A lint that stopped at an input limit (LIMIT001: file too large) or found nothing did not do
 * the work being measured: fail loudly rather than report a flattering ratio.
 */
function assertRealLint(lines, stdout) {
  const findings = JSON.parse(stdout);
  const limit = findings.find((f) => f.ruleId.startsWith('LIMIT'));
  if (limit) throw new Error(`lint of the ${lines}-line inventory stopped at ${limit.ruleId}: ${limit.message}`);
  if (findings.length === 0) throw new Error(`lint of the ${lines}-line inventory found nothing (the generator plants findings)`);
}

// 1 + 6. rdslic lint vs the floor, growth, peak memory.
function lintVsFloor() {
  const rows = [];
  for (const lines of SIZES) {
    const file = inventoryFile(lines);
    const [floor, lint] = medianProcesses([[FLOOR, file], [CLI, 'lint', '--format', 'json', file]]);
    assertRealLint(lines, lint.stdout);
    rows.push({ lines, floorMs: floor.ms, lintMs: lint.ms, ratio: lint.ms / floor.ms, floorRss: floor.rss, lintRss: lint.rss });
  }
  const big = rows[rows.length - 1];
  // Linear growth: the cost of each extra line is the same at every size. Compare the marginal
  // cost per line over the last step (e.g. 50k → 150k) with the step before (10k → 50k); the
  // process start-up, paid once, cancels out. ≈ 1 when linear, ≈ 3 if it were quadratic.
  const slope = (a, b) => (b.lintMs - a.lintMs) / (b.lines - a.lines);
  const [a, b, c] = rows.slice(-3);
  const growth = slope(b, c) / slope(a, b);
  figure(1, `lint / floor at ${big.lines / 1000}k lines`, big.ratio, '≤ 2.0×', big.ratio <= 2.0, { rows });
  figure('1b', `lint cost per extra line, ${b.lines / 1000}k→${c.lines / 1000}k vs ${a.lines / 1000}k→${b.lines / 1000}k (linear ≈ 1)`, growth, '≤ 1.5', growth <= 1.5);
  const memRatio = big.lintRss / big.floorRss;
  figure(6, `peak memory lint / floor at ${big.lines / 1000}k lines`, memRatio, '≤ 2.0×', memRatio <= 2.0, {
    lintMiB: big.lintRss / 2 ** 20,
    floorMiB: big.floorRss / 2 ** 20,
  });
}

// 3. CLI start-up on a small file vs `node -e 0`.
function startup() {
  const small = path.join(ROOT, 'examples', 'contoso-paris.rdslic.yaml');
  const file = fs.existsSync(small) ? small : inventoryFile(1000);
  const [node, cli] = medianProcesses([['-e', '0'], [CLI, 'lint', '--format', 'json', file]], RUNS * 2);
  figure(3, 'CLI start-up (small file) / node -e 0', cli.ms / node.ms, '≤ 4.0×', cli.ms / node.ms <= 4, { cliMs: cli.ms, nodeMs: node.ms });
}

// 5. Runbook deserialize + serialize of a 10k-line Markdown, vs a bare markdown-it parse.
function runbook() {
  const api = require(path.join(ROOT, 'dist', 'api.js'));
  if (typeof api.parseRunbook !== 'function') return figure(5, 'runbook round-trip 10k lines', NaN, '≤ 20 ms', false, { note: 'runbook API not built' });
  const MarkdownIt = require('markdown-it');
  const text = generateRunbook(10000);
  // The same work as the runbook parser asks of markdown-it: the block structure of the text
  // (its options, html on; the inline rules off, as src/core/runbook/markdown.ts has them),
  // with markdown-it's stock tokens. A full parse, inline rules included, is shown beside it.
  const md = new MarkdownIt('default', { html: true });
  md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  const full = new MarkdownIt('default', { html: true });
  const time = (fn, n) => {
    for (let i = 0; i < 5; i++) fn(); // warm-up: JIT
    const xs = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      fn();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const n = QUICK ? 15 : 40;
  const roundTrip = time(() => {
    if (api.serializeRunbook(api.parseRunbook(text)) !== text) throw new Error('runbook round-trip is not lossless');
  }, n);
  const bare = time(() => md.parse(text, {}), n);
  const fullParse = time(() => full.parse(text, {}), n);
  figure(5, 'runbook parse+serialize, 10k lines (ms)', roundTrip, '≤ 20 ms', roundTrip <= 20, { markdownItBlockMs: bare, markdownItFullMs: fullParse });
  figure('5b', 'runbook round-trip / bare markdown-it block parse', roundTrip / bare, '≤ 1.5×', roundTrip / bare <= 1.5, { vsFullParse: roundTrip / fullParse });
}

// 2. Edit → diagnostics latency over LSP in a 10k-line inventory, ours vs yaml-language-server.
async function lspLatency(label, command, args, settings) {
  const file = inventoryFile(10000);
  const uri = pathToFileURL(file).href;
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const client = new LspClient(command, args, { settings, cwd: ROOT });
  try {
    await withTimeout(client.initialize(pathToFileURL(TMP).href), 30000, `${label}: no answer to initialize`);
    const first = client.waitForDiagnostics(uri);
    client.open(uri, text);
    const initial = await withTimeout(first, 60000, `${label}: no diagnostics after opening`);
    // Single-character edits inside `evidence` strings spread over the file: insert, then delete.
    const targets = lines.map((l, i) => (l.includes('evidence: "Invoice') ? i : -1)).filter((i) => i >= 0);
    const latencies = [];
    let version = 1;
    // The first WARMUP edits are timed apart: they include the JIT compiling the edit path
    // (the first keystrokes of a session), the same for both servers.
    for (let k = 0; k < WARMUP_EDITS + LSP_EDITS; k++) {
      const line = targets[(k * 7919) % targets.length];
      const col = lines[line].indexOf('Invoice') + 1;
      const insert = k % 2 === 0;
      version++;
      const range = insert
        ? { start: { line, character: col }, end: { line, character: col } }
        : { start: { line, character: col }, end: { line, character: col + 1 } };
      const v = version;
      const wait = client.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version >= v);
      const t0 = performance.now();
      client.change(uri, v, [{ range, text: insert ? 'x' : '' }]);
      const { time } = await withTimeout(wait, 30000, `${label}: no diagnostics after edit ${k}`);
      latencies.push(time - t0);
    }
    const flagged = new Set(initial.diagnostics.map((d) => d.range.start.line));
    const warm = latencies.slice(WARMUP_EDITS);
    return {
      p50: percentile(warm, 50),
      p95: percentile(warm, 95),
      firstEditMs: latencies[0],
      warmupMaxMs: Math.max(...latencies.slice(0, WARMUP_EDITS)),
      findings: initial.diagnostics.length,
      lines: flagged,
    };
  } finally {
    await client.close();
  }
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

async function lsp() {
  const ours = await lspLatency('rdslic', process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { rdslic: {} });
  figure(2, 'LSP edit → diagnostics p95, 10k lines (ms)', ours.p95, '≤ 50 ms', ours.p95 <= 50, {
    p50: ours.p50,
    firstEditMs: ours.firstEditMs,
    warmupMaxMs: ours.warmupMaxMs,
    findings: ours.findings,
  });
  const schema = pathToFileURL(path.join(ROOT, 'schemas', 'inventory.schema.json')).href;
  const ylsBin = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const yls = await lspLatency('yaml-language-server', process.execPath, [ylsBin, '--stdio'], {
    yaml: { validate: true, schemas: { [schema]: ['*.rdslic.yaml'] }, schemaStore: { enable: false }, format: { enable: false } },
  });
  const speedup = yls.p95 / ours.p95;
  // "At equal or better findings": every line yaml-language-server flags, rdslic flags too.
  const missed = [...yls.lines].filter((line) => !ours.lines.has(line));
  if (yls.findings === 0) throw new Error('yaml-language-server reported nothing: is the schema associated?');
  figure('2b', 'yaml-language-server p95 / rdslic p95', speedup, '≥ 5×', speedup >= 5 && missed.length === 0, {
    linesOnlyYlsFlags: missed.length,
    ylsP50: yls.p50,
    ylsP95: yls.p95,
    ylsFirstEditMs: yls.firstEditMs,
    ylsFindings: yls.findings,
    ourFindings: ours.findings,
  });
}

// 4. Extension activation, as recorded by the extension-host test run (test/ext/run.js, in
// `npm test`): loading the bundle + activate(). The installed VSIX (the minified bundle users
// get) is the figure; the other suites, which load the development build, are shown beside it.
function activation() {
  const file = path.join(ROOT, 'out', 'ext-activation.json');
  if (!fs.existsSync(file)) return figure(4, 'extension activation (ms)', NaN, '≤ 50 ms', false, { note: 'run npm test first (the extension-host run records it)' });
  const { suites } = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Not measured by this run: say when it was, so a stale record is seen as one.
  const recorded = fs.statSync(file).mtime.toISOString().slice(0, 16).replace('T', ' ');
  const all = Object.entries(suites);
  const packaged = all.filter(([, s]) => s.packaged).map(([, s]) => s.activationMs);
  const dev = all.filter(([, s]) => !s.packaged).map(([, s]) => s.activationMs);
  const value = packaged.length ? median(packaged) : median(dev);
  figure(4, `extension activation (ms, ${packaged.length ? 'installed VSIX' : 'development build'}, recorded ${recorded} UTC)`, value, '≤ 50 ms', value <= 50, {
    developmentMedianMs: dev.length ? median(dev) : undefined,
    suites,
  });
}

async function main() {
  const steps = [['lint vs floor', lintVsFloor], ['start-up', startup], ['runbook', runbook], ['lsp', lsp], ['activation', activation]];
  for (const [name, fn] of steps) {
    process.stderr.write(`bench: ${name}...\n`);
    try {
      await fn();
    } catch (e) {
      figures.push({ id: name, name, value: NaN, goal: '', pass: false, note: e.message });
    }
  }
  const machine = `${os.cpus().length}× ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    `| # | figure | value | goal | verdict |`,
    `|---|---|---|---|---|`,
    ...figures.map((f) => `| ${f.id} | ${f.name} | ${fmt(f.value, 2)} | ${f.goal} | ${f.pass ? 'pass' : 'FAIL'}${f.note ? ` (${f.note})` : ''} |`),
  ].join('\n');
  process.stdout.write(`\nrdslic benchmark${QUICK ? ' (quick)' : ''} — ${machine}\n\n${table}\n`);
  const rows = figures.find((f) => f.id === 1)?.rows;
  if (rows) {
    process.stdout.write(`\n| lines | floor ms | lint ms | ratio | floor MiB | lint MiB |\n|---|---|---|---|---|---|\n`);
    for (const r of rows) process.stdout.write(`| ${r.lines} | ${fmt(r.floorMs, 0)} | ${fmt(r.lintMs, 0)} | ${fmt(r.ratio, 2)} | ${fmt(r.floorRss / 2 ** 20, 0)} | ${fmt(r.lintRss / 2 ** 20, 0)} |\n`);
  }
  const ours = figures.find((f) => f.id === 2);
  const yls = figures.find((f) => f.id === '2b');
  if (ours && yls && yls.ylsP95 !== undefined) {
    process.stdout.write(`\n| LSP, 10k lines | p50 ms | p95 ms | first edit ms | findings |\n|---|---|---|---|---|\n`);
    process.stdout.write(`| rdslic | ${fmt(ours.p50)} | ${fmt(ours.value)} | ${fmt(ours.firstEditMs)} | ${ours.findings} |\n`);
    process.stdout.write(`| yaml-language-server | ${fmt(yls.ylsP50)} | ${fmt(yls.ylsP95)} | ${fmt(yls.ylsFirstEditMs)} | ${yls.ylsFindings} |\n`);
  }
  const outDir = path.join(__dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), quick: QUICK, machine, figures }, null, 2));
  fs.rmSync(TMP, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  process.exitCode = 2;
});
