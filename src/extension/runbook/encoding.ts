// Bytes → text for runbooks opened in VS Code: the core decoder, made strict. Bytes that are not
// UTF-8 are refused (with where they are) rather than replaced: replacing them would lose bytes
// on the next save. The BOM stays in the text as U+FEFF so that saving writes it back.
import { decodeRunbook } from '../../core/runbook';

/** Thrown for bytes that are not UTF-8. */
export class NotUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`not valid UTF-8 at byte ${byteOffset}`);
    this.name = 'NotUtf8Error';
  }
}

/** The text of a runbook file, BOM included as U+FEFF. Throws NotUtf8Error for other encodings. */
export function decodeRunbookBytes(bytes: Uint8Array): string {
  const decoded = decodeRunbook(bytes);
  if (!decoded.lossless) throw new NotUtf8Error(decoded.invalidAt ?? 0);
  return decoded.text;
}
