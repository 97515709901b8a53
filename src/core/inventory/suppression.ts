// Suppression comments:
//   # rdslic-disable-next-line RDS101, RDS302   (own line; the next line that is not a comment or blank)
//   # rdslic-disable-next-line                  (all rules on that line)
//   <yaml> # rdslic-disable-line RDS104          (that line)
//   # rdslic-disable-file RDS108                (the whole file; without ids: every rule)
import type { Finding } from '../findings';
import type { TextPositions } from '../text-positions';

export interface Suppressions {
  /** Rule ids disabled for the whole file ('*' for all). */
  file: Set<string>;
  /** Per 0-based line: rule ids disabled there ('*' for all). */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /#\s*rdslic-disable-(next-line|line|file)\b([^#\n]*)/;

function ids(list: string): string[] {
  const out = list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z]+\d+$/.test(s))
    .map((s) => s.toUpperCase());
  return out.length > 0 ? out : ['*'];
}

function add(map: Map<number, Set<string>>, line: number, rules: string[]): void {
  const set = map.get(line) ?? new Set<string>();
  for (const r of rules) set.add(r);
  map.set(line, set);
}

export function readSuppressions(positions: TextPositions): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  const text = positions.text;
  // Cheap pre-check: most files have no directive at all.
  if (!text.includes('rdslic-disable')) return { file, lines };
  let pending: string[] | undefined;
  for (let line = 0; line < positions.lineCount; line++) {
    const content = positions.lineText(line);
    const trimmed = content.trim();
    const m = DIRECTIVE.exec(content);
    const ownLine = trimmed.startsWith('#');
    if (m && ownLine && m[1] === 'next-line') {
      pending = [...(pending ?? []), ...ids(m[2])];
      continue;
    }
    if (m && m[1] === 'file') {
      for (const r of ids(m[2])) file.add(r);
      continue;
    }
    if (m && m[1] === 'line') add(lines, line, ids(m[2]));
    if (trimmed === '' || ownLine) continue;
    if (pending) {
      add(lines, line, pending);
      pending = undefined;
    }
  }
  return { file, lines };
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  if (suppressions.file.has('*') || suppressions.file.has(finding.ruleId)) return true;
  const set = suppressions.lines.get(finding.range.start.line);
  return set !== undefined && (set.has('*') || set.has(finding.ruleId));
}
