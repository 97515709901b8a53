// Notebook renderer entry (browser, ESM): extends VS Code's built-in markdown-it renderer so
// that task items of runbook Markdown cells are clickable checkboxes. A click does not change
// the box itself: it asks the extension to toggle the step in the cell's source, and the cell
// is rendered again from the saved state of truth, the Markdown text.
import type MarkdownIt = require('markdown-it');

/** A markdown-it instance (the types export the constructor under the name). */
type MarkdownItInstance = ReturnType<typeof MarkdownIt>;
import { taskCheckboxPlugin, STEP_CLASS, STEP_INDEX_ATTR, STEP_LINE_ATTR, OUTPUT_ID_ATTR } from './taskCheckboxes';
import { ToggleStepMessage, TOGGLE_STEP_MESSAGE } from './messages';

// Minimal shapes of the renderer API and of the DOM we touch (the project compiles without
// the DOM library; these are all the renderer needs).
interface MarkdownItRendererApi {
  extendMarkdownIt(f: (md: MarkdownItInstance) => void): void;
}
interface RendererContext {
  postMessage?(message: unknown): void;
  getRenderer(id: string): Promise<unknown>;
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
declare const document: { addEventListener(type: 'click', listener: (e: ClickEvent) => void, capture: boolean): void };

const STYLE = `
  li.rdslic-task-item { list-style-type: none; }
  li.rdslic-task-item > input.${STEP_CLASS}, li.rdslic-task-item > p > input.${STEP_CLASS} { margin: 0 0.4em 0.2em -1.4em; vertical-align: middle; cursor: pointer; }
`;

export async function activate(ctx: RendererContext): Promise<void> {
  const base = (await ctx.getRenderer('vscode.markdown-it-renderer')) as MarkdownItRendererApi | undefined;
  if (!base) throw new Error('The VS Code markdown-it renderer is not available.');

  // The text each cell was last rendered from: the extension finds the cell by it.
  const renderedText = new Map<string, string>();
  base.extendMarkdownIt((md) => {
    taskCheckboxPlugin(md, (outputId, text) => renderedText.set(outputId, text));
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
