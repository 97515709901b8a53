// Finds a program on PATH the way a shell would, without running anything: the controller
// must know whether PowerShell or a POSIX shell exists before it offers to run a cell.
import fs from 'node:fs';
import path from 'node:path';

export interface SearchEnvironment {
  platform: NodeJS.Platform;
  /** PATH (or Path on Windows) as found in the environment. */
  pathVariable: string | undefined;
  /** PATHEXT on Windows; ignored elsewhere. */
  pathExt: string | undefined;
}

export function currentSearchEnvironment(env: NodeJS.ProcessEnv = process.env): SearchEnvironment {
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return { platform: process.platform, pathVariable: pathKey ? env[pathKey] : undefined, pathExt: env.PATHEXT };
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The absolute path of the first `name` found on PATH, or undefined. An absolute `name` is
 * checked as is. On Windows the PATHEXT extensions are tried when `name` has none.
 */
export function findExecutable(name: string, search: SearchEnvironment = currentSearchEnvironment()): string | undefined {
  const pathApi = search.platform === 'win32' ? path.win32 : path.posix;
  const candidatesFor = (base: string): string[] => {
    if (search.platform !== 'win32' || pathApi.extname(base) !== '') return [base];
    const exts = (search.pathExt ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean);
    return exts.map((ext) => base + ext.toLowerCase());
  };
  if (pathApi.isAbsolute(name)) return candidatesFor(name).find((c) => isExecutableFile(c, search.platform));
  const dirs = (search.pathVariable ?? '').split(search.platform === 'win32' ? ';' : ':').filter(Boolean);
  for (const dir of dirs) {
    for (const candidate of candidatesFor(pathApi.join(dir.replace(/^"(.*)"$/, '$1'), name))) {
      if (isExecutableFile(candidate, search.platform)) return candidate;
    }
  }
  return undefined;
}
