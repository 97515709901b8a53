// Reads a file as text for the linter. What is not text becomes a finding on the file (FILE001)
// rather than an exception: binary content, bytes that are not UTF-8. UTF-16 with a byte order
// mark (what Windows PowerShell's Out-File writes) is decoded, since inventories are often
// produced on the servers themselves.
import * as fs from 'node:fs';
import * as l10n from '@vscode/l10n';
import type { Finding, Position } from '../../core/findings';
import { FILE_RULE_ID } from '../../core/config';
import { firstInvalidUtf8 } from '../../core/utf8';
import { fileSizeHit } from '../../core/inventory/limits';
import { hasRunbookName } from '../../core/language/applies';

export type ReadResult = { text: string } | { finding: Finding };

export { firstInvalidUtf8 };

function positionAfter(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function fileFinding(message: string, at: Position): Finding {
  return { ruleId: FILE_RULE_ID, severity: 'error', message, range: { start: at, end: at } };
}

/** What the file is read as, for the message about a binary file. */
export type ReadAs = 'inventory' | 'runbook';

/** Decodes file bytes; exported for tests. */
export function decodeInventory(bytes: Uint8Array, as: ReadAs = 'inventory'): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionAfter(new TextDecoder().decode(bytes.subarray(0, nul)));
    const message =
      as === 'runbook'
        ? l10n.t('This is a binary file (a NUL byte at line {0}), not a Markdown runbook.', at.line + 1)
        : l10n.t('This is a binary file (a NUL byte at line {0}), not a YAML inventory.', at.line + 1);
    return { finding: fileFinding(message, at) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const at = positionAfter(new TextDecoder().decode(bytes.subarray(0, bad)));
    return { finding: fileFinding(l10n.t('This file is not UTF-8 text (byte 0x{0} at line {1}): save it as UTF-8.', bytes[bad].toString(16).toUpperCase().padStart(2, '0'), at.line + 1), at) };
  }
  // TextDecoder already drops a UTF-8 byte order mark.
  return { text };
}

/** Reads and decodes a file; throws (ENOENT, EACCES, EISDIR...) only when it cannot be read. */
export function readInventory(file: string, as: ReadAs = hasRunbookName(file) ? 'runbook' : 'inventory'): ReadResult {
  // Over the size limit: not even read (a 20 GB file must not exhaust memory).
  const tooLarge = fileSizeHit(fs.statSync(file).size);
  if (tooLarge) {
    const start = { line: 0, character: 0 };
    return { finding: { ruleId: tooLarge.ruleId, severity: 'error', message: tooLarge.message, range: { start, end: start } } };
  }
  return decodeInventory(fs.readFileSync(file), as);
}
