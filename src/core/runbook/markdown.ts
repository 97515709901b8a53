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
  if (!parser) parser = createBlockParser();
  return parser;
}

/** `lean: false` keeps markdown-it's own token class (tests compare both). */
export function createBlockParser(options: { lean?: boolean } = {}): Parser {
  const md = new MarkdownIt('default', { html: true });
  // `true`: names this markdown-it version does not have are ignored, not an error.
  md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  tableOnlyFromParagraphText(md);
  noHtmlInterruptionAfterDefinition(md);
  if (options.lean !== false) useLeanTokens(md);
  return md;
}

type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => BlockToken;
interface BlockState {
  level: number;
  tokens: BlockToken[];
}

/**
 * markdown-it 15's Token constructor sets its fields through a transpiled `defineProperty`
 * helper: a third of a 10k-line runbook's parse went there. This parser (only this instance:
 * `md.block.State` is set on it, markdown-it's classes are untouched) makes the same tokens with
 * plain assignments: same fields, same order, markdown-it's Token methods via the prototype.
 */
function useLeanTokens(md: Parser): void {
  const BaseState = md.block.State as unknown as new (...args: unknown[]) => BlockState;
  // Its Token class: an instance field of a state in markdown-it 15, a prototype one before.
  const MarkdownItToken = (new BaseState('', md, {}, []) as unknown as { Token: TokenClass }).Token;
  function LeanToken(this: Record<string, unknown>, type: string, tag: string, nesting: number) {
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
  LeanToken.prototype = MarkdownItToken.prototype;
  const Lean = LeanToken as unknown as TokenClass;
  // StateBlock.push, with the lean token.
  class LeanStateBlock extends BaseState {
    push(type: string, tag: string, nesting: -1 | 0 | 1): BlockToken {
      const token = new Lean(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  }
  md.block.State = LeanStateBlock as unknown as typeof md.block.State;
}

type BlockRule = (state: unknown, startLine: number, endLine: number, silent: boolean) => boolean;
interface NamedRule {
  name: string;
  fn: BlockRule;
  alt: string[];
}

/**
 * markdown-it tries its table rule before every other block rule, so "~~~ |" over "---" is a
 * table there and a code fence on GitHub (and a step below it is counted by one and not the
 * other). In GFM a table header is paragraph text: it is not a table when its first line starts
 * a fence, quote, thematic break, list, HTML block or ATX heading, nor when the delimiter row is
 * also a setext underline ("a |" over "---" is a heading). Guard the table rule accordingly.
 */
function tableOnlyFromParagraphText(md: Parser): void {
  const rules = (md.block.ruler as unknown as { __rules__: NamedRule[] }).__rules__;
  const table = rules.find((r) => r.name === 'table');
  if (!table) return;
  const others = ['fence', 'blockquote', 'hr', 'list', 'html_block', 'heading']
    .map((name) => rules.find((r) => r.name === name)?.fn)
    .filter((fn): fn is BlockRule => fn !== undefined);
  const original = table.fn;
  const guarded: BlockRule = (state, startLine, endLine, silent) => {
    // The table rule's own test first: it rejects almost every line at once (the silent run
    // changes nothing), and the others then run only under would-be tables.
    if (!original(state, startLine, endLine, true)) return false;
    if (startLine + 1 < endLine && isSetextDashes(state as LineState, startLine + 1)) return false;
    for (const other of others) if (other(state, startLine, endLine, true)) return false;
    return silent || original(state, startLine, endLine, false);
  };
  md.block.ruler.at('table', guarded as never, { alt: [...table.alt] });
}

/**
 * A link reference definition is paragraph text in GFM until the paragraph closes, so a line
 * right after it continues that paragraph unless it could interrupt one: an HTML block of the
 * kind that cannot interrupt a paragraph (type 7, e.g. `<br/>`) is paragraph text there, and a
 * list after it is a list (with steps), where markdown-it would make both one HTML block.
 */
function noHtmlInterruptionAfterDefinition(md: Parser): void {
  const rules = (md.block.ruler as unknown as { __rules__: NamedRule[] }).__rules__;
  const html = rules.find((r) => r.name === 'html_block');
  if (!html) return;
  const original = html.fn;
  const guarded: BlockRule = (state, startLine, endLine, silent) => {
    const tokens = (state as { tokens: Array<{ type: string; map: [number, number] | null }> }).tokens;
    const previous = tokens[tokens.length - 1];
    if (previous?.type === 'reference_definition' && previous.map?.[1] === startLine && !original(state, startLine, endLine, true)) {
      return false;
    }
    return original(state, startLine, endLine, silent);
  };
  md.block.ruler.at('html_block', guarded as never, { alt: [...html.alt] });
}

interface LineState {
  src: string;
  bMarks: number[];
  tShift: number[];
  eMarks: number[];
  sCount: number[];
  blkIndent: number;
}

function isSetextDashes(state: LineState, line: number): boolean {
  if (state.sCount[line] - state.blkIndent >= 4) return false;
  const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  return /^-+[ \t]*$/.test(text);
}

/**
 * Block tokens of `markdown` (line breaks of any style; NUL bytes allowed: markdown-it turns them
 * into U+FFFD, one UTF-16 unit for one, so columns stay aligned with the original text).
 */
export function parseBlocks(markdown: string): BlockToken[] {
  return blockParser().parse(markdown, {});
}
