// Quick fixes from the fix hints that findings carry (LSP diagnostic `data`), plus a
// suppression comment for any rdslic diagnostic. Edits are computed from the document text
// and its parse, never by re-running rules.
import * as l10n from '@vscode/l10n';
import { isMap, isSeq, type Node } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { FixHint, Range } from '../findings';
import { pairOf } from './ast';
import { lineStartOffset, offsetAt, positionAt, type ParsedYaml } from './yaml-text';

export const DIAGNOSTIC_SOURCE = 'rdslic';

function isFixHint(data: unknown): data is FixHint {
  return !!data && typeof data === 'object' && typeof (data as FixHint).kind === 'string';
}

function lineIndent(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
}

function lineStart(parsed: ParsedYaml, line: number): number {
  return lineStartOffset(parsed, line);
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Insert `- name: NAME` at the end of `licenseServers`, with the indentation its items use. */
export function addServerStubEdit(parsed: ParsedYaml, name: string): TextEdit {
  const { text } = parsed;
  const nl = eol(text);
  const root = parsed.doc.contents;
  const pair = isMap(root) ? pairOf(root, 'licenseServers') : undefined;
  const at = (offset: number) => ({ start: positionAt(parsed, offset), end: positionAt(parsed, offset) });
  if (!pair) {
    const end = text.length;
    const prefix = end > 0 && !text.endsWith('\n') ? nl : '';
    return { range: at(end), newText: `${prefix}licenseServers:${nl}  - name: ${name}${nl}` };
  }
  const seq = pair.value as Node | null;
  if (isSeq(seq) && seq.flow) {
    const close = (seq.range?.[1] ?? 1) - 1; // the `]`
    return { range: at(close), newText: `${seq.items.length > 0 ? ', ' : ''}{ name: ${name} }` };
  }
  if (isSeq(seq) && seq.items.length > 0) {
    const first = seq.items[0] as Node;
    const firstStart = first.range?.[0] ?? 0;
    const firstLineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
    const dash = text.lastIndexOf('-', firstStart);
    const dashColumn = dash >= firstLineStart ? dash - firstLineStart : 2;
    const last = seq.items[seq.items.length - 1] as Node;
    // Insert at the start of the line after the last item's content (comments after it stay put).
    const lastEnd = last.range?.[1] ?? firstStart;
    const endLine = positionAt(parsed, Math.max(lastEnd - 1, 0)).line;
    const insertAt = lineStart(parsed, endLine + 1);
    const prefix = insertAt >= text.length && !text.endsWith('\n') ? nl : '';
    return { range: at(insertAt), newText: `${prefix}${' '.repeat(dashColumn)}- name: ${name}${nl}` };
  }
  // `licenseServers:` with no value: put the item on the next line.
  const keyStart = (pair.key as Node | null)?.range?.[0] ?? 0;
  const keyLine = positionAt(parsed, keyStart).line;
  const indent = lineIndent(text, lineStart(parsed, keyLine)).length;
  const insertAt = lineStart(parsed, keyLine + 1);
  const prefix = insertAt >= text.length && !text.endsWith('\n') ? nl : '';
  return { range: at(insertAt), newText: `${prefix}${' '.repeat(indent + 2)}- name: ${name}${nl}` };
}

/** `# rdslic-disable-next-line RULE` above the diagnostic's first line, at that line's indentation. */
export function suppressionEdit(parsed: ParsedYaml, line: number, ruleId: string): TextEdit {
  const start = lineStart(parsed, line);
  const indent = lineIndent(parsed.text, start);
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# rdslic-disable-next-line ${ruleId}${eol(parsed.text)}` };
}

function titleFor(hint: FixHint): string {
  const value = hint.replacement ?? '';
  switch (hint.kind) {
    case 'normalizeId':
      return l10n.t('Normalise the identifier to {0}', value);
    case 'setLicensingMode':
      return l10n.t('Set the licensing mode to {0}', value);
    case 'maskSecret':
      return l10n.t('Replace the secret with {0}', value);
    default:
      return l10n.t('Replace with {0}', value);
  }
}

function serverNameOf(hint: FixHint, parsed: ParsedYaml, range: Range): string | undefined {
  for (const key of ['name', 'server', 'serverName']) if (typeof hint[key] === 'string' && hint[key]) return hint[key] as string;
  if (hint.replacement) return hint.replacement;
  const from = offsetAt(parsed, range.start);
  const to = offsetAt(parsed, range.end);
  const written = parsed.text.slice(from, to).replace(/^["']|["']$/g, '').trim();
  return written || undefined;
}

export function codeActions(uri: string, parsed: ParsedYaml, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const hint = diagnostic.data;
    if (isFixHint(hint)) {
      let edit: TextEdit | undefined;
      let title = titleFor(hint);
      if (hint.kind === 'addServerStub') {
        const name = serverNameOf(hint, parsed, hint.range ?? diagnostic.range);
        if (name) {
          edit = addServerStubEdit(parsed, name);
          title = l10n.t('Add license server {0} to licenseServers', name);
        }
      } else if (typeof hint.replacement === 'string') {
        edit = { range: hint.range ?? diagnostic.range, newText: hint.replacement };
      }
      if (edit) {
        fixes.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: [edit] } } });
      }
    }
    const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    const key = `${rule}@${diagnostic.range.start.line}`;
    if (rule && !suppressed.has(key)) {
      suppressed.add(key);
      suppressions.push({
        title: l10n.t('Disable {0} for this line', rule),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [suppressionEdit(parsed, diagnostic.range.start.line, rule)] } },
      });
    }
  }
  return [...fixes, ...suppressions];
}
