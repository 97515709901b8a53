// Runbook cells → Markdown text. A cell whose source (and language) is what its raw text says
// is written as its raw text, byte for byte; an edited cell is rewritten from its source in the
// line-break style it had; a cell the user added is written in the conventional form (a "```"
// fence with the language word, the document's dominant line break, one blank line around it).
// Separators follow the cell they were read after; when the cell that followed is no longer
// next (a cell was deleted, added or moved) the separator is kept only if it already holds a
// blank line, so that two blocks never run into each other.
import { countLineBreaks, dominantLineEnding, fromLf, toLf, type LineEnding } from './lines';
import { fenceSource, parseFence, writeFence } from './fence';
import { languageOfInfo } from './languages';
import { keepUnchangedLines } from './line-merge';
import type { RunbookCell, RunbookDocument } from './document';

export function serializeRunbook(input: RunbookDocument): string {
  const doc = sanitize(input);
  const eol = doc.eol;
  const cells = doc.cells;
  const out: string[] = [];
  if (doc.bom) out.push('\uFEFF');
  let before = doc.frontMatter?.raw ?? '';
  out.push(before);
  out.push(doc.leading);
  before += doc.leading;
  // A first cell must start on a line of its own (a text that had only front matter or blank
  // lines may not end with a line break).
  if (cells.length > 0 && before !== '' && !/[\r\n]$/.test(before)) out.push(eol);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const isLast = i === cells.length - 1;
    out.push(cellText(cell, eol, isLast));
    if (!isLast) out.push(separatorAfter(cell, cells[i + 1], eol));
  }
  const last = cells[cells.length - 1];
  let ending = doc.ending;
  // A cell the user added last ends with a line break, as every conventional cell does.
  if (ending === '' && last !== undefined && last.metadata?.raw === undefined) ending = eol;
  out.push(ending);
  return out.join('');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The document as the serializer may trust it: notebook metadata comes back from outside (a
 * notebook file, another extension), so anything of the wrong type is dropped, as if absent,
 * rather than crashing a save.
 */
function sanitize(doc: RunbookDocument): RunbookDocument {
  const eol = doc?.eol === '\r\n' || doc?.eol === '\r' ? doc.eol : '\n';
  const raw = text(doc?.frontMatter?.raw);
  const cells = (Array.isArray(doc?.cells) ? doc.cells : []).filter((c) => c !== null && typeof c === 'object').map((cell) => {
    const metadata = cell.metadata !== null && typeof cell.metadata === 'object' ? cell.metadata : {};
    return {
      kind: cell.kind === 'code' ? ('code' as const) : ('markdown' as const),
      source: text(cell.source) ?? '',
      language: text(cell.language),
      metadata: {
        raw: text(metadata.raw),
        separator: text(metadata.separator),
        index: typeof metadata.index === 'number' ? metadata.index : undefined,
      },
    };
  });
  return {
    bom: doc?.bom === true,
    eol,
    frontMatter: raw === undefined ? undefined : { raw },
    leading: text(doc?.leading) ?? '',
    cells,
    ending: text(doc?.ending) ?? '',
  };
}

function separatorAfter(cell: RunbookCell, next: RunbookCell, eol: LineEnding): string {
  const { separator, index } = cell.metadata ?? {};
  if (separator === undefined) return eol + eol;
  if (index !== undefined && next.metadata?.index === index + 1) return separator;
  return countLineBreaks(separator) >= 2 ? separator : eol + eol;
}

/** The text of one cell, without the separator after it. */
export function cellText(cell: RunbookCell, eol: LineEnding, isLast = true): string {
  const raw = cell.metadata?.raw;
  const source = cell.source ?? '';
  if (cell.kind === 'code') {
    const original = raw === undefined ? undefined : parseFence(raw);
    if (raw === undefined || original === undefined) {
      return writeFence(source, cell.language, { eol: raw === undefined ? eol : dominantLineEnding(raw, eol) });
    }
    const languageChanged = cell.language !== undefined && cell.language !== languageOfInfo(original.info);
    const sourceChanged = !sameText(source, fenceSource(original));
    // An unclosed fence swallows everything after it: close it once other cells follow.
    const mustClose = original.closing === undefined && !isLast;
    if (!languageChanged && !sourceChanged && !mustClose) return raw;
    return keepUnchangedLines(raw, writeFence(source, cell.language, { original, languageChanged, eol, close: mustClose }), original.eol);
  }
  if (raw === undefined) return fromLf(toLf(source), eol);
  if (sameText(source, toLf(raw))) return raw;
  const rawEol = dominantLineEnding(raw, eol);
  return keepUnchangedLines(raw, fromLf(toLf(source), rawEol), rawEol);
}

function sameText(source: string, lfText: string): boolean {
  return source === lfText || toLf(source) === lfText;
}
