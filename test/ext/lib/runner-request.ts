// Requests from a test to the runner (test/ext/run.js), which drives the browser the workbench
// runs in: the request travels as a log line, the answer is a file in the runner's directory,
// `<name>.done` or `<name>.failed` (holding the reason).
import * as fs from 'fs';
import * as path from 'path';

export function askRunner(request: string, name: string, timeoutMs: number): Promise<void> {
  const dir = process.env.RDSLIC_EXT_SCREENSHOT_DIR;
  if (!dir || !/^[\w.-]+$/.test(name)) return Promise.reject(new Error(`cannot ask the runner for "${name}" (runner directory: ${dir})`));
  const done = path.join(dir, `${name}.done`);
  const failed = path.join(dir, `${name}.failed`);
  fs.rmSync(done, { force: true });
  fs.rmSync(failed, { force: true });
  return new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(done)) finish();
      else if (fs.existsSync(failed)) finish(new Error(`runner: ${request}: ${fs.readFileSync(failed, 'utf8')}`));
    });
    const timer = setTimeout(() => finish(new Error(`no answer from the runner to "${request}" after ${timeoutMs} ms`)), timeoutMs);
    function finish(error?: Error) {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    }
    console.log(`[rdslic-ext] ${request}`);
  });
}
