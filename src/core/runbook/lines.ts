// Line index of a text as markdown-it counts lines: `\r\n`, `\r` and `\n` each end a line, and a
// final line break does not open an extra empty line. markdown-it normalises line breaks before
// it parses, so its token `map` line numbers index straight into this table, and every line is
// mapped back to the exact bytes of the original text (line breaks of any style included).

export interface LineIndex {
  /** Offset where each line starts; `starts.length` is the number of lines. */
  readonly starts: number[];
  /** Offset where each line's content ends, i.e. where its line break (if any) starts. */
  readonly ends: number[];
}

/** Builds the line index of `text` from `from` (an offset at a line start) to its end. */
export function indexLines(text: string, from = 0): LineIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const length = text.length;
  let start = from;
  let pos = from;
  if (text.indexOf('\r', from) === -1) {
    // LF only (the common case): indexOf scans far faster than a character loop.
    for (let lf = text.indexOf('\n', from); lf !== -1; lf = text.indexOf('\n', start)) {
      starts.push(start);
      ends.push(lf);
      start = lf + 1;
    }
    pos = length;
  }
  while (pos < length) {
    const c = text.charCodeAt(pos);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      starts.push(start);
      ends.push(pos);
      pos += c === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
      start = pos;
    } else {
      pos++;
    }
  }
  if (start < length) {
    starts.push(start);
    ends.push(length);
  }
  return { starts, ends };
}

export type LineEnding = '\n' | '\r\n' | '\r';

/** The most frequent line break of `text` (ties: `\n`, then `\r\n`); `fallback` when it has none. */
export function dominantLineEnding(text: string, fallback: LineEnding = '\n'): LineEnding {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let pos = text.indexOf('\r'); pos !== -1; pos = text.indexOf('\r', pos + 1)) {
    if (text.charCodeAt(pos + 1) === 10) crlf++;
    else cr++;
  }
  for (let pos = text.indexOf('\n'); pos !== -1; pos = text.indexOf('\n', pos + 1)) lf++;
  lf -= crlf;
  if (lf === 0 && crlf === 0 && cr === 0) return fallback;
  if (lf >= crlf && lf >= cr) return '\n';
  return crlf >= cr ? '\r\n' : '\r';
}

/** Replaces every line break of `text` by `\n` (returns `text` itself when it has no `\r`). */
export function toLf(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** Replaces every `\n` of an LF-only text by `eol`. */
export function fromLf(text: string, eol: LineEnding): string {
  return eol === '\n' ? text : text.split('\n').join(eol);
}

/** Number of line breaks in `text` (a `\r\n` pair counts once). */
export function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** True when the line [start, end) holds only spaces and tabs (what markdown-it calls empty). */
export function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
