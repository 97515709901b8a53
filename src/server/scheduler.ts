// When to lint an open document after an edit (push diagnostics).
//
// Linting is synchronous, so a lint in progress holds up hovers and completions. When the
// last lint of a document was cheap, waiting only adds latency: the next macrotask is enough
// to fold the edits already queued on the connection into one lint. When it was expensive
// (large inventories), edits are debounced: the lint runs once the user pauses for
// DEBOUNCE_MS, so typing a word costs one lint, not one per keystroke.
export const DEBOUNCE_MS = 175;
/**
 * A lint faster than this is not worth delaying: it fits between two keystrokes, and the
 * edit → diagnostics goal for a 10k-line inventory is 50 ms.
 */
export const CHEAP_LINT_MS = 50;

type Timer = { kind: 'immediate'; handle: NodeJS.Immediate } | { kind: 'timeout'; handle: NodeJS.Timeout };

export class LintScheduler {
  private readonly timers = new Map<string, Timer>();

  constructor(private readonly run: (uri: string) => void) {}

  /** `lastLintMs`: cost of the previous lint of this document, if any. */
  schedule(uri: string, lastLintMs: number | undefined): void {
    this.cancel(uri);
    const fire = () => {
      this.timers.delete(uri);
      this.run(uri);
    };
    if (lastLintMs === undefined || lastLintMs < CHEAP_LINT_MS) {
      this.timers.set(uri, { kind: 'immediate', handle: setImmediate(fire) });
    } else {
      this.timers.set(uri, { kind: 'timeout', handle: setTimeout(fire, DEBOUNCE_MS) });
    }
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (!t) return;
    if (t.kind === 'immediate') clearImmediate(t.handle);
    else clearTimeout(t.handle);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
