// A save interrupted midway never leaves a truncated file: the new bytes reach the target only
// by a rename once they are complete and flushed, and a failure leaves the old file and no
// temporary file behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomically, type AtomicWriteIo } from '../../src/cli/atomic-write';

function folder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rdslic-atomic-'));
}

const REAL: AtomicWriteIo = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
};

test('writes the new content, creating or replacing the file, and keeps its permissions', () => {
  const dir = folder();
  const file = path.join(dir, 'a.runbook.md');
  writeFileAtomically(file, '- [ ] one\n');
  assert.equal(fs.readFileSync(file, 'utf8'), '- [ ] one\n');
  fs.chmodSync(file, 0o640);
  writeFileAtomically(file, new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x0a]));
  assert.deepEqual([...fs.readFileSync(file)], [0xef, 0xbb, 0xbf, 0x23, 0x0a]);
  if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(fs.readdirSync(dir), ['a.runbook.md']);
});

test('a write that fails midway leaves the old file whole and no temporary file', () => {
  const dir = folder();
  const file = path.join(dir, 'a.runbook.md');
  const old = '# Runbook\n\n- [x] done\n- [ ] open\n';
  fs.writeFileSync(file, old);
  let calls = 0;
  const failing: AtomicWriteIo = {
    ...REAL,
    // Write a few bytes, then fail as a full disk would.
    writeSync: (fd, data, offset, length) => {
      if (calls++ > 0) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return fs.writeSync(fd, data, offset, Math.min(length, 3));
    },
  };
  assert.throws(() => writeFileAtomically(file, '# Runbook\n\n- [x] done\n- [x] open\n', failing), /ENOSPC/);
  assert.equal(fs.readFileSync(file, 'utf8'), old);
  assert.deepEqual(fs.readdirSync(dir), ['a.runbook.md']);
});

test('a failed flush or rename leaves the old file whole too', () => {
  for (const broken of ['fsyncSync', 'renameSync'] as const) {
    const dir = folder();
    const file = path.join(dir, 'a.runbook.md');
    fs.writeFileSync(file, 'old\n');
    const io: AtomicWriteIo = {
      ...REAL,
      [broken]: () => {
        throw new Error(`EIO: ${broken} failed`);
      },
    };
    assert.throws(() => writeFileAtomically(file, 'new content\n', io), /EIO/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'old\n', broken);
    assert.deepEqual(fs.readdirSync(dir), ['a.runbook.md'], broken);
  }
});

test('writing through a symbolic link updates the file it points at and keeps the link', { skip: process.platform === 'win32' }, () => {
  const dir = folder();
  const real = path.join(dir, 'real.runbook.md');
  const link = path.join(dir, 'link.runbook.md');
  fs.writeFileSync(real, 'old\n');
  fs.symlinkSync(real, link);
  writeFileAtomically(link, 'new\n');
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(real, 'utf8'), 'new\n');
});
