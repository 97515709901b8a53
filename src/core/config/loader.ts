// The thin file-reading side of configuration: finds the `.rdslic.yaml` files that apply to a
// path by walking up from its folder, reads and parses each once (cached per folder), and
// hands the layers to the pure resolver. Shared by the CLI and the language server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';
import { parseConfig } from './parse';
import { resolveSettings, type ResolvedSettings } from './resolve';
import { CONFIG_FILE_NAMES, CONFIG_RULE_ID, type ConfigLayer } from './types';

export interface ConfigForFile extends ResolvedSettings {
  /** Configuration files that apply, farthest first. */
  layers: ConfigLayer[];
  /** Problems in those configuration files (each file's findings carry its absolute path). */
  problems: Finding[];
}

interface FolderConfig {
  layer?: ConfigLayer;
  problems: Finding[];
}

export interface ConfigLoaderOptions {
  /** Use only this configuration file (`--config`) instead of looking for `.rdslic.yaml`. */
  configFile?: string;
}

function readConfigFile(file: string): FolderConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    const zero = { line: 0, character: 0 };
    return {
      problems: [
        {
          ruleId: CONFIG_RULE_ID,
          severity: 'error',
          message: l10n.t('Cannot read the configuration file ({0}).', reason),
          range: { start: zero, end: zero },
          file,
        },
      ],
    };
  }
  const parsed = parseConfig(text.replace(/^\uFEFF/, ''), file);
  return {
    layer: parsed.config ? { file, directory: path.dirname(file), config: parsed.config } : undefined,
    problems: parsed.findings,
  };
}

/** Finds, reads and caches configuration files. One loader per run (or per workspace). */
export class ConfigLoader {
  private readonly folders = new Map<string, FolderConfig>();
  private readonly explicit?: FolderConfig;

  constructor(options: ConfigLoaderOptions = {}) {
    if (options.configFile !== undefined) this.explicit = readConfigFile(path.resolve(options.configFile));
  }

  /** Forgets cached files, e.g. when the editor reports a change to a `.rdslic.yaml`. */
  clear(): void {
    this.folders.clear();
  }

  private folder(directory: string): FolderConfig {
    let cached = this.folders.get(directory);
    if (!cached) {
      cached = { problems: [] };
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(directory, name);
        if (isFile(candidate)) {
          cached = readConfigFile(candidate);
          break;
        }
      }
      this.folders.set(directory, cached);
    }
    return cached;
  }

  /** The configuration that applies to `filePath` (absolute or relative to the working folder). */
  forFile(filePath: string): ConfigForFile {
    const absolute = path.resolve(filePath);
    const found: FolderConfig[] = [];
    if (this.explicit) {
      found.push(this.explicit);
    } else {
      let directory = path.dirname(absolute);
      for (;;) {
        const folder = this.folder(directory);
        found.push(folder);
        if (folder.layer?.config.root) break;
        const parent = path.dirname(directory);
        if (parent === directory) break;
        directory = parent;
      }
    }
    const layers = found.map((f) => f.layer).filter((l): l is ConfigLayer => l !== undefined).reverse();
    const problems = found.flatMap((f) => f.problems);
    return { ...resolveSettings(layers, absolute), layers, problems };
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
