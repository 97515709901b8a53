// Pure resolution of configuration: which rule settings apply to a file, and whether it is
// ignored. No file access here, so the CLI and the language server get the same answers.
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { ConfigLayer, RdslicConfig, RuleSetting } from './types';

const GLOB_OPTIONS = { dot: true, nocomment: true, nonegate: true } as const;

/** `a\b` → `a/b`: globs are written with `/` whatever the platform. */
function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function outside(relativePath: string): boolean {
  return relativePath === '' || relativePath === '..' || relativePath.startsWith('../') || path.isAbsolute(relativePath);
}

function matchesAny(relativePath: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => minimatch(relativePath, pattern.replace(/^\.\//, ''), GLOB_OPTIONS));
}

/**
 * Rule settings of one configuration for a path relative to the folder holding it (`/`
 * separators): `rules` first, then every matching override in order, the later winning.
 */
export function resolveRules(config: RdslicConfig, relativePath: string): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = { ...(config.rules ?? {}) };
  if (outside(relativePath)) return rules;
  for (const override of config.overrides ?? []) {
    if (matchesAny(relativePath, override.files)) Object.assign(rules, override.rules);
  }
  return rules;
}

/**
 * Whether one configuration's `ignore` covers a path relative to its folder. A pattern naming a
 * folder (`archive`, `archive/`) covers everything below it, as in `.gitignore`.
 */
export function isIgnored(config: RdslicConfig, relativePath: string): boolean {
  const patterns = (config.ignore ?? []).map((p) => p.replace(/\/+$/, ''));
  if (patterns.length === 0 || outside(relativePath)) return false;
  const parts = relativePath.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (matchesAny(parts.slice(0, i).join('/'), patterns)) return true;
  }
  return false;
}

export interface ResolvedSettings {
  rules: Record<string, RuleSetting>;
  ignored: boolean;
}

/**
 * Settings for `filePath` (absolute) from the configuration files that apply to it, farthest
 * first: nearer files win, each file's globs are relative to its own folder.
 */
export function resolveSettings(layers: readonly ConfigLayer[], filePath: string): ResolvedSettings {
  const rules: Record<string, RuleSetting> = {};
  let ignored = false;
  for (const layer of layers) {
    const relativePath = toPosix(path.relative(layer.directory, filePath));
    Object.assign(rules, resolveRules(layer.config, relativePath));
    ignored ||= isIgnored(layer.config, relativePath);
  }
  return { rules, ignored };
}
