// Writing PowerShell safely from inventory values.

/**
 * A single-quoted PowerShell string literal. Inside single quotes PowerShell treats the
 * typographic single quotes (U+2018..U+201B) as quote characters too, so each of them is
 * doubled like the ASCII one; nothing else is special there ($ and ` are literal).
 */
export function psString(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

/** `@('a', 'b')`. */
export function psArray(values: readonly string[]): string {
  return `@(${values.map(psString).join(', ')})`;
}

/** Text for a line of a comment (or a `<# #>` block): one line, and it cannot close the block. */
export function psCommentText(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/#>/g, '# >');
}
