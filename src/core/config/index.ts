// `.rdslic.yaml`: types, pure parsing and resolution, and the loader that reads files.
export { CONFIG_FILE_NAMES, CONFIG_RULE_ID, FILE_RULE_ID, FILE_RULES } from './types';
export type { ConfigLayer, ConfigOverride, RdslicConfig } from './types';
export { parseConfig, type ParsedConfig } from './parse';
export { resolveRules, isIgnored, resolveSettings, type ResolvedSettings } from './resolve';
export { ConfigLoader, type ConfigForFile, type ConfigLoaderOptions } from './loader';
