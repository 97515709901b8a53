// Keeps the bytes of unchanged lines when a cell is rewritten. An edited cell is rebuilt from its
// source with one line break style, but a cell read from a file may mix styles (CRLF and LF):
// lines before and after the edited region keep their original line breaks, so ticking one step
// in such a cell still changes one character of the file, not every line break of the cell.
import { indexLines, type LineEnding } from './lines';

interface Line {
  text: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const { starts, ends } = indexLines(text);
  const lines: Line[] = [];
  for (let i = 0; i < starts.length; i++) {
    const next = i + 1 < starts.length ? starts[i + 1] : text.length;
    lines.push({ text: text.slice(starts[i], ends[i]), eol: text.slice(ends[i], next) });
  }
  return lines;
}

/**
 * `rewritten` (a cell's new text) with the lines it shares with `original` at its start and at
 * its end written exactly as in `original`. Neither text ends with a line break.
 */
export function keepUnchangedLines(original: string, rewritten: string, eol: LineEnding): string {
  if (original === rewritten) return original;
  const a = splitLines(original);
  const b = splitLines(rewritten);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix].text === b[prefix].text) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix].text === b[b.length - 1 - suffix].text
  ) {
    suffix++;
  }
  // Lines replaced one for one keep the line break of the line they replace.
  const middle = b.slice(prefix, b.length - suffix).map((line, i) => {
    const replaced = prefix + i < a.length - suffix ? a[prefix + i] : undefined;
    return replaced && replaced.eol !== '' ? { text: line.text, eol: replaced.eol } : line;
  });
  const lines = [...a.slice(0, prefix), ...middle, ...a.slice(a.length - suffix)];
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const last = i === lines.length - 1;
    out += lines[i].text + (last ? '' : lines[i].eol === '' ? eol : lines[i].eol);
  }
  return out;
}
