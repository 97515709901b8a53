// The output formats of `rdslic lint --format`.
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import type { Formatter } from './report';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name);
}

export type { Formatter, FormatOptions, LintReport, RuleInfo } from './report';
