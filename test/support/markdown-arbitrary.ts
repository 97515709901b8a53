// fast-check generator of hostile Markdown from a grammar of blocks: ATX and setext headings,
// paragraphs, (nested) lists with task items and code inside, fences of ``` and ~~~ of various
// lengths (some unclosed), HTML blocks and comments, tables, quotes, indented code, link
// definitions, thematic breaks, optional valid or invalid front matter; lines joined with random
// line breaks (\n, \r\n, \r), random trailing spaces and tabs, an optional BOM and an optional
// final line break.
import fc from 'fast-check';

const word = fc.constantFrom('licence', 'CAL', 'server', '`code`', '*em*', '[x]', '[ ]', 'x<b>', 'x', 'é', '|', '#', 'a\tb', '---', '\0', '~~~');
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
const box = fc.constantFrom('[ ] ', '[x] ', '[X] ', '[ ]\t', '', '', '[]', '[ ]');
// Ordered lists start at 1 (later numbers come from `numberedList`): micromark, the GFM oracle,
// refuses an ordered list starting at another number wherever it thinks a paragraph could be
// interrupted, e.g. right after indented code ("    x\n2) [ ] y") or on a quote's first line
// after a paragraph, where cmark-gfm (GitHub itself), commonmark.js and markdown-it all see a
// list. That is a disagreement between parsers, not about task items: keep the oracle out of it.
// For the same reason tables and indented code end with a blank line: micromark ends a table at
// an HTML line that cmark-gfm and markdown-it take as a row, and lets nothing start a list right
// after indented code. And no word starts with a tab: the parsers disagree on the width of a tab
// right after a list marker ("1. \t x" then a 4-space indented line). No line starts with an
// inline HTML tag unless a blank line precedes it: micromark lets such a lazy line ("1. a" then
// "<b>") swallow the nested list after it, where cmark-gfm and markdown-it nest the list.
const bullet = fc.constantFrom('-', '*', '+', '1.', '1)');
const fenceInfo = fc.constantFrom('', 'powershell', 'pwsh', 'ps1', 'cmd', 'bat', 'sh', 'bash', 'shell', 'yaml', 'weird info string', ' spaced');

type Lines = string[];

const heading: fc.Arbitrary<Lines> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), words, fc.boolean()).map(([n, t, closed]) => ['#'.repeat(n) + ' ' + t + (closed ? ' ##' : '')]),
  fc.tuple(words, fc.constantFrom('===', '---', '=', '-----')).map(([t, u]) => [t, u]),
);

const paragraph: fc.Arbitrary<Lines> = fc.array(words, { minLength: 1, maxLength: 3 });

const fence: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.constantFrom('`', '~'),
    fc.integer({ min: 3, max: 5 }),
    fenceInfo,
    fc.array(fc.oneof(words, fc.constantFrom('```', '~~~', '- [ ] in code', '', '````')), { maxLength: 4 }),
    fc.constantFrom('closed', 'closed', 'closed', 'longer', 'unclosed'),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([ch, n, info, body, close, indent]) => {
    const marker = ch.repeat(n);
    const pad = ' '.repeat(indent);
    const lines = [pad + marker + (ch === '`' ? info : info + ' `x`'), ...body];
    if (close === 'closed') lines.push(pad + marker);
    if (close === 'longer') lines.push(marker + ch);
    return lines;
  });

const listItem = (depth: number): fc.Arbitrary<Lines> =>
  fc
    .tuple(bullet, box, words, depth < 2 ? fc.option(fc.oneof(fc.constant('list'), fc.constant('fence')), { nil: undefined }) : fc.constant(undefined))
    .chain(([b, bx, text, child]) => {
      const indent = ' '.repeat(b.length + 1);
      const head = [`${b} ${bx}${text}`];
      if (child === 'list') return listItem(depth + 1).map((lines) => head.concat(lines.map((l) => indent + l)));
      if (child === 'fence') return fence.map((lines) => head.concat(lines.map((l) => indent + l)));
      return fc.constant(head);
    });

const bulletList: fc.Arbitrary<Lines> = fc.array(listItem(0), { minLength: 1, maxLength: 4 }).map((items) => items.flat());

const numberedList: fc.Arbitrary<Lines> = fc
  .tuple(fc.constantFrom('.', ')'), fc.array(fc.tuple(box, words), { minLength: 1, maxLength: 4 }))
  .map(([delimiter, items]) => items.map(([bx, text], i) => `${i + 1}${delimiter} ${bx}${text}`));

const list: fc.Arbitrary<Lines> = fc.oneof({ arbitrary: bulletList, weight: 3 }, { arbitrary: numberedList, weight: 1 });

const html: fc.Arbitrary<Lines> = fc.oneof(
  fc.tuple(listItem(1)).map(([item]) => ['<div>', ...item, '</div>']),
  fc.tuple(listItem(1)).map(([item]) => ['<!--', ...item, '-->']),
  fc.tuple(listItem(1)).map(([item]) => ['<details>', '', ...item, '', '</details>']),
);

const table: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(box, words), { minLength: 1, maxLength: 3 })
  .map((rows) => ['| Step | Note |', '|---|:--:|', ...rows.map(([b, w]) => `| - ${b}${w} | ${w} |`), '']);

const quote: fc.Arbitrary<Lines> = list.map((lines) => lines.map((l) => '> ' + l));
const indentedCode: fc.Arbitrary<Lines> = list.map((lines) => [...lines.map((l) => '    ' + l), '']);
const misc: fc.Arbitrary<Lines> = fc.constantFrom(['---'], ['***'], ['[ref]: https://example.invalid "t"'], ['', '<br/>'], ['   '], ['\t']);

const block: fc.Arbitrary<Lines> = fc.oneof(
  { arbitrary: heading, weight: 3 },
  { arbitrary: paragraph, weight: 3 },
  { arbitrary: list, weight: 4 },
  { arbitrary: fence, weight: 3 },
  { arbitrary: html, weight: 1 },
  { arbitrary: table, weight: 1 },
  { arbitrary: quote, weight: 1 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: misc, weight: 1 },
);

const frontMatter: fc.Arbitrary<Lines> = fc.constantFrom(
  [],
  [],
  ['---', 'title: Recover lost CALs', 'lang: en', '---'],
  ['---', 'title: [unclosed', '---'],
  ['---', 'a: 1', 'a: 2', '...'],
  ['---', '---'],
);

export interface GeneratedMarkdown {
  text: string;
  /** The generator wrote front matter (other texts may still start with a `---` … `---` pair). */
  hasFrontMatter: boolean;
}

export const markdownDocument: fc.Arbitrary<GeneratedMarkdown> = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(block, fc.integer({ min: 0, max: 2 })), { maxLength: 8 }),
    fc.boolean(),
    fc.boolean(),
    fc.infiniteStream(fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r')),
    fc.infiniteStream(fc.constantFrom('', '', '', '', ' ', '  ', '\t')),
  )
  .map(([fm, blocks, bom, finalNewline, eols, trailing]) => {
    const lines: string[] = [...fm];
    for (const [lines_, blanks] of blocks) {
      lines.push(...lines_);
      for (let i = 0; i < blanks; i++) lines.push('');
    }
    const eolIt = eols[Symbol.iterator]();
    const padIt = trailing[Symbol.iterator]();
    let text = bom ? '\uFEFF' : '';
    lines.forEach((line, i) => {
      // Front matter delimiters only get trailing spaces/tabs, which keep them delimiters.
      text += line + padIt.next().value + (i < lines.length - 1 || finalNewline ? eolIt.next().value : '');
    });
    return { text, hasFrontMatter: fm.length > 0 };
  });
