// Bytes ↔ text for runbook files. UTF-8 only. The byte order mark stays in the text (U+FEFF):
// the core records it and writes it back, so an untouched file keeps every byte.

/** Thrown for bytes that are not UTF-8: decoding them would replace bytes and lose them on save. */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`not valid UTF-8 at byte ${byteOffset}`);
    this.name = 'NotUtf8Error';
  }
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** The offset of the first byte of the first invalid UTF-8 sequence (error path only). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // If byte i broke a sequence that had started, the error is that sequence's lead byte.
      let j = i - 1;
      while (j >= 0 && j > i - 4 && (bytes[j]! & 0xc0) === 0x80) j--;
      return j >= 0 && bytes[j]! >= 0xc0 && j + sequenceLength(bytes[j]!) > i ? j : i;
    }
  }
  // A sequence cut short by the end of the file.
  let j = bytes.length - 1;
  while (j > 0 && (bytes[j]! & 0xc0) === 0x80) j--;
  return Math.max(j, 0);
}

/** The text of a runbook file, BOM included as U+FEFF. Throws NotUtf8Error for other encodings. */
export function decodeRunbookBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
  } catch {
    throw new NotUtf8Error(firstInvalidUtf8Offset(bytes));
  }
}

/** UTF-8 bytes of a runbook text (a leading U+FEFF becomes the BOM bytes). */
export function encodeRunbookText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
