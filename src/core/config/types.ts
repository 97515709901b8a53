// The shape of `.rdslic.yaml` (schemas/config.schema.json is the contract; keep both in step).
import type { Severity } from '../findings';
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

/** Rules reported outside the inventory rule table (for SARIF and the rule documentation). */
export const NON_TABLE_RULES: readonly { id: string; defaultSeverity: Severity; title: string; description: string }[] = [
  {
    id: CONFIG_RULE_ID,
    defaultSeverity: 'error',
    title: 'Invalid rdslic configuration file',
    description:
      'A .rdslic.yaml (or the file given to --config) is not valid YAML or does not match schemas/config.schema.json (an error: the file is then not used), or names a rule that does not exist (a warning).',
  },
  {
    id: FILE_RULE_ID,
    defaultSeverity: 'error',
    title: 'Inventory file is not text',
    description: 'The file is binary or not UTF-8 text. Save inventories as UTF-8 (UTF-16 with a byte order mark, as Windows PowerShell writes, is also read).',
  },
];

/** Ids reported outside the inventory rule table, which a configuration may still name. */
export const NON_TABLE_RULE_IDS: readonly string[] = NON_TABLE_RULES.map((r) => r.id);
