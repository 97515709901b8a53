// The shape of `.rdslic.yaml` (schemas/config.schema.json is the contract; keep both in step).
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

/** Rule id of a problem in a configuration file (YAML syntax or shape). */
export const CONFIG_RULE_ID = 'CONFIG001';
