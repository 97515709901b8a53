// Writes a report file atomically: a temporary file next to it, then a rename, so a reader (a
// CI step uploading SARIF) never sees half a report, and a failed run leaves the old one intact.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomically(file: string, content: string): void {
  const target = path.resolve(file);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
}
