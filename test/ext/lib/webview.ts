// What a test cannot do through the VS Code API: touch the HTML a notebook renderer put in a
// webview. The runner (test/ext/run.js) looks in every frame of the page for a Playwright
// selector (CSS pierces the shadow roots cells are rendered in) and clicks it with the mouse,
// or just waits for it to be there.
import { askRunner } from './runner-request';

let requests = 0;

/** Resolves once the runner has clicked the first element matching `selector` in some frame. */
export function clickInWebview(selector: string, timeoutMs = 20_000): Promise<void> {
  return askRunner(`click webview-${++requests} ${JSON.stringify(selector)}`, `webview-${requests}`, timeoutMs);
}

/** Resolves once some frame has an element matching `selector`. */
export function findInWebview(selector: string, timeoutMs = 20_000): Promise<void> {
  return askRunner(`find webview-${++requests} ${JSON.stringify(selector)}`, `webview-${requests}`, timeoutMs);
}
