// The shape of `.rdslic.yaml` (schemas/config.schema.json is the contract; keep both in step).
import type { RuleDoc } from '../rules/types';
import type { RuleSetting } from '../inventory/lint';

export type { RuleSetting };

export interface ConfigOverride {
  /** Globs relative to the folder holding the configuration file. */
  files: string[];
  rules: Record<string, RuleSetting>;
}

export interface RdslicConfig {
  /** Stop the walk up: configuration files in parent folders are not used. */
  root?: boolean;
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  /** Globs relative to the folder holding the configuration file. */
  ignore?: string[];
}

/** One configuration file that applies to a path, with the folder its globs are relative to. */
export interface ConfigLayer {
  /** Absolute path of the configuration file. */
  file: string;
  /** Absolute path of the folder globs are relative to. */
  directory: string;
  config: RdslicConfig;
}

/** The file names rdslic looks for while walking up from an inventory. */
export const CONFIG_FILE_NAMES = ['.rdslic.yaml', '.rdslic.yml'] as const;

/** Rule id of a problem in a configuration file (YAML syntax or shape, unknown rule id). */
export const CONFIG_RULE_ID = 'CONFIG001';

/** Rule id of a file that is not text (binary, not UTF-8): reported by the CLI when reading. */
export const FILE_RULE_ID = 'FILE001';

/**
 * The rule table's entries for these two ids (src/core/rules/index.ts adds them to RULES, so
 * that SARIF's helpUri and docs/rules.md have them like every other rule).
 */
export const FILE_RULES: readonly RuleDoc[] = [
  {
    id: CONFIG_RULE_ID,
    family: 'files',
    defaultSeverity: 'error',
    title: 'Invalid rdslic configuration file',
    description:
      'A .rdslic.yaml (or the file given to --config) is not valid YAML or does not match schemas/config.schema.json (an error: the file is then not used), or names a rule that does not exist (a warning).',
    rationale: 'A configuration that cannot be read would silently change which rules run; saying so keeps CI and the editor honest about what was checked.',
    fix: 'Correct the file as the message says (the keys are root, rules, overrides and ignore; rule ids are the ones on this page).',
    example: '# .rdslic.yaml\nrules:\n  RDS999: off',
  },
  {
    id: FILE_RULE_ID,
    family: 'files',
    defaultSeverity: 'error',
    title: 'Inventory file is not text',
    description: 'The file is binary or not UTF-8 text. Save inventories as UTF-8 (UTF-16 with a byte order mark, as Windows PowerShell writes, is also read).',
    rationale: 'An inventory is reviewed in pull requests and read by every tool: bytes that are not text cannot be checked at all.',
    fix: 'Save the file as UTF-8 (in PowerShell 5.1: Out-File -Encoding utf8), or remove it from the inventory folder if it is not an inventory.',
    example: '(a file with a NUL byte, or Latin-1 bytes such as 0xE9)',
  },
];
