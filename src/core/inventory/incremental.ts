// Linting an inventory again after an edit, for the editor: the same findings as
// `lintInventory` on the new text (the invariant; test/unit/inventory-incremental.test.ts),
// at the cost of re-parsing only what the edit touched (inventory/reparse.ts). The schema and
// the rules then run on the whole, updated parse: together they cost a few ms on 10k lines,
// and cross-item rules (names, duplicate packs, CALs per host) stay exact without tracking
// which finding depends on which item.
//
// No I/O and no hidden state: the caller keeps the returned state and passes it back with the
// next text. The state is single-use: a later call re-uses its parse's nodes (moved in place),
// so after `relintInventory(state, ...)` only the returned state is valid.
import { lintParsed, type LintOptions, type LintResult } from './lint';
import { parseInventory, type ParsedInventory } from './parse';
import { canReparse, reparse, type ReparseScope } from './reparse';

/** How the result was computed: a full parse, part of it, or the same text again. */
export type RelintMode = 'full' | ReparseScope | 'same-text';

export interface IncrementalLint {
  readonly text: string;
  readonly result: LintResult;
  readonly mode: RelintMode;
  /**
   * The last parse that edits can be applied to: the result's own parse when it is clean,
   * else the last clean one before it (so that the edit which fixes a syntax error is applied
   * to the parse before the error, not parsed in full). Internal.
   */
  readonly base?: Base;
}

interface Base {
  parsed: ParsedInventory;
  /** Set when a later call moved this parse's nodes into its own result. */
  consumed: boolean;
}

/** Lints `text`, re-using `previous` (the state returned for an earlier text of the same file). */
export function relintInventory(previous: IncrementalLint | undefined, text: string, options: LintOptions = {}): IncrementalLint {
  const usable = previous && !(previous.base?.consumed && previous.base.parsed === previous.result.parsed);
  if (previous && usable && text === previous.text) {
    const parsed = previous.result.parsed;
    return { text, result: { findings: lintParsed(parsed, options), parsed }, mode: 'same-text', base: previous.base };
  }
  const base = previous?.base && !previous.base.consumed ? previous.base : undefined;
  const reparsed = base ? reparse(base.parsed, text) : undefined;
  if (reparsed) {
    base!.consumed = true;
    const parsed = reparsed.parsed;
    return { text, result: { findings: lintParsed(parsed, options), parsed }, mode: reparsed.scope, base: { parsed, consumed: false } };
  }
  const parsed = parseInventory(text);
  const clean = canReparse(parsed);
  return {
    text,
    result: { findings: lintParsed(parsed, options), parsed },
    mode: 'full',
    base: clean ? { parsed, consumed: false } : base,
  };
}
