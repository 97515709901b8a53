// Replaces a file's content so that, whatever happens midway (a full disk, a crash, a kill), the
// file is either the old content or the new one, never a truncated mix: the new bytes go to a
// temporary file in the same folder (so the rename stays on one file system), are flushed to
// disk (fsync), and only then renamed over the target, which is atomic on POSIX and NTFS. The
// temporary file is removed when anything fails, and the error is rethrown.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file-system calls used, replaceable by tests to simulate failures midway. */
export interface AtomicWriteIo {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
}

const NODE_IO: AtomicWriteIo = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

export function writeFileAtomically(file: string, content: string | Uint8Array, io: AtomicWriteIo = NODE_IO): void {
  // Write through a symbolic link to the file it points at, instead of replacing the link.
  let target = path.resolve(file);
  let mode = 0o666;
  try {
    target = fs.realpathSync(target);
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // A new file: created with the default mode.
  }
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const folder = path.dirname(target);
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = io.openSync(temporary, 'wx', mode);
    let written = 0;
    while (written < bytes.length) written += io.writeSync(fd, bytes, written, bytes.length - written);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(temporary, target);
  } catch (err) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
    fs.rmSync(temporary, { force: true });
    throw err;
  }
  syncFolder(folder);
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse to fsync a folder; the data itself is already on disk.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
