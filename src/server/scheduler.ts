// When to lint an open document after an edit (push diagnostics).
//
// Linting is synchronous, so a lint in progress holds up hovers and completions. When the
// last lint of a document was cheap, waiting only adds latency: it is enough to let the edits
// already received be applied first, so that a burst of them costs one lint. When it was
// expensive (large inventories), edits are debounced: the lint runs once the user pauses for
// DEBOUNCE_MS, so typing a word costs one lint, not one per keystroke.
//
// "Already received": vscode-jsonrpc hands the server one queued message per event-loop turn
// (each in its own setImmediate, queued right after whatever the handler scheduled). A lint
// scheduled with a single setImmediate would therefore run before the next queued edit, and
// a burst of N edits would publish N times. The lint instead waits QUEUE_TURNS turns: every
// edit still queued reaches the server first and re-schedules it, and only the last version
// is linted and published. Whatever runs, pushNow lints the document's current version, so an
// older version is never published after a newer one.
export const DEBOUNCE_MS = 175;
/**
 * A lint faster than this is not worth delaying: it fits between two keystrokes, and the
 * edit → diagnostics goal for a 10k-line inventory is 50 ms.
 */
export const CHEAP_LINT_MS = 50;
/** Event-loop turns a cheap lint waits: one for the connection to hand over the next message. */
const QUEUE_TURNS = 2;

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
      this.afterTurns(uri, QUEUE_TURNS, fire);
    } else {
      this.timers.set(uri, { kind: 'timeout', handle: setTimeout(fire, DEBOUNCE_MS) });
    }
  }

  private afterTurns(uri: string, turns: number, fire: () => void): void {
    const handle = setImmediate(() => (turns > 1 ? this.afterTurns(uri, turns - 1, fire) : fire()));
    this.timers.set(uri, { kind: 'immediate', handle });
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
