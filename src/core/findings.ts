// The one shape every face of rdslic reports problems in: the CLI formats it, the language
// server turns it into LSP diagnostics, the extension shows it. Positions are 0-based
// (line, character in UTF-16 code units, as in LSP); the CLI adds 1 when it prints them.

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Machine-readable hint for a quick fix, carried to the editor in the diagnostic's `data`. */
export interface FixHint {
  /** What kind of fix this is, e.g. `normalizeId`, `setLicensingMode`, `addServerStub`, `maskSecret`. */
  kind: string;
  /** Text that should replace `range` (or the finding's range when `range` is absent). */
  replacement?: string;
  range?: Range;
  /** Free-form details for fixes that need more than a replacement. */
  [key: string]: unknown;
}

export interface Finding {
  /** Stable rule id, e.g. `RDS101`, or `YAML001` for syntax, `SCHEMA001` for shape. */
  ruleId: string;
  severity: Severity;
  /** Says what is wrong and what to do, in the active language. */
  message: string;
  range: Range;
  /** Path as given by the caller (relative to the working directory for the CLI). */
  file?: string;
  fix?: FixHint;
}

/** Every value a rule can be set to (configuration files, the editor setting, `--rule`). */
export const RULE_SETTINGS: readonly (Severity | 'off')[] = ['error', 'warning', 'info', 'off'];

/** Same rule, same start, same message: one problem, however many times a parser or validator said it. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
}

export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
