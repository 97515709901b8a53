// Running runbook code cells (no VS Code involved): which interpreter is chosen, and a real
// POSIX shell run with output, exit code and cancellation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planCellRun, runPlan, RunPlan } from '../../src/extension/runbook/cellRunner';
import { findExecutable, SearchEnvironment } from '../../src/extension/runbook/executables';

const posix = process.platform !== 'win32';

/** A PATH made of one scratch folder holding fake executables with the given names. */
function fakePath(names: string[], platform: NodeJS.Platform = process.platform): SearchEnvironment {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-path-'));
  for (const name of names) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '#!/bin/sh\n');
    fs.chmodSync(file, 0o755);
  }
  return { platform, pathVariable: dir, pathExt: '.EXE;.CMD' };
}

test('findExecutable finds an executable on PATH and nothing else', { skip: !posix }, () => {
  const search = fakePath(['pwsh']);
  assert.equal(findExecutable('pwsh', search), path.join(search.pathVariable!, 'pwsh'));
  assert.equal(findExecutable('bash', search), undefined);
  fs.writeFileSync(path.join(search.pathVariable!, 'notexec'), 'x');
  assert.equal(findExecutable('notexec', search), undefined);
});

test('PowerShell cells use pwsh when it is on PATH, with the script encoded inline', { skip: !posix }, () => {
  const result = planCellRun('powershell', 'powershell', 'Write-Output "é"', fakePath(['pwsh']));
  assert.equal(result.kind, 'plan');
  if (result.kind !== 'plan') return;
  assert.match(result.plan.executable, /pwsh$/);
  const encoded = result.plan.args[result.plan.args.indexOf('-EncodedCommand') + 1]!;
  assert.equal(Buffer.from(encoded, 'base64').toString('utf16le'), 'Write-Output "é"');
  assert.ok(result.plan.args.includes('-NonInteractive'));
});

test('a long PowerShell script goes through a .ps1 file with a BOM', { skip: !posix }, () => {
  const source = 'Write-Output 1\n'.repeat(1000);
  const result = planCellRun('powershell', 'pwsh', source, fakePath(['pwsh']));
  assert.equal(result.kind, 'plan');
  if (result.kind !== 'plan') return;
  assert.equal(result.plan.scriptFile?.extension, '.ps1');
  assert.equal(result.plan.scriptFile?.content, '\uFEFF' + source);
});

test('without PowerShell on PATH a PowerShell cell has no interpreter, and says what was tried', { skip: !posix }, () => {
  const result = planCellRun('powershell', 'powershell', 'Get-Date', fakePath([]));
  assert.deepEqual(result, { kind: 'no-interpreter', languageId: 'powershell', tried: ['pwsh', 'powershell.exe', 'powershell'] });
});

test('bash cells ask for bash; sh and shell cells for the POSIX shell', { skip: !posix }, () => {
  const search = fakePath(['bash', 'sh']);
  const bash = planCellRun('shellscript', 'bash', 'echo hi', search);
  assert.ok(bash.kind === 'plan' && bash.plan.executable.endsWith('/bash'));
  const sh = planCellRun('shellscript', 'sh', 'echo hi', search);
  assert.ok(sh.kind === 'plan' && (sh.plan.executable === '/bin/sh' || sh.plan.executable.endsWith('/sh')));
  assert.ok(sh.kind === 'plan' && sh.plan.args[0] === '-c' && sh.plan.args[1] === 'echo hi');
});

test('cmd cells run only on Windows; other languages are not runnable', () => {
  assert.equal(planCellRun('bat', 'cmd', 'dir', fakePath([], 'linux')).kind, 'no-interpreter');
  assert.deepEqual(planCellRun('yaml', 'yaml', 'a: 1', fakePath([])), { kind: 'unsupported-language', languageId: 'yaml' });
  assert.deepEqual(planCellRun('plaintext', '', 'x', fakePath([])), { kind: 'unsupported-language', languageId: 'plaintext' });
});

function runShell(script: string, signal = new AbortController().signal, cwd?: string) {
  const plan: RunPlan = { executable: '/bin/sh', args: ['-c', script] };
  const out: string[] = [];
  const err: string[] = [];
  return runPlan(plan, { cwd, signal, onStdout: (t) => out.push(t), onStderr: (t) => err.push(t) }).then((r) => ({
    ...r,
    stdout: out.join(''),
    stderr: err.join(''),
  }));
}

test('a shell cell runs: stdout, stderr and exit code come back', { skip: !posix }, async () => {
  const ok = await runShell('echo "héllo"; echo oops >&2');
  assert.equal(ok.exitCode, 0);
  assert.equal(ok.stdout, 'héllo\n');
  assert.equal(ok.stderr, 'oops\n');
  const failed = await runShell('exit 3');
  assert.equal(failed.exitCode, 3);
  assert.equal(failed.cancelled, false);
});

test('a cell runs in the given folder', { skip: !posix }, async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-cwd-')));
  const r = await runShell('pwd', undefined, dir);
  assert.equal(r.stdout.trim(), dir);
});

test('cancelling kills the child and what it started', { skip: !posix }, async () => {
  const abort = new AbortController();
  const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-cancel-')), 'started');
  // The script says it started, then waits; abort as soon as it says so (no timer involved).
  const running = runPlan(
    { executable: '/bin/sh', args: ['-c', `touch '${marker}'; echo started; sleep 30; echo never`] },
    {
      cwd: undefined,
      signal: abort.signal,
      onStdout: (t) => {
        if (t.includes('started')) abort.abort();
      },
      onStderr: () => undefined,
    },
  );
  const r = await running;
  assert.equal(r.cancelled, true);
  assert.notEqual(r.exitCode, 0);
  assert.ok(fs.existsSync(marker));
});

test('a missing interpreter is reported, not thrown', async () => {
  const r = await runPlan(
    { executable: path.join(os.tmpdir(), 'no-such-shell-rdslic'), args: [] },
    { cwd: undefined, signal: new AbortController().signal, onStdout: () => undefined, onStderr: () => undefined },
  );
  assert.ok(r.spawnError);
  assert.equal(r.exitCode, null);
});

test('script files are written for the run and removed after it', { skip: !posix }, async () => {
  let seen = '';
  const r = await runPlan(
    { executable: '/bin/sh', args: ['{script}'], scriptFile: { extension: '.sh', content: 'echo "$0"\n' } },
    { cwd: undefined, signal: new AbortController().signal, onStdout: (t) => (seen += t), onStderr: () => undefined },
  );
  assert.equal(r.exitCode, 0);
  const scriptPath = seen.trim();
  assert.match(scriptPath, /rdslic-cell-.*cell\.sh$/);
  assert.equal(fs.existsSync(scriptPath), false);
});
