// Renders the rule table as docs/rules.md (npm run docs). A unit test compares the file with
// this output, so the documentation cannot drift from the rules.
import type { RuleDoc, RuleFamily } from './types';

const FAMILY_TITLES: Record<RuleFamily, string> = {
  shape: 'Shape: YAML syntax and the inventory schema',
  limits: 'Input limits (LIMIT0xx)',
  identifiers: 'Identifiers (RDS1xx)',
  compatibility: 'Compatibility (RDS2xx)',
  consistency: 'Consistency (RDS3xx)',
  time: 'Time (RDS4xx)',
  security: 'Security (RDS5xx)',
  runbook: 'Runbooks (RDS6xx)',
  files: 'Files, configuration and suppression comments',
};

function fence(text: string): string {
  return ['```yaml', text, '```'].join('\n');
}

export function renderRulesMarkdown(rules: readonly RuleDoc[]): string {
  const out: string[] = [
    '<!-- Generated from the rule table (src/core/rules) by `npm run docs`. Do not edit by hand. -->',
    '# rdslic rules',
    '',
    'Every finding of `rdslic lint` and of the language server has one of these rule ids. The',
    'sources in "Why" are the keys of the RDS licensing facts sheet (its §9 resolves them to',
    'Microsoft documentation, WMI references and the seed articles).',
    '',
    '**Changing severities.** In `.rdslic.yaml`, or through the `rules` option of the API',
    '(`lintInventory(text, { rules: { RDS108: "off", RDS405: "warning" } })`), a rule can be set to',
    '`error`, `warning`, `info` or `off`.',
    '',
    '**Suppression comments.**',
    '',
    '- `# rdslic-disable-next-line RDS101, RDS302` on its own line: those rules, on the next line',
    '  that is not a comment or blank (without ids: every rule);',
    '- `# rdslic-disable-line RDS104` at the end of a line: that line;',
    '- `# rdslic-disable-file RDS108` anywhere: the whole file (without ids: every rule).',
    '',
    'An id that is not on this page turns nothing off and is reported ([DISABLE001](#disable001)).',
    '',
    '**Runbooks.** `rdslic lint` and the language server also check runbooks (`*.runbook.md`): the',
    'License Server IDs, key pack IDs and retail codes written in them get the identifier and security',
    'rules (RDS101-RDS104, RDS501), and their front matter and `{{...}}` placeholders the RDS6xx rules. A value right after what',
    'names it on the same line (`keyPackId:`, `serverId:`, "key pack ID", "License Server ID", French',
    '"ID de pack de clés", "ID du serveur de licences") is checked as that ID, also when it has 33 to 37',
    'characters (a character dropped or doubled). Suppression comments are',
    'for inventories; in `.rdslic.yaml`, an `overrides` entry with `files: ["**/*.runbook.md"]` sets',
    'severities for runbooks.',
    '',
    '| id | severity | family | title |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.defaultSeverity} | ${r.family} | ${r.title.replace(/\|/g, '\\|')} |`),
    '',
  ];
  let family: RuleFamily | undefined;
  for (const r of rules) {
    if (r.family !== family) {
      family = r.family;
      out.push(`## ${FAMILY_TITLES[family]}`, '');
    }
    out.push(
      `<a id="${r.id.toLowerCase()}"></a>`,
      `### ${r.id}: ${r.title}`,
      '',
      `Default severity: **${r.defaultSeverity}**.`,
      '',
      `**What it checks.** ${r.description}`,
      '',
      `**Why.** ${r.rationale}`,
      '',
      `**How to fix.** ${r.fix}`,
      '',
      '**Example.**',
      '',
      fence(r.example),
      '',
    );
  }
  return out.join('\n');
}
