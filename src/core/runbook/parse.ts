// Markdown text → runbook cells. markdown-it finds the block boundaries; the cells are cut from
// the original text along those lines, so every byte (line breaks of any style, BOM, trailing
// spaces, NUL bytes) lands in exactly one place: the front matter, the leading blank lines, a
// cell's raw text, a separator, or the ending.
//
// Grouping: a top-level fenced code block is a code cell; the Markdown between code cells is
// cut before every top-level heading (ATX or setext). A notebook then reads like the document's
// outline: one cell per section, the checklist of a section in one cell with its own progress
// ("3/7 steps"), and editing a section rewrites only that section. Splitting at every block
// would scatter a section's prose and steps over many cells; one cell per run between fences
// would make whole chapters one cell. Code inside lists or quotes, indented code, HTML blocks
// and link reference definitions stay inside their Markdown cell.
import { parseBlocks } from './markdown';
import { dominantLineEnding, indexLines, isBlankLine, toLf } from './lines';
import { frontMatterLineCount, readFrontMatter } from './front-matter';
import { fenceSource, parseFence } from './fence';
import { languageOfInfo } from './languages';
import type { RunbookCell, RunbookDocument } from './document';

interface Span {
  code: boolean;
  /** First line (absolute). */
  first: number;
  /** Line after the last one. */
  end: number;
}

export function parseRunbook(text: string): RunbookDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const from = bom ? 1 : 0;
  const lines = indexLines(text, from);
  const { starts, ends } = lines;
  const lineCount = starts.length;
  const frontMatterLines = frontMatterLineCount(text, lines);
  const frontMatter = frontMatterLines > 0 ? readFrontMatter(text, lines, frontMatterLines) : undefined;
  const bodyStart = frontMatterLines < lineCount ? starts[frontMatterLines] : text.length;

  const blank = (line: number) => isBlankLine(text, starts[line], ends[line]);
  const spans: Span[] = [];
  const addMarkdown = (first: number, end: number) => {
    while (first < end && blank(first)) first++;
    while (end > first && blank(end - 1)) end--;
    if (first < end) spans.push({ code: false, first, end });
  };

  let markdownFirst = frontMatterLines;
  if (bodyStart < text.length) {
    const tokens = parseBlocks(bodyStart === 0 ? text : text.slice(bodyStart));
    for (const token of tokens) {
      if (token.level !== 0 || !token.map) continue;
      const first = token.map[0] + frontMatterLines;
      if (token.type === 'fence') {
        const end = token.map[1] + frontMatterLines;
        addMarkdown(markdownFirst, first);
        // An unclosed fence runs to the end of the text: its trailing blank lines are the ending.
        let codeEnd = end;
        while (codeEnd > first + 1 && blank(codeEnd - 1)) codeEnd--;
        spans.push({ code: true, first, end: codeEnd });
        markdownFirst = end;
      } else if (token.type === 'heading_open') {
        addMarkdown(markdownFirst, first);
        markdownFirst = first;
      }
    }
  }
  addMarkdown(markdownFirst, lineCount);

  const cells: RunbookCell[] = new Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const raw = text.slice(starts[span.first], ends[span.end - 1]);
    const separator = i + 1 < spans.length ? text.slice(ends[span.end - 1], starts[spans[i + 1].first]) : undefined;
    const parts = span.code ? parseFence(raw) : undefined;
    if (parts) {
      cells[i] = {
        kind: 'code',
        source: fenceSource(parts),
        language: languageOfInfo(parts.info),
        metadata: { raw, separator, index: i, info: parts.info },
      };
    } else {
      cells[i] = { kind: 'markdown', source: toLf(raw), metadata: { raw, separator, index: i } };
    }
    if (separator === undefined) delete cells[i].metadata.separator;
  }

  const firstCellStart = spans.length > 0 ? starts[spans[0].first] : text.length;
  return {
    bom,
    eol: dominantLineEnding(text),
    frontMatter,
    leading: text.slice(bodyStart, firstCellStart),
    cells,
    ending: spans.length > 0 ? text.slice(ends[spans[spans.length - 1].end - 1]) : '',
  };
}
