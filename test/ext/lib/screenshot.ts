// Asks the runner (test/ext/run.js) for a screenshot of the workbench as it is now, for a
// person to look at (`--screenshots DIR`); resolves once the runner has taken it (or, without
// --screenshots, acknowledged it). The request travels as a log line; the answer is a file.
import * as fs from 'fs';
import * as path from 'path';

export function screenshot(name: string, timeoutMs = 15_000): Promise<void> {
  const dir = process.env.RDSLIC_EXT_SCREENSHOT_DIR;
  if (!dir || !/^[\w.-]+$/.test(name)) return Promise.reject(new Error(`cannot take screenshot "${name}" (runner directory: ${dir})`));
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  return new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(done)) finish();
    });
    const timer = setTimeout(() => finish(new Error(`no screenshot "${name}" after ${timeoutMs} ms`)), timeoutMs);
    function finish(error?: Error) {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    }
    console.log(`[rdslic-ext] screenshot ${name}`);
  });
}
