// The one markdown-it configuration used to find runbook blocks and checklist steps: GFM-like
// (tables on, raw HTML blocks recognised as GitHub does), and block-level only. Block tokens
// carry `map` line ranges and the raw inline `content` of paragraphs, which is all the
// serializer and the checklist need, so the inline rules are not run (that keeps a round-trip
// cheaper than a full markdown-it render).
import MarkdownIt from 'markdown-it';

type Parser = InstanceType<typeof MarkdownIt>;
export type BlockToken = ReturnType<Parser['parse']>[number];

let parser: Parser | undefined;

function blockParser(): Parser {
  if (!parser) {
    parser = new MarkdownIt('default', { html: true });
    // `true`: names this markdown-it version does not have are ignored, not an error.
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return parser;
}

/**
 * Block tokens of `markdown` (line breaks of any style; NUL bytes allowed: markdown-it turns them
 * into U+FFFD, one UTF-16 unit for one, so columns stay aligned with the original text).
 */
export function parseBlocks(markdown: string): BlockToken[] {
  return blockParser().parse(markdown, {});
}
