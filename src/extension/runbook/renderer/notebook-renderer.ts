// Notebook renderer entry (browser, ESM): extends VS Code's built-in markdown-it renderer so
// that task items of runbook Markdown cells are clickable checkboxes. A click does not change
// the box itself: it asks the extension to toggle the step in the cell's source, and the cell
// is rendered again from the saved state of truth, the Markdown text.
// The built-in renderer serves every notebook (Jupyter too) and tells its extensions nothing
// about the notebook: the renderer asks the extension once, and in any other notebook type the
// boxes are plain disabled checkboxes (the extension ignores clicks there in any case).
import type MarkdownIt = require('markdown-it');

/** A markdown-it instance (the types export the constructor under the name). */
type MarkdownItInstance = ReturnType<typeof MarkdownIt>;
import { taskCheckboxPlugin, STEP_CLASS, STEP_INDEX_ATTR, STEP_LINE_ATTR, OUTPUT_ID_ATTR } from './taskCheckboxes';
import { ToggleStepMessage, TOGGLE_STEP_MESSAGE, NOTEBOOK_KIND_QUERY, isNotebookKindMessage } from './messages';

// Minimal shapes of the renderer API and of the DOM we touch (the project compiles without
// the DOM library; these are all the renderer needs).
interface MarkdownItRendererApi {
  extendMarkdownIt(f: (md: MarkdownItInstance) => void): void;
}
interface RendererContext {
  postMessage?(message: unknown): void;
  onDidReceiveMessage?(listener: (message: unknown) => void): unknown;
  getRenderer(id: string): Promise<unknown>;
}
interface CheckboxElement {
  disabled: boolean;
}
interface ShadowHost {
  shadowRoot: { querySelectorAll(selector: string): Iterable<CheckboxElement> } | null;
}
interface ClickedElement {
  tagName?: string;
  classList?: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
}
interface ClickEvent {
  composedPath(): unknown[];
  preventDefault(): void;
  stopPropagation(): void;
}
declare const document: {
  addEventListener(type: 'click', listener: (e: ClickEvent) => void, capture: boolean): void;
  querySelectorAll(selector: string): Iterable<ShadowHost>;
};

const STYLE = `
  li.rdslic-task-item { list-style-type: none; }
  li.rdslic-task-item > input.${STEP_CLASS}, li.rdslic-task-item > p > input.${STEP_CLASS} { margin: 0 0.4em 0.2em -1.4em; vertical-align: middle; cursor: pointer; }
  input.${STEP_CLASS}:disabled { cursor: default; }
`;

/** Disables the boxes already rendered (each cell's HTML is in the shadow root of its element). */
function disableRenderedBoxes(): void {
  for (const host of document.querySelectorAll('*')) {
    if (!host.shadowRoot) continue;
    for (const box of host.shadowRoot.querySelectorAll(`input.${STEP_CLASS}`)) box.disabled = true;
  }
}

export async function activate(ctx: RendererContext): Promise<void> {
  const base = (await ctx.getRenderer('vscode.markdown-it-renderer')) as MarkdownItRendererApi | undefined;
  if (!base) throw new Error('The VS Code markdown-it renderer is not available.');

  // The text each cell was last rendered from: the extension finds the cell by it.
  const renderedText = new Map<string, string>();
  // Unknown until the extension answers: boxes stay enabled meanwhile (runbooks are what this
  // renderer is for), and turn disabled if the answer is "not a runbook".
  let runbook: boolean | undefined;
  ctx.onDidReceiveMessage?.((message) => {
    if (!isNotebookKindMessage(message)) return;
    runbook = message.runbook;
    if (!runbook) disableRenderedBoxes();
  });
  ctx.postMessage?.({ type: NOTEBOOK_KIND_QUERY });
  base.extendMarkdownIt((md) => {
    taskCheckboxPlugin(md, (outputId, text) => renderedText.set(outputId, text), () => runbook !== false);
    const originalRender = md.renderer.render.bind(md.renderer);
    md.renderer.render = (tokens, options, env) => {
      // Each cell lives in its own shadow root: a <style> in the cell's HTML is the way in.
      const html = originalRender(tokens, options, env);
      return html.includes(STEP_CLASS) ? `<style>${STYLE}</style>` + html : html;
    };
  });

  document.addEventListener(
    'click',
    (event) => {
      const target = event.composedPath()[0] as ClickedElement | undefined;
      if (!target || typeof target.getAttribute !== 'function' || !target.classList?.contains(STEP_CLASS)) return;
      if (runbook === false) return;
      const outputId = target.getAttribute(OUTPUT_ID_ATTR) ?? '';
      const message: ToggleStepMessage = {
        type: TOGGLE_STEP_MESSAGE,
        cellText: renderedText.get(outputId) ?? null,
        stepIndex: Number(target.getAttribute(STEP_INDEX_ATTR)),
        line: Number(target.getAttribute(STEP_LINE_ATTR)),
      };
      // The box shows the file's state: it changes when the toggled source is rendered again.
      event.preventDefault();
      ctx.postMessage?.(message);
    },
    true,
  );
}
