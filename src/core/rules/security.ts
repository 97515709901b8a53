// RDS5xx: secrets committed in clear. Reads the raw text, comments included, so it also runs
// when the YAML does not parse.
import * as l10n from '@vscode/l10n';
import { compactId, maskRetailCode, type IdInText } from '../domain/identifiers';
import type { FixHint } from '../findings';
import { idsInText } from '../inventory/text-ids';
import type { RuleCheck, RuleContext, RuleDoc } from './types';

export const SECURITY_RULES: RuleDoc[] = [
  {
    id: 'RDS501',
    family: 'security',
    defaultSeverity: 'error',
    title: 'Full retail license code (product key) in clear',
    description:
      'Something that looks like a 25-character retail license code or product key (5 groups of 5, or 25 letters and digits in one run) appears anywhere in the file, comments included. Groups may be separated by hyphens, or by spaces or underscores (then upper-case letters and digits, with at least one of each). A masked code (XXXXX-XXXXX-XXXXX-XXXXX-ABCDE) is fine.',
    rationale:
      'A retail "5x5" code installs CALs on any license server, and once used it cannot be used again on another one (W32-RET; VENDOR sherweb): whoever reads the repository can burn it. The facts sheet advises masking codes in git (§7 item 15).',
    fix: 'Keep only the last five characters (retailCodeLast5, or the masked form offered by the quick fix) and write in "evidence" where the full code is kept (password vault, licensing library).',
    example: 'evidence: "Retail box, code 7K2QH-4M9PX-R3T8W-C6VJD-1NB5F"',
  },
];

/** Message and quick fix of RDS501 for a full retail code written as `code`, wherever it is written. */
export function retailCodeVerdict(code: string): { message: string; fix: FixHint } {
  const last5 = compactId(code).slice(-5);
  return {
    message: l10n.t(
      'This looks like a full retail license code (product key) committed in clear: anyone who reads the repository can use it. Keep only its last five characters (retailCodeLast5: {0}) and note where the full code is kept.',
      last5,
    ),
    fix: { kind: 'maskSecret', replacement: maskRetailCode(code), last5 },
  };
}

/** True for a retail code found in text that is written in full (not masked). */
export function isFullRetailCode(id: IdInText): boolean {
  return id.kind === 'retailCode' && !id.masked && !id.text.includes('*');
}

function run(ctx: RuleContext): void {
  for (const id of idsInText(ctx.parsed)) {
    if (!isFullRetailCode(id)) continue;
    const { message, fix } = retailCodeVerdict(id.text);
    ctx.report('RDS501', ctx.parsed.positions.range(id.start, id.end), message, fix);
  }
}

export const securityCheck: RuleCheck = { family: 'security', run, readsText: true };
