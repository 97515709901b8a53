// Masking of license secrets in text shown to people (reports, runbook status, the Runbooks
// view): whatever field a product key was pasted into, only its last five characters leave
// the file. Identifiers are found as the rules find them (findIdsInText).
import { findIdsInText, maskRetailCode } from './identifiers';

/** Only the last 3 characters: "…567". */
export function maskTail(value: string): string {
  const compact = value.replace(/[-\s]/g, '');
  return `…${compact.slice(-3)}`;
}

/**
 * Free text with every retail code (product key) masked to XXXXX-XXXXX-XXXXX-XXXXX-ABCDE, and
 * every key pack ID and License Server ID to its last 3 characters.
 */
export function maskSecrets(text: string): string {
  let out = '';
  let last = 0;
  for (const id of findIdsInText(text)) {
    out += text.slice(last, id.start) + (id.kind === 'retailCode' ? maskRetailCode(id.text) : maskTail(id.text));
    last = id.end;
  }
  return out + text.slice(last);
}

/** A copy of plain data (objects, arrays) with maskSecrets applied to every string in it. */
export function maskSecretsDeep<T>(value: T): T {
  if (typeof value === 'string') return maskSecrets(value) as T;
  if (Array.isArray(value)) return value.map(maskSecretsDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskSecretsDeep(v);
    return out as T;
  }
  return value;
}
