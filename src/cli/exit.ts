// Exit codes shared by every sub-command (as ESLint, markdownlint-cli2 and spectral do).
export const EXIT_OK = 0;
/** Findings at or above the fail level, or `--check` / `--require-complete` not satisfied. */
export const EXIT_FINDINGS = 1;
/** Usage error, unreadable or missing path. */
export const EXIT_USAGE = 2;
/** Internal error (a bug): still one line on stderr. */
export const EXIT_INTERNAL = 2;

export function printUsageError(message: string): number {
  process.stderr.write(`rdslic: ${message}\n`);
  return EXIT_USAGE;
}
