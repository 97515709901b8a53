// RDS606: `{{...}}` placeholders whose name is not in the placeholder table (placeholders.ts,
// runbooks/README.md). Such a placeholder is never filled in, so the admin would read the
// braces in the middle of a procedure; it is nearly always a typo, hence the "did you mean".
import * as l10n from '@vscode/l10n';
import { closestWord } from '../closest-word';
import type { FixHint } from '../findings';
import { findPlaceholders, PLACEHOLDERS } from './placeholders';

export const RUNBOOK_UNKNOWN_PLACEHOLDER = 'RDS606';

export interface UnknownPlaceholder {
  /** UTF-16 offsets of the whole `{{...}}` in the text. */
  start: number;
  end: number;
  message: string;
  /** The closest known placeholder, as a replacement of the whole `{{...}}`. */
  fix?: FixHint;
}

const NAMES = PLACEHOLDERS.map((p) => p.name);
const SCOPES = [...new Set(PLACEHOLDERS.map((p) => p.scope))];

const braces = (name: string) => `{{${name}}}`;

/**
 * The known placeholder `name` is most likely a typo of. With a known scope, only the part after
 * it is compared (among that scope's placeholders), so that the shared `server.` does not make
 * `server.bogus` "close" to `server.os`; otherwise the whole name (`servr.serverId`).
 */
function suggestionFor(name: string): string | undefined {
  const [scope, ...rest] = name.split('.');
  const sameScope = PLACEHOLDERS.filter((p) => p.scope === scope);
  if (sameScope.length === 0 || rest.length === 0) return closestWord(name, NAMES);
  const key = closestWord(rest.join('.'), sameScope.map((p) => p.keys.join('.')));
  return key === undefined ? undefined : `${scope}.${key}`;
}

function messageFor(name: string, suggestion: string | undefined): string {
  if (suggestion) return l10n.t('{0} is not a placeholder rdslic knows: did you mean {1}? (see runbooks/README.md)', braces(name), braces(suggestion));
  const scope = name.split('.')[0];
  const sameScope = NAMES.filter((n) => n.startsWith(`${scope}.`));
  if (sameScope.length > 0) {
    return l10n.t('{0} is not a placeholder rdslic knows, so it is never filled in. The {1} placeholders are: {2} (see runbooks/README.md).', braces(name), `${scope}.*`, sameScope.map(braces).join(', '));
  }
  return l10n.t(
    '{0} is not a placeholder rdslic knows, so it is never filled in. Placeholders start with {1} (see runbooks/README.md).',
    braces(name),
    SCOPES.map((s) => `${s}.`).join(', '),
  );
}

/**
 * The unknown placeholders of `text`, in order. `skip(offset)` leaves out the placeholders that
 * start at an offset where any name is fine (a template's whole `inventory:` or `server:` value).
 */
export function unknownPlaceholders(text: string, skip: (offset: number) => boolean = () => false): UnknownPlaceholder[] {
  const found: UnknownPlaceholder[] = [];
  for (const p of findPlaceholders(text)) {
    if (p.definition || skip(p.offset)) continue;
    const suggestion = suggestionFor(p.name);
    found.push({
      start: p.offset,
      end: p.offset + p.length,
      message: messageFor(p.name, suggestion),
      ...(suggestion ? { fix: { kind: 'renamePlaceholder', replacement: braces(suggestion) } } : {}),
    });
  }
  return found;
}
