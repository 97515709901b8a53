// Waiting without sleeps: a condition is re-checked each time one of the given VS Code events
// fires, and the wait fails with the description of what never happened.
import * as vscode from 'vscode';

export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  events: vscode.Event<unknown>[],
  timeoutMs = 20_000,
): Promise<T> {
  const first = await check();
  if (first) return first;
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscriptions.forEach((d) => d.dispose());
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const recheck = async () => {
      try {
        const value = await check();
        if (value) done(() => resolve(value));
      } catch (e) {
        done(() => reject(e));
      }
    };
    for (const event of events) subscriptions.push(event(() => void recheck()));
    // The condition may have become true between the first check and the subscriptions.
    void recheck();
  });
}

/** Diagnostics of `uri` once `predicate` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what = 'diagnostics',
  timeoutMs?: number,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    `${what} on ${uri.path}`,
    () => {
      const d = vscode.languages.getDiagnostics(uri);
      return predicate(d) ? d : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    timeoutMs,
  );
}
