// `--into` edits the inventory through the `yaml` Document API, whose printer normalises some
// spacing the user chose: `x   # note` becomes `x # note`, `[ a, b ]` becomes `[a, b]`. yaml
// has no option to keep the space before a comment, so after printing, each line that differs
// from a line of the original file only in that spacing is put back as the user wrote it.
import { parseDocument } from 'yaml';

/**
 * The line with the spacing the printer normalises taken out: spaces before the first ` #`
 * (a trailing comment), and inside and between the brackets of flow collections.
 */
function spacingKey(line: string): string {
  return line
    .replace(/^(\s*)(.*?\S)[ \t]+#/, '$1$2 #')
    .replace(/([[{])[ \t]+/g, '$1')
    .replace(/[ \t]+([\]},])/g, '$1')
    .replace(/,[ \t]*/g, ', ')
    .replace(/[ \t]+$/, '');
}

/**
 * `printed` with each line that the original file has with other spacing replaced by the
 * original line. The result is kept only if it reads back as the same values (the lines
 * differ in spacing only, so comments keep their text): otherwise `printed` is returned.
 */
export function keepOriginalSpacing(original: string, printed: string): string {
  const candidates = new Map<string, string[]>();
  for (const line of original.split(/\r?\n/)) {
    const key = spacingKey(line);
    if (key === line) continue; // nothing the printer would have changed
    const list = candidates.get(key);
    if (list) list.push(line);
    else candidates.set(key, [line]);
  }
  if (candidates.size === 0) return printed;
  let changed = false;
  const lines = printed.split('\n').map((line) => {
    const originals = candidates.get(spacingKey(line));
    const first = originals?.shift();
    if (first === undefined || first === line) return line;
    changed = true;
    return first;
  });
  if (!changed) return printed;
  const restored = lines.join('\n');
  // A quoted value holding " #" or "[ " could match a line whose value changed: reading both
  // texts back catches it.
  const check = parseDocument(restored);
  if (check.errors.length > 0) return printed;
  return JSON.stringify(check.toJS()) === JSON.stringify(parseDocument(printed).toJS()) ? restored : printed;
}
