// How a code cell of a runbook is run: which interpreter, with which arguments, and the
// child process itself. Pure Node (no `vscode`), so it is unit-tested with a real shell.
// Nothing here decides WHETHER to run: the controller checks workspace trust first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findExecutable, SearchEnvironment, currentSearchEnvironment } from './executables';

export interface RunPlan {
  executable: string;
  args: string[];
  /** A script file to write before spawning (its path replaces `{script}` in args), removed after. */
  scriptFile?: { extension: string; content: string };
}

export type PlanResult =
  | { kind: 'plan'; plan: RunPlan }
  /** The cell's language is one rdslic never runs (YAML, JSON, plain text...). */
  | { kind: 'unsupported-language'; languageId: string }
  /** The language is runnable, but not on this machine (no PowerShell, cmd off Windows...). */
  | { kind: 'no-interpreter'; languageId: string; tried: string[] };

export const SCRIPT_PLACEHOLDER = '{script}';

/** Longest PowerShell script passed inline; longer ones go through a script file. */
const MAX_ENCODED_COMMAND_CHARS = 8000;

function planPowerShell(source: string, search: SearchEnvironment): PlanResult {
  const tried = search.platform === 'win32' ? ['pwsh', 'powershell'] : ['pwsh', 'powershell.exe', 'powershell'];
  const executable = tried.map((n) => findExecutable(n, search)).find((p) => p !== undefined);
  if (!executable) return { kind: 'no-interpreter', languageId: 'powershell', tried };
  const common = ['-NoLogo', '-NoProfile', '-NonInteractive'];
  if (source.length <= MAX_ENCODED_COMMAND_CHARS) {
    // -EncodedCommand takes any text (quotes, newlines) without a temporary file, and the
    // execution policy does not apply to it, as for code typed at the prompt.
    const encoded = Buffer.from(source, 'utf16le').toString('base64');
    return { kind: 'plan', plan: { executable, args: [...common, '-EncodedCommand', encoded] } };
  }
  return {
    kind: 'plan',
    plan: {
      executable,
      args: [...common, '-ExecutionPolicy', 'Bypass', '-File', SCRIPT_PLACEHOLDER],
      // A BOM makes Windows PowerShell 5.1 read the file as UTF-8.
      scriptFile: { extension: '.ps1', content: '\uFEFF' + source },
    },
  };
}

function planShell(source: string, info: string | undefined, search: SearchEnvironment): PlanResult {
  const word = (info ?? '').trim().split(/[\s{]/, 1)[0]!.toLowerCase();
  // A cell marked bash or zsh asks for that shell; `sh`/`shell` get the POSIX shell.
  const wanted = word === 'bash' || word === 'zsh' ? [word] : [];
  const tried = search.platform === 'win32' ? [...wanted, 'bash', 'sh'] : [...wanted, '/bin/sh', 'sh', 'bash'];
  const executable = tried.map((n) => findExecutable(n, search)).find((p) => p !== undefined);
  if (!executable) return { kind: 'no-interpreter', languageId: 'shellscript', tried };
  return { kind: 'plan', plan: { executable, args: ['-c', source] } };
}

function planCmd(source: string, search: SearchEnvironment): PlanResult {
  if (search.platform !== 'win32') return { kind: 'no-interpreter', languageId: 'bat', tried: ['cmd.exe (Windows only)'] };
  const executable = findExecutable('cmd.exe', search) ?? findExecutable('cmd', search);
  if (!executable) return { kind: 'no-interpreter', languageId: 'bat', tried: ['cmd.exe'] };
  // cmd runs multi-line text only from a batch file; CRLF is what it expects.
  return {
    kind: 'plan',
    plan: {
      executable,
      args: ['/d', '/c', SCRIPT_PLACEHOLDER],
      scriptFile: { extension: '.cmd', content: '@echo off\r\n' + source.replace(/\r?\n/g, '\r\n') },
    },
  };
}

/** The plan for a cell given its VS Code language id and the fence info string it came from. */
export function planCellRun(
  languageId: string,
  info: string | undefined,
  source: string,
  search: SearchEnvironment = currentSearchEnvironment(),
): PlanResult {
  switch (languageId) {
    case 'powershell':
      return planPowerShell(source, search);
    case 'shellscript':
      return planShell(source, info, search);
    case 'bat':
      return planCmd(source, search);
    default:
      return { kind: 'unsupported-language', languageId };
  }
}

export interface RunCallbacks {
  cwd: string | undefined;
  onStdout(text: string): void;
  onStderr(text: string): void;
  /** Aborting kills the child (and, on POSIX, its process group). */
  signal: AbortSignal;
}

export interface RunResult {
  exitCode: number | null;
  /** The signal that ended the child, if any (e.g. SIGTERM after a cancellation). */
  signal: NodeJS.Signals | null;
  cancelled: boolean;
  /** Set when the child could not be started at all. */
  spawnError?: string;
}

function writeScriptFile(file: { extension: string; content: string }): { path: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-cell-'));
  const scriptPath = path.join(dir, 'cell' + file.extension);
  fs.writeFileSync(scriptPath, file.content, 'utf8');
  return { path: scriptPath, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function runPlan(plan: RunPlan, callbacks: RunCallbacks): Promise<RunResult> {
  const script = plan.scriptFile ? writeScriptFile(plan.scriptFile) : undefined;
  const args = plan.args.map((a) => (a === SCRIPT_PLACEHOLDER && script ? script.path : a));
  return new Promise<RunResult>((resolve) => {
    let cancelled = false;
    const posix = process.platform !== 'win32';
    const child = spawn(plan.executable, args, {
      cwd: callbacks.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group on POSIX so a cancellation also ends what the script started.
      detached: posix,
      windowsHide: true,
    });
    const decoderOut = new TextDecoder('utf-8');
    const decoderErr = new TextDecoder('utf-8');
    child.stdout.on('data', (chunk: Buffer) => callbacks.onStdout(decoderOut.decode(chunk, { stream: true })));
    child.stderr.on('data', (chunk: Buffer) => callbacks.onStderr(decoderErr.decode(chunk, { stream: true })));
    const kill = () => {
      cancelled = true;
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
        else child.kill();
      } catch {
        child.kill();
      }
    };
    if (callbacks.signal.aborted) kill();
    else callbacks.signal.addEventListener('abort', kill, { once: true });
    let settled = false;
    const finish = (result: RunResult) => {
      if (settled) return;
      settled = true;
      callbacks.signal.removeEventListener('abort', kill);
      script?.cleanup();
      resolve(result);
    };
    child.on('error', (err) => finish({ exitCode: null, signal: null, cancelled, spawnError: err.message }));
    child.on('close', (exitCode, signal) => {
      const restOut = decoderOut.decode();
      const restErr = decoderErr.decode();
      if (restOut) callbacks.onStdout(restOut);
      if (restErr) callbacks.onStderr(restErr);
      finish({ exitCode, signal, cancelled });
    });
  });
}
