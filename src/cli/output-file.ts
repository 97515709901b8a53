// Where a generating command (import, report, gen) puts its result: stdout, or a file written
// whole (temporary file + rename) so that an interrupted run never leaves half a file behind.
import fs from 'node:fs';
import path from 'node:path';

export function writeResult(text: string, outFile: string | undefined): void {
  if (outFile === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(outFile);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, text);
  try {
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
