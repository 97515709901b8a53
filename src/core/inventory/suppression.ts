// Suppression comments:
//   # rdslic-disable-next-line RDS101, RDS302   (own line; the next line that is not a comment or blank)
//   # rdslic-disable-next-line                  (all rules on that line)
//   <yaml> # rdslic-disable-line RDS104          (that line)
//   # rdslic-disable-file RDS108                (the whole file; without ids: every rule)
// A rule id that does not exist (a typo, a rule from another tool) turns nothing off: it is
// reported (DISABLE001) rather than ignored, like ESLint's "definition for rule was not found".
import type { Finding, Range } from '../findings';
import type { TextPositions } from '../text-positions';
import type { RuleDoc } from '../rules/types';

export const SUPPRESSION_UNKNOWN_RULE = 'DISABLE001';

export const SUPPRESSION_RULES: RuleDoc[] = [
  {
    id: SUPPRESSION_UNKNOWN_RULE,
    family: 'files',
    defaultSeverity: 'warning',
    title: 'Unknown rule in a suppression comment',
    description: 'A `# rdslic-disable-next-line`, `# rdslic-disable-line` or `# rdslic-disable-file` comment names a rule id that rdslic does not have. Reported on that id.',
    rationale: 'A mistyped id turns nothing off: the finding it was meant for is still reported, or the comment is left over from a rule that was renamed.',
    fix: 'Write the id of the finding to turn off (as shown in the problem list and on this page), or remove the comment.',
    example: '# rdslic-disable-next-line RDS999\nserverId: "12345"',
  },
];

/** A rule id written in a suppression comment, where it is written. */
export interface SuppressionMention {
  ruleId: string;
  range: Range;
}

export interface Suppressions {
  /** Rule ids disabled for the whole file ('*' for all). */
  file: Set<string>;
  /** Per 0-based line: rule ids disabled there ('*' for all). */
  lines: Map<number, Set<string>>;
  /** Every rule id named in a directive, to report the unknown ones. */
  mentions: SuppressionMention[];
}

const DIRECTIVE = /#\s*rdslic-disable-(next-line|line|file)\b([^#\n]*)/;

const RULE_ID = /^[A-Za-z]+\d+$/;

/** The ids a directive disables: those it names, or all ('*') when it names none. */
function ids(named: readonly SuppressionMention[]): string[] {
  return named.length > 0 ? named.map((m) => m.ruleId) : ['*'];
}

/** The rule ids of a directive's list, with their ranges (`listStart`: the list's column). */
function mentionsIn(list: string, line: number, listStart: number): SuppressionMention[] {
  const out: SuppressionMention[] = [];
  for (const m of list.matchAll(/[^\s,]+/g)) {
    if (!RULE_ID.test(m[0])) continue;
    const character = listStart + m.index!;
    out.push({ ruleId: m[0].toUpperCase(), range: { start: { line, character }, end: { line, character: character + m[0].length } } });
  }
  return out;
}

function add(map: Map<number, Set<string>>, line: number, rules: string[]): void {
  const set = map.get(line) ?? new Set<string>();
  for (const r of rules) set.add(r);
  map.set(line, set);
}

export function readSuppressions(positions: TextPositions): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  const mentions: SuppressionMention[] = [];
  const text = positions.text;
  // Cheap pre-check: most files have no directive at all.
  if (!text.includes('rdslic-disable')) return { file, lines, mentions };
  let pending: string[] | undefined;
  for (let line = 0; line < positions.lineCount; line++) {
    const content = positions.lineText(line);
    const trimmed = content.trim();
    const m = DIRECTIVE.exec(content);
    const ownLine = trimmed.startsWith('#');
    const named = m ? mentionsIn(m[2], line, m.index + m[0].length - m[2].length) : [];
    // Ids are checked where the directive takes effect (a next-line directive after a value does not).
    if (m && (ownLine || m[1] !== 'next-line')) mentions.push(...named);
    if (m && ownLine && m[1] === 'next-line') {
      pending = [...(pending ?? []), ...ids(named)];
      continue;
    }
    if (m && m[1] === 'file') {
      for (const r of ids(named)) file.add(r);
      continue;
    }
    if (m && m[1] === 'line') add(lines, line, ids(named));
    if (trimmed === '' || ownLine) continue;
    if (pending) {
      add(lines, line, pending);
      pending = undefined;
    }
  }
  return { file, lines, mentions };
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  if (suppressions.file.has('*') || suppressions.file.has(finding.ruleId)) return true;
  const set = suppressions.lines.get(finding.range.start.line);
  return set !== undefined && (set.has('*') || set.has(finding.ruleId));
}
