// Reading the inventories named on the command line for `report` and `gen`: the same path
// expansion and decoding as `rdslic lint`, so the three commands see the same files.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { Finding } from '../core/findings';
import { collectFiles, pathProblemText } from './lint/collect';
import { readInventory } from './lint/read-text';

export interface InventoryInput {
  /** As shown to the user: relative to the current folder when inside it. */
  file: string;
  absolute: string;
  text: string;
}

export interface InventoryInputs {
  inputs: InventoryInput[];
  /** One line per path that could not be used. */
  problems: string[];
}

export function readInventoryInputs(paths: readonly string[], cwd: string): InventoryInputs {
  const { files, missing } = collectFiles(paths.length > 0 ? paths : ['.'], cwd);
  const problems = missing.map(pathProblemText);
  const inputs: InventoryInput[] = [];
  for (const absolute of files) {
    const file = displayPath(absolute, cwd);
    let result;
    try {
      result = readInventory(absolute);
    } catch (e) {
      problems.push(l10n.t('cannot read {0}: {1}', file, (e as NodeJS.ErrnoException).code ?? String(e)));
      continue;
    }
    if ('finding' in result) problems.push(`${file}:${(result.finding as Finding).range.start.line + 1}: ${result.finding.message}`);
    else inputs.push({ file, absolute, text: result.text });
  }
  if (files.length === 0 && missing.length === 0) problems.push(l10n.t('no inventory (*.rdslic.yaml) found in {0}', paths.length > 0 ? paths.join(', ') : '.'));
  return { inputs, problems };
}

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}
