// Bytes ↔ text for runbooks: UTF-8 with the BOM kept as U+FEFF (so the serializer writes it
// back), and a flag when the bytes are not valid UTF-8, because then the decoded text holds
// U+FFFD replacements and writing it back would change the file: callers must not save it.

import { firstInvalidUtf8 } from '../utf8';

export interface DecodedRunbook {
  text: string;
  /** False when the bytes are not valid UTF-8 (saving `text` would not give the same bytes). */
  lossless: boolean;
  /** When not lossless: the offset of the first byte that is not UTF-8. */
  invalidAt?: number;
}

export function decodeRunbook(bytes: Uint8Array): DecodedRunbook {
  try {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes), lossless: true };
  } catch {
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
      lossless: false,
      invalidAt: Math.max(0, firstInvalidUtf8(bytes)),
    };
  }
}

/** UTF-8 bytes of a runbook text (a leading U+FEFF becomes the BOM bytes EF BB BF). */
export function encodeRunbook(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
