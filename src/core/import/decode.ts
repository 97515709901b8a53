// Text of a file written by PowerShell. Windows PowerShell 5.1 `Out-File` and `>` write UTF-16 LE
// with a BOM; `Set-Content` writes the ANSI code page; PowerShell 7 writes UTF-8 without a BOM;
// `Out-File -Encoding utf8` in 5.1 adds a UTF-8 BOM. Detect which, and decode accordingly.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  }
  // No BOM: JSON starts with ASCII ('{', '[', whitespace), so UTF-16 shows as NUL bytes.
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) {
    return { text: new TextDecoder('utf-16le').decode(b), encoding: 'utf-16le' };
  }
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) {
    return { text: new TextDecoder('utf-16be').decode(b), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Windows PowerShell's Set-Content default (the ANSI code page, 1252 in the West).
    return { text: new TextDecoder('windows-1252').decode(b), encoding: 'windows-1252' };
  }
}
