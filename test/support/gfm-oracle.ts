// GitHub's own view of task list items, as an independent oracle for the checklist model:
// micromark with micromark-extension-gfm is GFM's reference implementation, and its
// task-list-item extension renders each task as `<input type="checkbox" …>`. Counting those in
// the HTML it produces tells how many steps (and how many ticked) GitHub would show.
// micromark is ESM-only; tests compile to CommonJS, whose `import()` tsc would turn into
// `require()`, hence the indirect dynamic import.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

type Render = (markdown: string) => string;
let render: Promise<Render> | undefined;

async function load(): Promise<Render> {
  const [{ micromark }, { gfm, gfmHtml }] = await Promise.all([importEsm('micromark'), importEsm('micromark-extension-gfm')]);
  // Raw HTML stays escaped, so an `<input type="checkbox">` written in the Markdown is not counted.
  return (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The HTML GitHub's reference implementation renders for `markdown` (no front matter support). */
export async function gfmHtml(markdown: string): Promise<string> {
  render ??= load();
  return (await render)(markdown);
}

/** Done/total task list items in GFM's rendering of `markdown`. */
export async function gfmTaskCount(markdown: string): Promise<{ done: number; total: number }> {
  const html = await gfmHtml(markdown);
  const boxes = html.match(/<input type="checkbox"[^>]*>/g) ?? [];
  return { done: boxes.filter((b) => b.includes('checked=""')).length, total: boxes.length };
}
