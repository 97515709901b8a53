// Finds the line whose indentation breaks a block YAML file. When one line is indented by a
// space too many or too few, `yaml` reports what follows from it (a "sequence item without -",
// "implicit keys need to be on a single line", "all mapping items must start at the same
// column"...), often several errors per line and on later lines. An admin needs the line to
// fix and the columns it may take. Only used once the parser has failed: a scan of the lines,
// not a YAML parser, so it leaves alone what it cannot follow (block scalars, multi-line flow
// collections and quoted strings, plain scalars continued on the next line).

export interface IndentationProblem {
  /** Offset of the line's first character after its indentation. */
  offset: number;
  /** 0-based line. */
  line: number;
  /** Spaces before the line's content. */
  indent: number;
  /** Columns (spaces) the line could start at: the keys and list items that are open. */
  expected: number[];
}

/** The `yaml` error codes that a wrong indentation gives. */
export const INDENTATION_ERROR_CODES: ReadonlySet<string> = new Set(['BAD_INDENT', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

const KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:'"[\]{},][^#:]*?)\s*:(?:\s|$)/;
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*(?:#.*)?$/;

/** Lines with problems, in order; one per place where the indentation goes wrong. */
export function findIndentationProblems(text: string): IndentationProblem[] {
  const problems: IndentationProblem[] = [];
  // Columns of the keys and list items open above the current line, outermost first.
  const levels: number[] = [0];
  let opens = false; // the previous content line ends with "key:" (a nested block may follow)
  let skipDeeperThan: number | undefined; // inside a block scalar
  let flowDepth = 0;
  let inQuote: string | undefined;
  let offset = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].replace(/\r$/, '');
    const start = offset;
    offset += lines[n].length + 1;
    const indent = raw.length - raw.replace(/^ +/, '').length;
    const content = raw.slice(indent);
    if (content === '' || content.startsWith('#')) continue;
    if (/^\t/.test(content)) return problems; // tabs: the parser's own finding says it
    if (skipDeeperThan !== undefined) {
      if (indent > skipDeeperThan) continue;
      skipDeeperThan = undefined;
    }
    if (inQuote !== undefined || flowDepth > 0) {
      ({ inQuote, flowDepth } = scan(content, inQuote, flowDepth));
      continue;
    }
    if (/^(---|\.\.\.|%)/.test(content)) {
      levels.length = 1;
      opens = false;
      continue;
    }
    const item = /^-(\s+|$)/.exec(content);
    const isKeyOrItem = item !== null || KEY.test(content);
    const top = levels[levels.length - 1];
    if (indent > top) {
      if (!opens) {
        // A plain scalar may go on on the next line, deeper: only a key or an item is wrong here.
        if (!isKeyOrItem) continue;
        problems.push({ offset: start + indent, line: n, indent, expected: [...levels].reverse() });
      }
      // Deeper than expected: taken as a level, so that its siblings are not reported again.
      levels.push(indent);
    } else if (indent < top || !levels.includes(indent)) {
      const at = levels.lastIndexOf(indent);
      // Between two open columns: reported, then read as if at the open column just above it
      // (the one it was most likely meant for), so the lines after it are not reported too.
      if (at < 0) problems.push({ offset: start + indent, line: n, indent, expected: [...levels].reverse() });
      else levels.length = at + 1;
    }
    // "- key: value": the key opens a mapping at its own column, inside the item.
    let rest = content;
    let column = indent;
    for (let dash = item; dash !== null; dash = /^-(\s+|$)/.exec(rest)) {
      column += dash[0].length;
      rest = rest.slice(dash[0].length);
      if (rest !== '') levels.push(column);
    }
    const afterKey = KEY.exec(rest);
    const value = afterKey ? rest.slice(afterKey[0].length).replace(/\s*#.*$/, '') : rest;
    opens = (afterKey !== null && value.trim() === '') || (item !== null && rest === '');
    if (BLOCK_SCALAR.test(rest.replace(/\s+$/, ''))) skipDeeperThan = indent;
    ({ inQuote, flowDepth } = scan(value, undefined, 0));
  }
  return problems;
}

/** Whether a quoted string or a flow collection stays open at the end of `text`. */
function scan(text: string, quote: string | undefined, depth: number): { inQuote: string | undefined; flowDepth: number } {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== undefined) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) break;
    else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { inQuote: quote, flowDepth: depth };
}
