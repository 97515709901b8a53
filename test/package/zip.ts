// Minimal reader of a zip's central directory (a VSIX is a zip), enough to list and read
// entries with node's zlib; no dependency.
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class Zip {
  readonly entries: ZipEntry[] = [];
  private readonly data: Buffer;

  constructor(file: string) {
    this.data = fs.readFileSync(file);
    const d = this.data;
    // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
    let eocd = -1;
    for (let i = d.length - 22; i >= Math.max(0, d.length - 65_557); i--) {
      if (d.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${file} is not a zip file`);
    const count = d.readUInt16LE(eocd + 10);
    let p = d.readUInt32LE(eocd + 16);
    for (let n = 0; n < count; n++) {
      if (d.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
      const nameLength = d.readUInt16LE(p + 28);
      const extraLength = d.readUInt16LE(p + 30);
      const commentLength = d.readUInt16LE(p + 32);
      this.entries.push({
        method: d.readUInt16LE(p + 10),
        compressedSize: d.readUInt32LE(p + 20),
        size: d.readUInt32LE(p + 24),
        localHeaderOffset: d.readUInt32LE(p + 42),
        name: d.toString('utf8', p + 46, p + 46 + nameLength),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  get names(): string[] {
    return this.entries.map((e) => e.name);
  }

  read(name: string): Buffer {
    const e = this.entries.find((x) => x.name === name);
    if (!e) throw new Error(`${name} is not in the zip`);
    const h = e.localHeaderOffset;
    const start = h + 30 + this.data.readUInt16LE(h + 26) + this.data.readUInt16LE(h + 28);
    const raw = this.data.subarray(start, start + e.compressedSize);
    if (e.method === 0) return Buffer.from(raw);
    if (e.method === 8) return zlib.inflateRawSync(raw);
    throw new Error(`${name}: unsupported compression method ${e.method}`);
  }
}
