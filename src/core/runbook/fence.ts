// A fenced code cell's raw text taken apart (opening line, code, closing line) and put back
// together. The code a user sees is the text between the fence lines, with the fence's own
// indentation (0–3 spaces) removed from each line as CommonMark does; when the code or the
// language changes, the fence is rebuilt around the new code, keeping the original fence
// characters, indentation and info string as far as they still fit.
import { dominantLineEnding, fromLf, indexLines, type LineEnding } from './lines';
import { firstWord, infoWordOfLanguage } from './languages';

export interface FenceParts {
  /** The opening fence line as written. */
  opening: string;
  /** Spaces before the opening fence (0–3). */
  indent: number;
  /** The fence characters, e.g. "```" or "~~~~". */
  marker: string;
  /** The info string as written (after the marker, trimmed). */
  info: string;
  /** Code lines as written (indentation included, no line breaks). */
  lines: string[];
  /** The closing fence line as written, when the fence is closed. */
  closing?: string;
  /** The line break the fence uses most. */
  eol: LineEnding;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Takes apart the raw text of a fenced code block; undefined when it does not open a fence. */
export function parseFence(raw: string): FenceParts | undefined {
  const { starts, ends } = indexLines(raw);
  if (starts.length === 0) return undefined;
  const open = OPENING.exec(raw.slice(starts[0], ends[0]));
  if (!open) return undefined;
  const marker = open[2];
  if (marker[0] === '`' && open[3].includes('`')) return undefined;
  const lines: string[] = [];
  for (let i = 1; i < starts.length; i++) lines.push(raw.slice(starts[i], ends[i]));
  let closing: string | undefined;
  if (lines.length > 0 && closesFence(lines[lines.length - 1], marker)) closing = lines.pop();
  return {
    opening: open[0],
    indent: open[1].length,
    marker,
    info: open[3].trim(),
    lines,
    closing,
    eol: dominantLineEnding(raw),
  };
}

/** True when `line` closes a fence opened with `marker`. */
export function closesFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1][0] === marker[0] && match[1].length >= marker.length;
}

/** The code of a fence as the user sees it: LF line breaks, fence indentation removed. */
export function fenceSource(parts: FenceParts): string {
  if (parts.indent === 0) return parts.lines.join('\n');
  return parts.lines.map((line) => dedent(line, parts.indent)).join('\n');
}

function dedent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line.charCodeAt(n) === 32) n++;
  return line.slice(n);
}

/**
 * Writes a fence around `source` (LF or any line breaks). `original` gives the indentation,
 * fence characters, info string and line break to keep; without it the conventional form is
 * used: "```" + language word, `eol` line breaks. The fence is lengthened when the code holds a
 * line that would close it. `language`, when it differs from the original's (`languageChanged`), replaces the first
 * word of the info string. `close` closes a fence that was not closed.
 */
export function writeFence(
  source: string,
  language: string | undefined,
  options: { original?: FenceParts; languageChanged?: boolean; eol: LineEnding; close?: boolean },
): string {
  const original = options.original;
  const eol = original?.eol ?? options.eol;
  const indent = ' '.repeat(original?.indent ?? 0);
  const code = source.split(/\r\n?|\n/);
  let info: string;
  if (original && !options.languageChanged) info = original.info;
  else if (original) info = replaceFirstWord(original.info, infoWordOfLanguage(language));
  else info = infoWordOfLanguage(language);
  let marker = original?.marker ?? '```';
  const fenceChar = marker[0];
  // Re-indent the code, except lines still equal to the original line at the same place: those
  // keep their exact original indentation (it may be less than the fence's).
  const body =
    source === ''
      ? []
      : code.map((line, i) => {
          const before = original?.lines[i];
          if (before !== undefined && dedent(before, original!.indent) === line) return before;
          return line === '' ? line : indent + line;
        });
  // A line of the code that, as written, is a closing fence of the same character at least as
  // long would end the fence early: make the fence one longer than the longest such line.
  let longest = 0;
  for (const line of body) {
    const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (match && match[1][0] === fenceChar) longest = Math.max(longest, match[1].length);
  }
  if (fenceChar === '`' && info.includes('`')) info = info.replace(/`/g, '');
  if (longest >= marker.length) marker = fenceChar.repeat(longest + 1);
  const markerChanged = marker !== original?.marker;
  const opening =
    original && !options.languageChanged && !markerChanged ? original.opening : indent + marker + info;
  let closing: string | undefined;
  if (original?.closing !== undefined && !markerChanged) closing = original.closing;
  else if (original === undefined || original.closing !== undefined || options.close) closing = indent + marker;
  const out = [opening, ...body];
  if (closing !== undefined) out.push(closing);
  return fromLf(out.join('\n'), eol);
}

function replaceFirstWord(info: string, word: string): string {
  const first = firstWord(info);
  if (first === '') return word;
  const rest = info.slice(info.indexOf(first) + first.length);
  return word === '' ? rest.trim() : word + rest;
}
